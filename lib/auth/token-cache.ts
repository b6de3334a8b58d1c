import { performance } from 'node:perf_hooks';

/** A token as the server issued it. @internal */
export interface IssuedToken {
  readonly value: string;
  /**
   * How long it lives, measured on the SERVER's clock (expiry minus the server's issue time). Only a
   * duration crosses from the server's clock to ours, so a client clock that is minutes off does not matter.
   */
  readonly lifetimeMs: number;
}

/**
 * The most a token's usable life is shortened by. A token that lives less than 20 s is used for its first
 * quarter only: with 200 ms tokens and an event loop that stalls for 100 ms under load, anything later
 * arrived expired.
 */
const EXPIRY_MARGIN_MS = 5_000;

interface CachedToken {
  readonly value: string;
  readonly refreshAt: number;
  readonly expiresAt: number;
}

/**
 * Caches one access token and fetches a new one at most once at a time, however many callers wait
 * ("single flight").
 *
 * Times are kept on the monotonic clock from the moment the token REQUEST was sent, so the cached expiry is
 * never later than the server's. Within `refreshMarginMs` of expiry the token is refreshed in the
 * background while callers keep using the still-valid one; only an expired or invalidated token makes
 * callers wait.
 * @internal
 */
export class SingleFlightTokenCache {
  private current?: CachedToken;
  private pending?: Promise<string>;

  constructor(
    private readonly issue: () => Promise<IssuedToken>,
    private readonly refreshMarginMs = 30_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * A valid token: the cached one, or the result of the one in-flight fetch. `fresh` (for the replay after
   * a 401) accepts the cached token only in the first part of its life, before its refresh point: a replay
   * must not fail again because it carried a token that was about to expire anyway.
   */
  get(options: { fresh?: boolean } = {}): Promise<string> {
    const token = this.current;
    const now = this.now();
    if (options.fresh) return token && now < token.refreshAt ? Promise.resolve(token.value) : this.fetch();
    if (token && now < token.refreshAt) return Promise.resolve(token.value);
    if (token && now < token.expiresAt) {
      // Refresh ahead of expiry without making this caller wait. A failure here is not fatal: the next
      // caller past expiry fetches again and sees the error.
      this.fetch().catch(() => undefined);
      return Promise.resolve(token.value);
    }
    return this.fetch();
  }

  /**
   * Forgets `value` after PortOne refused it. Only that exact token is dropped: callers whose 401 arrives
   * after a newer token was fetched must not throw the newer one away (that would cause a refresh storm).
   */
  invalidate(value: string): void {
    if (this.current?.value === value) this.current = undefined;
  }

  private fetch(): Promise<string> {
    this.pending ??= this.fetchOnce().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetchOnce(): Promise<string> {
    const sentAt = this.now();
    const issued = await this.issue();
    const lifetime = Math.max(0, issued.lifetimeMs);
    // Refresh `refreshMarginMs` before expiry, but never sooner than half-way through a short-lived token:
    // PortOne V1 hands back the SAME token when asked early, so refreshing too eagerly would loop.
    const refreshIn = Math.max(lifetime - this.refreshMarginMs, lifetime / 2);
    // Stop handing the token out a little before it expires: a request carrying it still has to be written
    // and read, and a busy event loop can take tens of milliseconds over that. With 200 ms tokens and no
    // margin, tokens handed out in their last milliseconds arrived expired. (Only tokens shorter than 20 s,
    // which PortOne never issues, are refreshed sooner than half-way: at the end of their usable quarter.)
    const usableFor = lifetime - Math.min(EXPIRY_MARGIN_MS, (lifetime * 3) / 4);
    this.current = {
      value: issued.value,
      refreshAt: sentAt + Math.min(refreshIn, usableFor),
      expiresAt: sentAt + usableFor,
    };
    return issued.value;
  }
}
