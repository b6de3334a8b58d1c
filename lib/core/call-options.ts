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
