import { randomOtp } from './random';

/** One "text message" the emulator sent: what the inspector's SMS inbox lists. */
export interface SentOtp {
  /** V1 imp_uid or V2 identityVerificationId. */
  readonly id: string;
  readonly api: 'v1' | 'v2';
  /** Digits only. */
  readonly phone: string;
  readonly otp: string;
  /** Emulator clock, ms. */
  readonly sentAtMs: number;
}

/**
 * What checking a submitted OTP found. `expired` and `attempts-exhausted` end the verification: the caller
 * marks the record FAILED.
 */
export type OtpCheck = 'match' | 'mismatch' | 'expired' | 'attempts-exhausted';

/** The lifetime and attempt limit (see `PortOneEmulatorOptions.otp`). */
export interface OtpPolicy {
  readonly ttlSeconds: number;
  readonly maxAttempts: number;
}

interface Current {
  otp: string;
  sentAtMs: number;
  count: number;
  wrongAttempts: number;
}

/** Keep the inbox bounded: a load test sends many thousands of OTPs. */
const INBOX_LIMIT = 200;

/**
 * The "SMS" side of the emulator: the OTPs it would have texted, by V1 imp_uid or V2 identityVerificationId.
 * Tests read them through `lastOtp()` and humans through `GET /emulator/otp/:id` or the inspector page. An OTP
 * stays readable after it was used or expired: it is a record of what was sent, not of what is still valid.
 */
export class OtpOutbox {
  private readonly current = new Map<string, Current>();
  private inbox: SentOtp[] = [];

  constructor(private readonly policy: OtpPolicy) {}

  /** Generates, stores and returns a fresh OTP for `id`, replacing any earlier one and its wrong attempts. */
  send(id: string, api: 'v1' | 'v2', phone: string, nowMs: number): string {
    const otp = randomOtp();
    const count = (this.current.get(id)?.count ?? 0) + 1;
    this.current.set(id, { otp, sentAtMs: nowMs, count, wrongAttempts: 0 });
    this.inbox.push({ id, api, phone, otp, sentAtMs: nowMs });
    if (this.inbox.length > INBOX_LIMIT) this.inbox = this.inbox.slice(-INBOX_LIMIT);
    return otp;
  }

  /**
   * Checks a submitted OTP against the latest one for `id`: expiry first (an expired code fails even when
   * right), then the code. A wrong code counts an attempt; the `maxAttempts`-th wrong code exhausts them.
   */
  check(id: string, submitted: string | undefined, nowMs: number): OtpCheck {
    const sent = this.current.get(id);
    if (!sent) return 'mismatch';
    if (nowMs > sent.sentAtMs + this.policy.ttlSeconds * 1000) return 'expired';
    if (submitted === sent.otp) return 'match';
    sent.wrongAttempts += 1;
    return sent.wrongAttempts >= this.policy.maxAttempts ? 'attempts-exhausted' : 'mismatch';
  }

  /** The OTP most recently sent for `id`. */
  last(id: string): string | undefined {
    return this.current.get(id)?.otp;
  }

  /** How many OTPs were sent for `id` (the idempotency tests check that a replay sends none). */
  count(id: string): number {
    return this.current.get(id)?.count ?? 0;
  }

  /** The most recent messages, newest first. */
  recent(): readonly SentOtp[] {
    return [...this.inbox].reverse();
  }

  /** Forgets everything. */
  clear(): void {
    this.current.clear();
    this.inbox = [];
  }
}

/** Why a verification failed, in the shape of V2's `IdentityVerificationFailure`. */
export interface OtpFailure {
  readonly reason: string;
  readonly pgCode: string;
  readonly pgMessage: string;
}

/**
 * The failure a final OTP check records. The codes are the emulator's own: PortOne relays the PG's code, which
 * differs per PG and is undocumented.
 */
export function otpFailure(check: 'expired' | 'attempts-exhausted'): OtpFailure {
  return check === 'expired'
    ? {
        reason: 'OTP 유효시간이 지났습니다. (the OTP expired)',
        pgCode: 'OTP_EXPIRED',
        pgMessage: '인증번호 유효시간이 초과되었습니다.',
      }
    : {
        reason: '인증번호 입력 횟수를 초과했습니다. (too many wrong OTPs)',
        pgCode: 'OTP_ATTEMPTS_EXCEEDED',
        pgMessage: '인증번호 입력 가능 횟수를 초과하였습니다.',
      };
}
