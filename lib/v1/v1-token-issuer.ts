import type { AxiosInstance } from 'axios';
import { PortOneAuthError, type PortOneRequestSummary } from '../errors';
import type { PortOneRequestConfig } from '../http/request-context';
import type { IssuedToken } from '../http/token-cache';
import { tokenRequestFailure } from '../http/token-request-failure';
import { readRequestId } from '../http/to-portone-error';
import { isV1Envelope } from './v1-envelope';

const TOKEN_REQUEST: PortOneRequestSummary = { api: 'v1', method: 'POST', path: '/users/getToken' };

interface V1TokenPayload {
  access_token: string;
  now: number;
  expired_at: number;
}

/**
 * Asks PortOne V1 for an access token. The lifetime is `expired_at - now`, both on PortOne's clock, so the
 * client's own clock never enters the calculation. Any failure becomes `PortOneAuthError`; it is
 * `retryable` when transient, because the API call it was fetched for has not been sent yet.
 * @internal
 */
export async function issueV1Token(
  axios: AxiosInstance,
  credentials: { apiKey: string; apiSecret: string },
  timeoutMs: number,
): Promise<IssuedToken> {
  let body: unknown;
  let requestId: string | undefined;
  try {
    const response = await axios.post<unknown>(
      '/users/getToken',
      { imp_key: credentials.apiKey, imp_secret: credentials.apiSecret },
      { timeout: timeoutMs, portone: { summary: TOKEN_REQUEST, skipAuth: true } } as PortOneRequestConfig,
    );
    body = response.data;
    requestId = readRequestId(response.headers);
  } catch (error) {
    throw tokenRequestFailure(error, {
      request: TOKEN_REQUEST,
      refused: 'the API key or secret',
      readBody: body => ({ code: isV1Envelope(body) ? body.code : undefined }),
    });
  }
  if (!isV1Envelope(body) || body.code !== 0 || !isTokenPayload(body.response)) {
    throw new PortOneAuthError('PortOne V1 getToken answered without a usable access token', {
      request: TOKEN_REQUEST,
      requestId,
      status: 200,
      code: isV1Envelope(body) ? body.code : undefined,
    });
  }
  const { access_token, now, expired_at } = body.response;
  return { value: access_token, lifetimeMs: (expired_at - now) * 1000 };
}

function isTokenPayload(value: unknown): value is V1TokenPayload {
  const payload = value as V1TokenPayload | null;
  return (
    typeof payload?.access_token === 'string' &&
    payload.access_token.length > 0 &&
    Number.isFinite(payload.now) &&
    Number.isFinite(payload.expired_at)
  );
}
