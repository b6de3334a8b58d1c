/** A token is held at most this long, whatever lifetime PortOne states (its longest, a V2 refresh token, is a day). */
const MAX_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * Held this long past a token's expiry: a request sent with it just before it expired can still be answered
 * (and echo it) after a slow answer or a retry.
 */
const AFTER_EXPIRY_GRACE_MS = 10 * 60 * 1000;

/**
 * Every credential one API client holds, so that it can be scrubbed by its VALUE out of anything PortOne
 * writes back: a V2 secret echoed in a 401 message, an access token of a shape no pattern knows. The
 * configured secrets stay for the client's life; each issued token is kept until it has expired (plus a
 * grace for answers still in flight), so memory is bounded by time, not by a count that a burst of token
 * refreshes could outrun (the 16 most recent were kept before: an odd-shaped token echoed after 25 newer
 * ones leaked).
 * @internal
 */
export class HeldSecrets {
  private readonly fixed: readonly string[];
  /** Token -> when it may be forgotten (ms, on `now`'s clock). */
  private readonly tokens = new Map<string, number>();

  constructor(
    fixed: readonly (string | undefined)[],
    private readonly now: () => number = Date.now,
  ) {
    this.fixed = fixed.filter((value): value is string => typeof value === 'string' && value !== '');
  }

  /** Remembers a token PortOne issued (access or refresh) for the `lifetimeMs` it was issued for. */
  addToken(token: string, lifetimeMs: number): void {
    if (token === '') return;
    const lifetime = Number.isFinite(lifetimeMs) ? Math.max(0, lifetimeMs) : MAX_TOKEN_LIFETIME_MS;
    const forgetAt = this.now() + Math.min(lifetime, MAX_TOKEN_LIFETIME_MS) + AFTER_EXPIRY_GRACE_MS;
    this.tokens.set(token, Math.max(forgetAt, this.tokens.get(token) ?? 0));
  }

  /** The configured secrets and every token still alive. */
  values(): readonly string[] {
    const now = this.now();
    for (const [token, forgetAt] of this.tokens) if (forgetAt <= now) this.tokens.delete(token);
    return [...this.fixed, ...this.tokens.keys()];
  }
}
