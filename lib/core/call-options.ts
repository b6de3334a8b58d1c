/** Per-call options every service method accepts as its last argument. */
export interface PortOneCallOptions {
  /** Timeout of each HTTP attempt for this call, in milliseconds. Overrides the module's `timeoutMs`. */
  timeoutMs?: number;
  /** Aborts the call (and any backoff wait between retries). The call then rejects with `PortOneAbortedError`. */
  signal?: AbortSignal;
}

/** Per-call options of V2 calls that change state. */
export interface PortOneIdempotentCallOptions extends PortOneCallOptions {
  /**
   * The `Idempotency-Key` to send (16 to 256 visible ASCII characters). When omitted, one is generated per
   * call and reused for every retry and replay of that call, so PortOne performs it at most once. Pass your
   * own to make a call idempotent across process restarts (e.g. a key stored with your order).
   */
  idempotencyKey?: string;
}

/**
 * Marks a call whose path parameters come from a request nobody has verified yet (a V1 notice's imp_uid,
 * re-read to learn whether it exists): its log lines and errors name the path template (`/payments/{id}`),
 * never the stranger's value. Set by the webhook receiver only; a symbol, so no app option can collide.
 * @internal
 */
export const UNVERIFIED_PATH: unique symbol = Symbol('portone.unverifiedPath');

/**
 * Asks for a call that is never retried, whatever its idempotency: set by the health probe, which reports
 * the state of now, not after backoff. A symbol, like `UNVERIFIED_PATH`, so no app option can collide.
 * @internal
 */
export const NO_RETRY: unique symbol = Symbol('portone.noRetry');
