/**
 * The emulator's clock: real time plus a test-controlled skew.
 *
 * Everything time-based in the emulator reads this clock (token `now`/`expired_at`, expiry checks, JWT
 * `iat`/`exp`, V2 timestamps and the HTTP `Date` header), so one `setClockSkew()` call moves the whole fake
 * server in time, which is how tests exercise client-side skew correction and token expiry without waiting.
 */
export class Clock {
  private skewMs = 0;
  private cachedDateSecond = -1;
  private cachedDateHeader = '';

  /** Sets the offset from real time, in seconds (may be negative or fractional). */
  setSkewSeconds(seconds: number): void {
    if (!Number.isFinite(seconds)) throw new RangeError('Clock skew must be a finite number of seconds');
    this.skewMs = Math.round(seconds * 1000);
  }

  /** The current offset from real time, in seconds. */
  get skewSeconds(): number {
    return this.skewMs / 1000;
  }

  /** Emulator time in milliseconds since the epoch. */
  nowMs(): number {
    return Date.now() + this.skewMs;
  }

  /** Emulator time in whole UNIX seconds, as V1 and JWTs use it. */
  nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  /**
   * The RFC 7231 `Date` header value for now. Cached per second because it is written on every response and
   * formatting a date is the most expensive thing the hot path would otherwise do.
   */
  httpDate(): string {
    const ms = this.nowMs();
    const second = Math.floor(ms / 1000);
    if (second !== this.cachedDateSecond) {
      this.cachedDateSecond = second;
      this.cachedDateHeader = new Date(ms).toUTCString();
    }
    return this.cachedDateHeader;
  }

  /** Back to real time. */
  reset(): void {
    this.skewMs = 0;
    this.cachedDateSecond = -1;
  }
}

/** RFC 3339 (UTC, millisecond precision) as V2 writes timestamps. */
export function toRfc3339(ms: number): string {
  return new Date(ms).toISOString();
}
