import { defineOperation } from '../core/operation';
import { expectRecord, UnexpectedAnswer } from '../mapping/expect-shape';
import type { IssuedToken } from './token-cache';

// The token requests, declared like every other operation. They are sent by `PortOneClient.requestToken`:
// without the auth interceptors, never retried on their own (the call they fetch a token for retries), and
// failing as `PortOneAuthError`. An answer without a usable token is decided where every 2xx is (`readAnswer`).

/** The V1 credentials `/users/getToken` is asked with. @internal */
export interface V1Credentials {
  readonly apiKey: string;
  readonly apiSecret: string;
}

/** A V2 login or refresh answer. @internal */
export interface V2TokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
}

/**
 * The lifetime is `expired_at - now`, both on PortOne's clock, so the client's own clock never enters it.
 */
function toV1Token(payload: unknown): IssuedToken {
  const token = expectRecord(payload, 'token', { strings: ['access_token'], numbers: ['now', 'expired_at'] });
  return {
    value: token.access_token as string,
    lifetimeMs: ((token.expired_at as number) - (token.now as number)) * 1000,
  };
}

function toV2TokenPair(payload: unknown): V2TokenPair {
  const pair = expectRecord(payload, 'token', { strings: ['accessToken'] });
  // PortOne's refresh token is only passed back to it: any string is kept as it came.
  if (typeof pair.refreshToken !== 'string') throw new UnexpectedAnswer('token.refreshToken is not a string');
  return { accessToken: pair.accessToken as string, refreshToken: pair.refreshToken };
}

/** @internal */
export const tokenOperations = {
  /** V1: an access token for the API key and secret. */
  v1GetToken: defineOperation({
    api: 'v1',
    name: 'getToken',
    method: 'POST',
    path: '/users/getToken',
    idempotency: 'natural',
    body: (credentials: V1Credentials) => ({
      imp_key: credentials.apiKey,
      imp_secret: credentials.apiSecret,
    }),
    sensitive: ['apiKey', 'apiSecret'],
    map: toV1Token,
  }),

  /** V2 (`auth: 'token'`): logs in with the API secret. */
  v2Login: defineOperation({
    api: 'v2',
    name: 'login',
    method: 'POST',
    path: '/login/api-secret',
    idempotency: 'natural',
    body: (input: { apiSecret: string }) => ({ apiSecret: input.apiSecret }),
    sensitive: ['apiSecret'],
    map: toV2TokenPair,
  }),

  /** V2: a new access token (and a new refresh token, which replaces the old one at once). */
  v2Refresh: defineOperation({
    api: 'v2',
    name: 'refreshToken',
    method: 'POST',
    path: '/token/refresh',
    idempotency: 'natural',
    body: (input: { refreshToken: string }) => ({ refreshToken: input.refreshToken }),
    sensitive: ['refreshToken'],
    map: toV2TokenPair,
  }),
};
