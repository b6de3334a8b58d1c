import { randomOtp } from './random';

/**
 * The "SMS" side of the emulator: the OTPs it would have texted, by V1 imp_uid or V2 identityVerificationId.
 * Tests read them through `lastOtp()` and humans through `GET /emulator/otp/:id`. An OTP stays readable after
 * it was used: it is a record of what was sent, not of what is still valid.
 */
export class OtpOutbox {
  private readonly sent = new Map<string, { otp: string; count: number }>();

  /** Generates, stores and returns a fresh OTP for `id`, replacing any earlier one. */
  send(id: string): string {
    const otp = randomOtp();
    this.sent.set(id, { otp, count: (this.sent.get(id)?.count ?? 0) + 1 });
    return otp;
  }

  /** The OTP most recently sent for `id`. */
  last(id: string): string | undefined {
    return this.sent.get(id)?.otp;
  }

  /** How many OTPs were sent for `id` (the idempotency tests check that a replay sends none). */
  count(id: string): number {
    return this.sent.get(id)?.count ?? 0;
  }

  /** Forgets everything. */
  clear(): void {
    this.sent.clear();
  }
}
