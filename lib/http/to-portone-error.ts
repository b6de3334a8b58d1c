import { isAxiosError, isCancel } from 'axios';
import {
  PortOneAbortedError,
  PortOneAuthError,
  PortOneError,
  PortOneNetworkError,
  PortOneTimeoutError,
} from '../errors';
import type { ApiDialect, DialectContext } from './api-dialect.interface';
import { isTransientStatus, parseRetryAfter } from './retry-policy';

/** Connection failures that prove the request never reached the server, so even a POST may be re-sent. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED']);

/** A mapped failure, plus how long the server asked us to wait. @internal */
export interface MappedFailure {
  readonly error: PortOneError;
  readonly retryAfterMs?: number;
}

/**
 * The one place where whatever axios (or an interceptor) threw becomes a typed `PortOneError`. No raw
 * AxiosError leaves the module: they carry request headers, i.e. the access token or API secret.
 * @internal
 */
export function toPortOneError(
  thrown: unknown,
  dialect: ApiDialect,
  context: DialectContext,
  timeoutMs: number,
): MappedFailure {
  const { summary: request, retrySafe } = context;
  if (thrown instanceof PortOneError) return { error: thrown };
  if (isCancel(thrown)) return { error: new PortOneAbortedError({ request }) };
  if (!isAxiosError(thrown)) throw thrown; // a programming error: let it surface as it is

  const response = thrown.response;
  const requestId = readRequestId(response?.headers);
  if (!response) {
    const code = thrown.code ?? '';
    if (TIMEOUT_CODES.has(code)) {
      return {
        error: new PortOneTimeoutError(timeoutMs, {
          request,
          requestId,
          retryable: retrySafe,
          errorCode: code,
        }),
      };
    }
    return {
      error: new PortOneNetworkError(
        `${request.method} ${request.path} failed: connection error (${code || 'unknown'})`,
        {
          failure: 'connection',
          request,
          errorCode: code || undefined,
          retryable: retrySafe || NOT_SENT_CODES.has(code),
        },
      ),
    };
  }

  const status = response.status;
  const retryAfterMs = parseRetryAfter(response.headers['retry-after']);
  const apiError = dialect.readFailure(status, response.data, { ...context, requestId });
  if (status === 401) {
    return {
      error: new PortOneAuthError(
        `${request.method} ${request.path} was refused with 401 after a token refresh${
          apiError?.portOneMessage ? `: ${apiError.portOneMessage}` : ''
        }`,
        { request, requestId, status, code: apiError?.code, type: apiError?.type, retryable: false },
      ),
    };
  }
  if (apiError) return { error: apiError, retryAfterMs };
  return {
    error: new PortOneNetworkError(
      `${request.method} ${request.path} failed: HTTP ${status} with a body that is not PortOne's JSON`,
      {
        failure: 'invalid-response',
        request,
        requestId,
        status,
        retryable: retrySafe && isTransientStatus(status),
      },
    ),
    retryAfterMs,
  };
}

/**
 * PortOne's request id. The header name is not documented (UNVERIFIED); we accept the common spellings.
 * @internal
 */
export function readRequestId(headers: unknown): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const bag = headers as Record<string, unknown>;
  const value = bag['x-request-id'] ?? bag['x-portone-request-id'] ?? bag['request-id'];
  return typeof value === 'string' ? value : undefined;
}
