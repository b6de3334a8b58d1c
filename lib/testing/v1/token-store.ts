import type { Clock } from '../time/clock';
import { randomHex } from '../random';

/** The `response` of `POST /users/getToken`. */
export interface V1TokenGrant {
  access_token: string;
  now: number;
  expired_at: number;
}

interface TokenEntry {
  readonly token: string;
  expiredAt: number;
  revoked: boolean;
}

/** Extension rule from PortOne's docs: a getToken call in the last minute extends the token by 5 minutes. */
const EXTEND_WINDOW_SECONDS = 60;
const EXTEND_BY_SECONDS = 300;

/**
 * V1 access tokens. PortOne keeps one token per API key: asking again before expiry returns the same token
 * and expiry, asking in its last minute extends it by 5 minutes, and asking after expiry issues a new one.
 */
export class V1TokenStore {
  private current: TokenEntry | undefined;
  private readonly tokens = new Map<string, TokenEntry>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlSeconds: number,
  ) {}

  /** getToken for valid credentials. */
  issue(): V1TokenGrant {
    const now = this.clock.nowSeconds();
    const current = this.current;
    if (current && isLive(current, now)) {
      if (current.expiredAt - now <= EXTEND_WINDOW_SECONDS) current.expiredAt += EXTEND_BY_SECONDS;
      return { access_token: current.token, now, expired_at: current.expiredAt };
    }
    this.pruneDead(now);
    const entry: TokenEntry = { token: randomHex(40), expiredAt: now + this.ttlSeconds, revoked: false };
    this.tokens.set(entry.token, entry);
    this.current = entry;
    return { access_token: entry.token, now, expired_at: entry.expiredAt };
  }

  /** True when `token` was issued, has not expired and was not expired by `expireAll()`. */
  isValid(token: string | undefined): boolean {
    if (token === undefined) return false;
    const entry = this.tokens.get(token);
    return entry !== undefined && isLive(entry, this.clock.nowSeconds());
  }

  /** Expires every token issued so far (test control). The next getToken issues a new token. */
  expireAll(): void {
    for (const entry of this.tokens.values()) entry.revoked = true;
  }

  /** Forgets every token. */
  clear(): void {
    this.tokens.clear();
    this.current = undefined;
  }

  private pruneDead(now: number): void {
    for (const [token, entry] of this.tokens) if (!isLive(entry, now)) this.tokens.delete(token);
  }
}

function isLive(entry: TokenEntry, now: number): boolean {
  return !entry.revoked && now < entry.expiredAt;
}
