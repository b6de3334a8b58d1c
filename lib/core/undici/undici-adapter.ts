import {
  AxiosError,
  type AxiosAdapter,
  type AxiosInstance,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios';
import { readBoundedBody, RESPONSE_TOO_LARGE, ResponseTooLarge, type TooLargeDetails } from './bounded-body';
import { ConnectionPools } from './connection-pools';
import { AbortHandle } from './abort-handle';
import { requestTarget, type RequestTarget } from './request-url';
import { canceledError, timeoutError, toAxiosError } from './to-axios-error';

/** @internal */
export interface UndiciAdapterSettings {
  /** Sockets per API host (`connections` of the undici pool). */
  readonly maxSockets: number;
  /** Most bytes read from one answer, as received and after decompression. */
  readonly maxResponseBytes: number;
}

/** An axios adapter of the module's own, and the pools it owns. @internal */
export interface UndiciAdapter {
  readonly adapter: AxiosAdapter;
  /** Closes every socket; later requests fail without being sent. */
  close(): Promise<void>;
}

/**
 * Sends the module's axios requests with undici (Node's own HTTP client) instead of axios's `http` adapter.
 * Everything above it stays axios: HttpService, interceptors, transforms, `validateStatus`, AxiosError.
 *
 * Per attempt it runs ONE wall-clock deadline (`config.timeout`) that covers connecting, waiting for
 * headers and reading the whole body, so a server that dribbles its body cannot stretch a call past the
 * timeout. Redirects are never followed (a 3xx is an answer like any other). Bodies are bounded by
 * `maxResponseBytes` before and after decompression.
 * @internal
 */
export function createUndiciAdapter(
  settings: UndiciAdapterSettings,
  instance: () => AxiosInstance,
): UndiciAdapter {
  const pools = new ConnectionPools(settings.maxSockets);

  const adapter: AxiosAdapter = config =>
    new Promise<AxiosResponse>((resolve, reject) => {
      let target: RequestTarget;
      try {
        target = requestTarget(config, instance());
      } catch (error) {
        reject(toAxiosError(error, config)); // e.g. an invalid URL
        return;
      }
      const dispatcher = pools.dispatcherFor(target.hostname);
      if (!dispatcher) {
        reject(new AxiosError('the PortOne module was shut down', 'ERR_PORTONE_CLOSED', config, null));
        return;
      }
      if (config.signal?.aborted) {
        reject(canceledError(config));
        return;
      }
      if (config.responseType === 'stream') {
        reject(new AxiosError('responseType stream is not supported', AxiosError.ERR_NOT_SUPPORT, config));
        return;
      }

      const attempt = new AbortHandle();
      let settled = false;
      const settle = (error: Error | undefined, response?: AxiosResponse): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        config.signal?.removeEventListener?.('abort', onAbort);
        if (error === undefined) resolve(response!);
        else {
          reject(error);
          attempt.abort(error); // stops whatever is still in flight and closes the socket
        }
      };
      const onAbort = (): void => settle(canceledError(config));
      const timer = config.timeout
        ? setTimeout(() => settle(timeoutError(config)), config.timeout)
        : undefined;
      config.signal?.addEventListener?.('abort', onAbort, { once: true });

      let body: string | Buffer | undefined;
      try {
        body = requestBody(config);
      } catch (error) {
        settle(toAxiosError(error, config));
        return;
      }
      dispatcher.request(
        {
          origin: target.origin,
          path: target.path,
          method: (config.method ?? 'get').toUpperCase(),
          headers: config.headers.toJSON(),
          body,
          signal: attempt,
        },
        (error, data) => {
          if (error) return settle(toAxiosError(error, config));
          const headers = data.headers as Record<string, string | string[] | undefined>;
          const encoding = headers['content-encoding'] as string | undefined;
          const length = headers['content-length'];
          readBoundedBody(
            data.body,
            encoding,
            length ? Number(length) : undefined,
            settings.maxResponseBytes,
          ).then(
            buffer => {
              if (encoding !== undefined && buffer.length > 0) delete headers['content-encoding'];
              const response: AxiosResponse = {
                data: responseData(buffer, config),
                status: data.statusCode,
                statusText: data.statusText ?? '',
                headers,
                config,
                request: null,
              };
              const validate = config.validateStatus;
              settle(!validate || validate(data.statusCode) ? undefined : statusError(response), response);
            },
            (failure: unknown) =>
              settle(
                failure instanceof ResponseTooLarge
                  ? tooLargeError(config, {
                      status: data.statusCode,
                      limitBytes: settings.maxResponseBytes,
                      measured: failure.measured,
                    })
                  : toAxiosError(failure, config),
              ),
          );
        },
      );
    });

  return { adapter, close: () => pools.close() };
}

/** An answer past `maxResponseBytes`, as an AxiosError the error map recognises by its code. */
function tooLargeError(config: InternalAxiosRequestConfig, details: TooLargeDetails): AxiosError {
  const error = new AxiosError(
    `response larger than maxResponseBytes (${details.limitBytes} bytes, ${details.measured})`,
    RESPONSE_TOO_LARGE,
    config,
    null,
  );
  return Object.assign(error, { tooLarge: details });
}

/** The body axios's request transforms produced (JSON already stringified). */
function requestBody(config: InternalAxiosRequestConfig): string | Buffer | undefined {
  const data: unknown = config.data;
  if (data === undefined || data === null) return undefined;
  if (typeof data === 'string' || Buffer.isBuffer(data)) return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  throw new AxiosError('request body type not supported', AxiosError.ERR_BAD_REQUEST, config);
}

/** As axios's http adapter: a Buffer for `arraybuffer`, otherwise UTF-8 text without a BOM (JSON is parsed by the transforms). */
function responseData(buffer: Buffer, config: InternalAxiosRequestConfig): string | Buffer {
  if (config.responseType === 'arraybuffer') return buffer;
  const text = buffer.toString((config.responseEncoding as BufferEncoding | undefined) ?? 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** axios's `settle`: 4xx is ERR_BAD_REQUEST, 5xx ERR_BAD_RESPONSE (others no code), the response attached. */
function statusError(response: AxiosResponse): AxiosError {
  const code = [AxiosError.ERR_BAD_REQUEST, AxiosError.ERR_BAD_RESPONSE][
    Math.floor(response.status / 100) - 4
  ];
  return new AxiosError(
    `Request failed with status code ${response.status}`,
    code,
    response.config,
    null,
    response,
  );
}
