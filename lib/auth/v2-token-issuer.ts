import { performance } from 'node:perf_hooks';
import { PortOneAuthError } from '../errors';
import type { PortOneClient } from '../core/portone-client';
import type { HeldSecrets } from '../redaction';
import type { IssuedToken } from './token-cache';
import { tokenOperations, type V2TokenPair } from './token.operations';

/** PortOne documents 30-minute access tokens and 1-day refresh tokens. */
const DEFAULT_ACCESS_LIFETIME_MS = 30 * 60_000;
const REFRESH_TOKEN_LIFETIME_MS = 24 * 60 * 60_000;
/** Stop using a refresh token this long before its documented expiry and log in afresh instead. */
const REFRESH_TOKEN_MARGIN_MS = 5 * 60_000;

/**
 * Issues V2 access tokens for `auth: 'token'`: refreshes with the refresh token while it lives, and logs in
 * with the API secret when there is none or PortOne refuses it. Each answer's refresh token replaces the
 * previous one at once, because PortOne invalidates the old one the moment it issues a new one.
 * Calls are serialised by the token cache's single flight, so two refreshes never race each other.
 * Both are declared operations (`tokenOperations`) sent through the V2 client (same timeouts, log line,
 * answer check and error map as any call).
 * @internal
 */
export class V2TokenIssuer {
  private refreshToken?: { value: string; usableUntil: number };

  constructor(
    private readonly client: PortOneClient,
    private readonly apiSecret: string,
    /** Where every issued token is registered, so that an echo of it is scrubbed from errors. */
    private readonly secrets?: HeldSecrets,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async issue(): Promise<IssuedToken> {
    const held = this.refreshToken;
    if (held && this.now() < held.usableUntil) {
      try {
        return await this.exchange(() =>
          this.client.requestToken(
            tokenOperations.v2Refresh,
            { refreshToken: held.value },
            'the refresh token',
          ),
        );
      } catch (error) {
        // Whatever went wrong, this refresh token is not used again.
        this.refreshToken = undefined;
        // A refused refresh token (rotated elsewhere, expired, revoked) is not fatal: log in again.
        if (!(error instanceof PortOneAuthError) || error.status !== 401) throw error;
      }
    }
    return this.exchange(() =>
      this.client.requestToken(tokenOperations.v2Login, { apiSecret: this.apiSecret }, 'the API secret'),
    );
  }

  private async exchange(send: () => Promise<V2TokenPair>): Promise<IssuedToken> {
    const sentAt = this.now();
    const pair = await send();
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
