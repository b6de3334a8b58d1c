import { performance } from 'node:perf_hooks';
import { PortOneAuthError, type PortOneRequestSummary } from '../errors';
import { messages } from '../errors/messages';
import type { PortOneAxiosConfig } from '../core/attempt-context';
import type { PortOneTransport } from '../core/transport';
import type { HeldSecrets } from '../redaction';
import type { AuthStrategy } from './auth-interceptors';
import type { IssuedToken, SingleFlightTokenCache } from './token-cache';

/**
 * `Authorization: PortOne <secret>` on every call. A 401 cannot be fixed by a replay, so none is made.
 * @internal
 */
export class V2SecretAuthStrategy implements AuthStrategy {
  private readonly header: string;

  constructor(apiSecret: string) {
    this.header = `PortOne ${apiSecret}`;
  }

  authorize(config: PortOneAxiosConfig): Promise<string> {
    config.headers.set('Authorization', this.header);
    return Promise.resolve('');
  }

  onUnauthorized(): boolean {
    return false;
  }
}

/**
 * `Authorization: Bearer <access token>` from the token cache (login once, then refresh ahead of expiry).
 * @internal
 */
export class V2TokenAuthStrategy implements AuthStrategy {
  constructor(private readonly tokens: SingleFlightTokenCache) {}

  async authorize(config: PortOneAxiosConfig): Promise<string> {
    const token = await this.tokens.get({ fresh: config.portone?.authReplayed });
    config.headers.set('Authorization', `Bearer ${token}`);
    return token;
  }

  onUnauthorized(token: string): boolean {
    this.tokens.invalidate(token);
    return true;
  }
}

const LOGIN: PortOneRequestSummary = { api: 'v2', method: 'POST', path: '/login/api-secret' };
const REFRESH: PortOneRequestSummary = { api: 'v2', method: 'POST', path: '/token/refresh' };

/** PortOne documents 30-minute access tokens and 1-day refresh tokens. */
const DEFAULT_ACCESS_LIFETIME_MS = 30 * 60_000;
const REFRESH_TOKEN_LIFETIME_MS = 24 * 60 * 60_000;
/** Stop using a refresh token this long before its documented expiry and log in afresh instead. */
const REFRESH_TOKEN_MARGIN_MS = 5 * 60_000;

interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/**
 * Issues V2 access tokens for `auth: 'token'`: refreshes with the refresh token while it lives, and logs in
 * with the API secret when there is none or PortOne refuses it. Each answer's refresh token replaces the
 * previous one at once, because PortOne invalidates the old one the moment it issues a new one.
 * Calls are serialised by the token cache's single flight, so two refreshes never race each other.
 * Both requests go through the V2 transport (same timeouts, log line and error map as any call).
 * @internal
 */
export class V2TokenIssuer {
  private refreshToken?: { value: string; usableUntil: number };

  constructor(
    private readonly transport: PortOneTransport,
    private readonly apiSecret: string,
    /** Where every issued token is registered, so that an echo of it is scrubbed from errors. */
    private readonly secrets?: HeldSecrets,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async issue(): Promise<IssuedToken> {
    const held = this.refreshToken;
    if (held && this.now() < held.usableUntil) {
      try {
        return await this.exchange(REFRESH, { refreshToken: held.value }, 'the refresh token');
      } catch (error) {
        // A refused refresh token (rotated elsewhere, expired, revoked) is not fatal: log in again.
        if (!(error instanceof PortOneAuthError) || error.status !== 401) throw error;
      }
    }
    return this.exchange(LOGIN, { apiSecret: this.apiSecret }, 'the API secret');
  }

  private async exchange(
    request: PortOneRequestSummary,
    body: Record<string, string>,
    credential: string,
  ): Promise<IssuedToken> {
    const sentAt = this.now();
    let pair: unknown;
    try {
      pair = await this.transport.request({
        operation: request === LOGIN ? 'login' : 'refreshToken',
        method: request.method,
        path: request.path,
        urlTemplate: request.path,
        data: body,
        retrySafe: true,
        sensitiveValues: Object.values(body),
        tokenCredential: credential,
      });
    } catch (error) {
      if (request === REFRESH) this.refreshToken = undefined;
      throw error;
    }
    if (!isTokenPair(pair)) {
      throw new PortOneAuthError(messages.tokenMissing(request), { request, status: 200 });
    }
    const lifetimeMs = jwtLifetimeMs(pair.accessToken) ?? DEFAULT_ACCESS_LIFETIME_MS;
    this.secrets?.addToken(pair.accessToken, lifetimeMs);
    this.secrets?.addToken(pair.refreshToken, REFRESH_TOKEN_LIFETIME_MS);
    this.refreshToken = {
      value: pair.refreshToken,
      usableUntil: sentAt + REFRESH_TOKEN_LIFETIME_MS - REFRESH_TOKEN_MARGIN_MS,
    };
    return { value: pair.accessToken, lifetimeMs };
  }
}

/**
 * `exp - iat` of a JWT, i.e. its lifetime on the issuer's clock. Undefined when the token is not a JWT with
 * both claims (PortOne does not document the token format, so the 30-minute default covers that case).
 * @internal
 */
function jwtLifetimeMs(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      iat?: unknown;
      exp?: unknown;
    };
    if (typeof claims.iat !== 'number' || typeof claims.exp !== 'number' || claims.exp <= claims.iat)
      return undefined;
    return (claims.exp - claims.iat) * 1000;
  } catch {
    return undefined;
  }
}

function isTokenPair(value: unknown): value is TokenPair {
  const pair = value as TokenPair | null;
  return (
    typeof pair?.accessToken === 'string' &&
    pair.accessToken.length > 0 &&
    typeof pair.refreshToken === 'string'
  );
}
