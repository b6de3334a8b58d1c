import { PortOneAuthError } from '../errors';
import { messages } from '../errors/messages';
import type { PortOneAxiosConfig } from '../core/attempt-context';
import type { PortOneTransport } from '../core/transport';
import type { AuthStrategy } from './auth-interceptors';
import type { IssuedToken, SingleFlightTokenCache } from './token-cache';

const GET_TOKEN = { method: 'POST', path: '/users/getToken' } as const;

/**
 * V1 auth: `Authorization: Bearer <access token>` from the shared token cache, plus the `Tier` header for
 * sub-stores. A 401 drops exactly the token that was refused; the replay then fetches (or joins the fetch
 * of) a new one.
 * @internal
 */
export class V1AuthStrategy implements AuthStrategy {
  constructor(
    private readonly tokens: SingleFlightTokenCache,
    private readonly tierCode?: string,
  ) {}

  async authorize(config: PortOneAxiosConfig): Promise<string> {
    const token = await this.tokens.get({ fresh: config.portone?.authReplayed });
    config.headers.set('Authorization', `Bearer ${token}`);
    if (this.tierCode) config.headers.set('Tier', this.tierCode);
    return token;
  }

  onUnauthorized(token: string): boolean {
    this.tokens.invalidate(token);
    return true;
  }
}

interface V1TokenPayload {
  access_token: string;
  now: number;
  expired_at: number;
}

/**
 * Asks PortOne V1 for an access token, through the V1 transport (same timeouts, log line and error map as
 * any call; a failure is a `PortOneAuthError`, `retryable` when transient). The lifetime is
 * `expired_at - now`, both on PortOne's clock, so the client's own clock never enters the calculation.
 * @internal
 */
export async function requestV1Token(
  transport: PortOneTransport,
  credentials: { apiKey: string; apiSecret: string },
): Promise<IssuedToken> {
  const payload = await transport.request({
    operation: 'getToken',
    ...GET_TOKEN,
    urlTemplate: GET_TOKEN.path,
    data: { imp_key: credentials.apiKey, imp_secret: credentials.apiSecret },
    retrySafe: true,
    sensitiveValues: [credentials.apiKey, credentials.apiSecret],
    tokenCredential: 'the API key or secret',
  });
  if (!isTokenPayload(payload)) {
    throw new PortOneAuthError(messages.tokenMissing({ api: 'v1', ...GET_TOKEN }), {
      request: { api: 'v1', ...GET_TOKEN },
      status: 200,
    });
  }
  return { value: payload.access_token, lifetimeMs: (payload.expired_at - payload.now) * 1000 };
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
