import { isAxiosError } from 'axios';
import { PortOneAuthError, PortOneError, type PortOneRequestSummary } from '../errors';
import { isTransientStatus } from './retry-policy';
import { readRequestId } from './to-portone-error';

/** How one API generation describes a failed token request. @internal */
export interface TokenRequestFailureContext {
  readonly request: PortOneRequestSummary;
  /** What PortOne refused when it answers 401, e.g. `the API key or secret`. */
  readonly refused: string;
  /** PortOne's V1 `code` or V2 `type`, read from the error body. */
  readonly readBody: (body: unknown) => { code?: number; type?: string };
}

/**
 * Turns a failed token request (V1 getToken, V2 login or refresh) into `PortOneAuthError`. It is
 * `retryable` when transient (network, 429, 5xx): the API call the token was for has not been sent yet.
 * @internal
 */
export function tokenRequestFailure(error: unknown, context: TokenRequestFailureContext): PortOneError {
  if (error instanceof PortOneError) return error;
  if (!isAxiosError(error)) throw error;
  const { request } = context;
  const status = error.response?.status;
  const what = status === undefined ? `a network error (${error.code ?? 'unknown'})` : `HTTP ${status}`;
  const api = request.api.toUpperCase();
  return new PortOneAuthError(
    status === 401
      ? `PortOne ${api} refused ${context.refused} (${request.path} answered 401)`
      : `Could not obtain a PortOne ${api} access token: ${request.path} failed with ${what}`,
    {
      request,
      requestId: readRequestId(error.response?.headers),
      status,
      ...context.readBody(error.response?.data),
      retryable: status === undefined || isTransientStatus(status),
    },
  );
}
