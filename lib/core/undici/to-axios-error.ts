import { AxiosError, CanceledError, type InternalAxiosRequestConfig } from 'axios';

/**
 * undici's own error codes, renamed to the Node codes the module's error map (and anyone reading an
 * AxiosError) knows. Node's system codes (ECONNREFUSED, ENOTFOUND, ECONNRESET, EAI_AGAIN, ...) come
 * through unchanged.
 */
const RENAMED_CODES: Readonly<Record<string, string>> = {
  // "other side closed" / a socket error mid-request: the peer reset or dropped the connection.
  UND_ERR_SOCKET: 'ECONNRESET',
};

/** Any failure of the transport as the AxiosError axios's http adapter would have produced. @internal */
export function toAxiosError(error: unknown, config: InternalAxiosRequestConfig): AxiosError {
  if (error instanceof AxiosError) return error;
  // Duck-typed, not `instanceof Error`: Node's socket errors may come from another realm (e.g. a test VM).
  const cause = (
    typeof error === 'object' && error !== null ? error : new Error(String(error))
  ) as NodeJS.ErrnoException;
  const original = cause.code ?? (cause.cause as NodeJS.ErrnoException | undefined)?.code;
  const code = (original && RENAMED_CODES[original]) ?? original;
  return AxiosError.from(cause, code, config, null);
}

/** The deadline of the attempt passed: axios's timeout error, with its message and code conventions. @internal */
export function timeoutError(config: InternalAxiosRequestConfig): AxiosError {
  const message = config.timeoutErrorMessage ?? `timeout of ${config.timeout}ms exceeded`;
  const code = config.transitional?.clarifyTimeoutError ? AxiosError.ETIMEDOUT : AxiosError.ECONNABORTED;
  return new AxiosError(message, code, config, null);
}

/** The caller's AbortSignal fired: axios's CanceledError, which `isCancel` recognises. @internal */
export function canceledError(config: InternalAxiosRequestConfig): AxiosError {
  return new CanceledError(undefined, config, null);
}
