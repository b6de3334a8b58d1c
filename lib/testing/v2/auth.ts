import type { IncomingHttpHeaders } from 'node:http';
import { headerValue, type HandlerResult, type RequestContext } from '../http/context';
import type { EmulatorState } from '../state';
import { v2Error, v2Ok } from './errors';

/**
 * Who is calling: the merchant whose credential it is, the store the credential gives access to, and the
 * scope idempotency keys live in.
 */
export interface V2Principal {
  readonly merchant: EmulatorState;
  readonly storeId: string;
  readonly idempotencyScope: string;
}

/**
 * Authenticates `Authorization: PortOne <apiSecret>` or `Authorization: Bearer <accessToken>` (scheme word
 * case-insensitive). Undefined means 401.
 */
export function authenticate(headers: IncomingHttpHeaders, state: EmulatorState): V2Principal | undefined {
  const match = /^(\S+)\s+(\S+)$/.exec(headerValue(headers, 'authorization')?.trim() ?? '');
  if (!match) return undefined;
  const scheme = match[1].toLowerCase();
  const credential = match[2];
  if (scheme === 'portone') {
    const merchant = merchantWithSecret(state, credential);
    if (!merchant) return undefined;
    return { merchant, storeId: merchant.config.v2.storeId, idempotencyScope: `secret:${credential}` };
  }
  if (scheme === 'bearer') {
    for (const merchant of state.merchants) {
      const storeId = merchant.v2Tokens.verifyAccess(credential);
      if (storeId !== undefined) return { merchant, storeId, idempotencyScope: `store:${storeId}` };
    }
  }
  return undefined;
}

/** The 401 every V2 authentication failure gets. */
export function unauthorized(): HandlerResult {
  return v2Error('UNAUTHORIZED', '인증 정보가 올바르지 않습니다. (Unauthorized)');
}

/** `POST /login/api-secret`. */
export function loginViaApiSecret(ctx: RequestContext, state: EmulatorState, body: unknown): HandlerResult {
  const { apiSecret } = body as { apiSecret: string };
  const merchant = merchantWithSecret(state, apiSecret);
  if (!merchant) return unauthorized();
  return v2Ok(merchant.v2Tokens.issue(merchant.config.v2.storeId));
}

/** `POST /token/refresh`: a used (rotated), unknown or expired refresh token is 401. */
export function refreshToken(ctx: RequestContext, state: EmulatorState, body: unknown): HandlerResult {
  const { refreshToken: token } = body as { refreshToken: string };
  // Only the merchant that issued the refresh token knows it; the others answer undefined and change nothing.
  for (const merchant of state.merchants) {
    const pair = merchant.v2Tokens.rotate(token);
    if (pair) return v2Ok(pair);
  }
  return unauthorized();
}

function merchantWithSecret(state: EmulatorState, apiSecret: string): EmulatorState | undefined {
  return state.merchants.find(merchant => merchant.config.v2.apiSecret === apiSecret);
}

/**
 * Idempotency scope for the two endpoints that carry their credential in the body instead of a header: the
 * presented API secret or refresh token. A client that retries a refresh whose answer was lost, with the
 * same key, thus gets the pair that refresh produced.
 */
export function bodyCredentialScope(body: unknown): string {
  if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>;
    if (typeof record.apiSecret === 'string') return `login:${record.apiSecret}`;
    if (typeof record.refreshToken === 'string') return `refresh:${record.refreshToken}`;
  }
  return 'anonymous';
}

/**
 * The store a request addresses: the requested `storeId`, or the credential's store when omitted. The
 * emulator's credentials reach exactly one store, so any other storeId is 403 FORBIDDEN.
 */
export function resolveStore(
  requested: unknown,
  principal: V2Principal,
): { storeId: string } | { error: HandlerResult } {
  const storeId = Array.isArray(requested) ? (requested[0] as unknown) : requested;
  if (storeId === undefined || storeId === principal.storeId) return { storeId: principal.storeId };
  return {
    error: v2Error(
      'FORBIDDEN',
      '요청된 상점에 접근할 수 없습니다. (storeId is not accessible with this credential)',
    ),
  };
}
