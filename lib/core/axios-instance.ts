import axios, { type AxiosAdapter, type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';
import { createUndiciAdapter } from './undici/undici-adapter';

/** @internal */
export interface AxiosInstanceSettings {
  readonly baseURL: string;
  readonly timeoutMs: number;
  readonly maxSockets: number;
  readonly maxResponseBytes: number;
}

/** An axios instance of the module's own, with the keep-alive pools it owns. @internal */
export interface OwnedAxiosInstance {
  readonly axios: AxiosInstance;
  /** Closes the pooled sockets; called when the Nest app shuts down. */
  destroy(): Promise<void>;
}

/**
 * Builds a dedicated axios instance (never the process-global default) whose requests go out through
 * undici keep-alive pools (see `createUndiciAdapter`), so consecutive calls reuse TLS connections and each
 * attempt is bounded in time and size. The app's global axios and its other instances keep their adapter
 * and defaults; none of the global defaults reach this instance.
 * @internal
 */
export function createAxiosInstance(settings: AxiosInstanceSettings): OwnedAxiosInstance {
  const instance = axios.create();
  const transport = createUndiciAdapter(settings, () => instance);
  setInstanceDefaults(instance, {
    baseURL: settings.baseURL,
    timeoutMs: settings.timeoutMs,
    adapter: transport.adapter,
  });
  return { axios: instance, destroy: () => transport.close() };
}

interface InstanceDefaultsSettings {
  readonly baseURL: string;
  readonly timeoutMs: number;
  readonly adapter: AxiosAdapter;
}

/**
 * Replaces the defaults `axios.create()` copied from the process-global axios with the module's own, and
 * only those. Two reasons: nothing the app set on its global axios (a default `Authorization` header for
 * another API, `params`, an agent) reaches PortOne; and axios merges the defaults into every request, so
 * fewer keys (no per-method header groups, one JSON transform each way) make each call cheaper.
 */
function setInstanceDefaults(instance: AxiosInstance, settings: InstanceDefaultsSettings): void {
  // Replaced in place: the instance's request method reads the very object axios.create() made.
  const defaults = instance.defaults as unknown as Record<string, unknown>;
  for (const key of Object.keys(defaults)) delete defaults[key];
  Object.assign(defaults, {
    baseURL: settings.baseURL,
    timeout: settings.timeoutMs,
    adapter: settings.adapter,
    // PortOne never redirects API calls, and the adapter never follows one.
    maxRedirects: 0,
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'Accept-Encoding': 'gzip, deflate, br',
    } as unknown as AxiosInstance['defaults']['headers'],
    transformRequest: [toJsonBody],
    transformResponse: [fromJsonBody],
    validateStatus: status => status >= 200 && status < 300,
    // axios's defaults, except that timeouts are reported as ETIMEDOUT rather than the ambiguous ECONNABORTED.
    transitional: { silentJSONParsing: true, forcedJSONParsing: true, clarifyTimeoutError: true },
  } satisfies AxiosInstance['defaults']);
}

/** Objects and arrays go out as JSON; bodies that are already bytes or text go out as they are. */
function toJsonBody(data: unknown): unknown {
  if (data === undefined || data === null || typeof data === 'string' || Buffer.isBuffer(data)) return data;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data;
  return JSON.stringify(data);
}

/**
 * axios's default response transform for what the module receives: text is parsed as JSON unless another
 * `responseType` was asked for; text that is not JSON (an HTML error page) is handed on as text, for the
 * error map to report.
 */
function fromJsonBody(this: InternalAxiosRequestConfig, data: unknown): unknown {
  if (typeof data !== 'string' || data === '') return data;
  if (this.responseType !== undefined && this.responseType !== 'json') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}
