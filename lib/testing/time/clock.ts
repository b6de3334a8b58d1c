/**
 * The emulator's clock: real time plus a test-controlled skew plus the time moved forward by `advance`.
 *
 * Everything time-based in the emulator reads this clock (token `now`/`expired_at`, expiry checks, JWT
 * `iat`/`exp`, V2 timestamps, the HTTP `Date` header, webhook schedules and timeouts), so one `setClockSkew()`
 * or `clock.advance()` call moves the whole fake server in time, which is how tests exercise client-side skew
 * correction, token and OTP expiry and PortOne's retry schedules without waiting.
 *
 * The two offsets differ in one respect: a skew is a disagreement between PortOne's clock and the app's, which
 * the app can see; advanced time stands for time that passed for both, which the app under test (running on
 * real time) cannot follow. So signatures the app checks against its own clock (the V2 `webhook-timestamp`)
 * use {@link Clock.appNowMs}, the clock without the advanced time.
 */
export class Clock {
  private skewMs = 0;
  private advancedMs = 0;
  private cachedDateSecond = -1;
  private cachedDateHeader = '';

  /** Sets the offset from real time, in seconds (may be negative or fractional). Keeps the advanced time. */
  setSkewSeconds(seconds: number): void {
    if (!Number.isFinite(seconds)) throw new RangeError('Clock skew must be a finite number of seconds');
    this.skewMs = Math.round(seconds * 1000);
  }

  /** The skew from real time, in seconds (without the advanced time). */
  get skewSeconds(): number {
    return this.skewMs / 1000;
  }

  /** How far `advance` has moved the clock since start or reset, in seconds. */
  get advancedSeconds(): number {
    return this.advancedMs / 1000;
  }

  /** Moves the clock forward until `advancedSeconds` is `seconds`; never backwards. */
  advanceTo(seconds: number): void {
    this.advancedMs = Math.max(this.advancedMs, Math.round(seconds * 1000));
  }

  /** Moves the clock forward to `ms` (emulator time); never backwards. */
  moveTo(ms: number): void {
    const by = Math.round(ms - this.nowMs());
    if (by > 0) this.advancedMs += by;
  }

  /** Emulator time in milliseconds since the epoch. */
  nowMs(): number {
    return Date.now() + this.skewMs + this.advancedMs;
  }

  /** What the app under test takes for now, as PortOne's clock sees it: real time plus the skew only. */
  appNowMs(): number {
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
    this.advancedMs = 0;
    this.cachedDateSecond = -1;
  }
}

/** RFC 3339 (UTC, millisecond precision) as V2 writes timestamps. */
export function toRfc3339(ms: number): string {
  return new Date(ms).toISOString();
}
