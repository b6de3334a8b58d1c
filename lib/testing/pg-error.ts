/** A rejection the emulated PG returns on the next PG call (see {@link PortOneEmulator.setNextPgError}). */
export interface EmulatorPgError {
  /** The PG's error code, e.g. `'E1234'`. */
  pgCode: string;
  /** The PG's error message. */
  pgMessage: string;
}

/**
 * One pending PG rejection. It is consumed by the next operation that would talk to a PG (V1 OTP request and
 * confirm, CVS issue and revoke; V2 send, confirm and resend) after the emulator's own checks pass, so the
 * request fails with no state change: V1 answers 500, V2 502 PG_PROVIDER.
 */
export class PendingPgError {
  private next: EmulatorPgError | undefined;

  /** Arms the error for the next PG call. */
  set(error: EmulatorPgError): void {
    this.next = { pgCode: error.pgCode, pgMessage: error.pgMessage };
  }

  /** Returns and disarms the pending error, if any. */
  take(): EmulatorPgError | undefined {
    const error = this.next;
    this.next = undefined;
    return error;
  }

  /** Disarms without using. */
  clear(): void {
    this.next = undefined;
  }
}
