import { randomBytes } from 'node:crypto';
import type { Clock } from '../time/clock';
import { randomHex } from '../random';
import { signJwt } from './jwt';

/** The body of a successful login or refresh. */
export interface V2TokenPair {
  accessToken: string;
  refreshToken: string;
}

interface AccessEntry {
  readonly storeId: string;
  readonly exp: number;
  revoked: boolean;
}

interface RefreshEntry {
  readonly token: string;
  readonly storeId: string;
  readonly exp: number;
}

/** The `sub` claim of emulator tokens: the one API-secret user the emulator knows. */
const SUBJECT = 'emulator-api-secret-user';

/**
 * V2 access and refresh tokens. Access tokens are JWTs valid for `accessTtl` seconds; there is one live
 * refresh token, and each login or refresh replaces it, which invalidates the previous one at once (PortOne:
 * "each login or refresh immediately invalidates the previous refresh token").
 */
export class V2TokenStore {
  private readonly access = new Map<string, AccessEntry>();
  private refresh: RefreshEntry | undefined;
  /** Random per emulator: tokens from one emulator are meaningless to another. */
  private readonly signingKey = randomBytes(32);

  constructor(
    private readonly clock: Clock,
    private readonly accessTtlSeconds: number,
    private readonly refreshTtlSeconds: number,
  ) {}

  /** Issues a new pair for `storeId`, replacing the live refresh token. */
  issue(storeId: string): V2TokenPair {
    const iat = this.clock.nowSeconds();
    const exp = iat + this.accessTtlSeconds;
    this.pruneExpired(iat);
    const accessToken = signJwt({ sub: SUBJECT, iat, exp, jti: randomHex(16) }, this.signingKey);
    this.access.set(accessToken, { storeId, exp, revoked: false });
    const refreshToken = randomHex(64);
    this.refresh = { token: refreshToken, storeId, exp: iat + this.refreshTtlSeconds };
    return { accessToken, refreshToken };
  }

  /** Rotates a refresh token. Undefined when it is unknown, already used, or expired. */
  rotate(refreshToken: string): V2TokenPair | undefined {
    const live = this.refresh;
    if (!live || live.token !== refreshToken || this.clock.nowSeconds() >= live.exp) return undefined;
    return this.issue(live.storeId);
  }

  /** The store behind a live access token. */
  verifyAccess(token: string): string | undefined {
    const entry = this.access.get(token);
    if (!entry || entry.revoked || this.clock.nowSeconds() >= entry.exp) return undefined;
    return entry.storeId;
  }

  /** Expires every access token issued so far; refresh tokens stay valid. */
  expireAccessTokens(): void {
    for (const entry of this.access.values()) entry.revoked = true;
  }

  /** Forgets every token. */
  clear(): void {
    this.access.clear();
    this.refresh = undefined;
  }

  private pruneExpired(now: number): void {
    for (const [token, entry] of this.access)
      if (entry.revoked || now >= entry.exp) this.access.delete(token);
  }
}
