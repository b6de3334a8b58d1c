import { messages } from './messages';
import { PortOneError, type PortOneErrorDetails } from './portone.error';

/** Why a call failed without a usable answer from PortOne. */
export type PortOneNetworkFailure =
  /** no answer within the timeout */
  | 'timeout'
  /** the connection was refused, reset or dropped */
  | 'connection'
  /** an answer came, but it was not PortOne's JSON (an HTML error page, an empty or malformed body) */
  | 'invalid-response';

/** Details of a network failure. */
export interface PortOneNetworkErrorInit extends PortOneErrorDetails {
  readonly failure: PortOneNetworkFailure;
  /** HTTP status, when an (invalid) answer came. */
  readonly status?: number;
  /** The low-level error code, e.g. `ECONNRESET`. */
  readonly errorCode?: string;
}

/**
 * The call did not get a usable answer: a timeout, a refused, reset or dropped connection, or a body that is
 * not PortOne's JSON. The request may or may not have reached PortOne; check `retryable`.
 * @publicApi
 */
export class PortOneNetworkError extends PortOneError {
  readonly failure: PortOneNetworkFailure;
  readonly status?: number;
  readonly errorCode?: string;

  /** @internal The module throws these; apps catch them and read the fields. */
  constructor(message: string, init: PortOneNetworkErrorInit) {
    super(message, init);
    this.failure = init.failure;
    this.status = init.status;
    this.errorCode = init.errorCode;
  }

  protected override describe(): Record<string, unknown> {
    return { failure: this.failure, status: this.status, errorCode: this.errorCode };
  }
}

/**
 * No answer came within the timeout (`timeoutMs`, module-wide or per call).
 * @publicApi
 */
export class PortOneTimeoutError extends PortOneNetworkError {
  /** The timeout that elapsed, in milliseconds. */
  readonly timeoutMs: number;

  /** @internal The module throws these; apps catch them and read the fields. */
  constructor(timeoutMs: number, init: Omit<PortOneNetworkErrorInit, 'failure'>) {
    super(messages.timeout(init.request, timeoutMs), { ...init, failure: 'timeout' });
    this.timeoutMs = timeoutMs;
  }

  protected override describe(): Record<string, unknown> {
    return { ...super.describe(), timeoutMs: this.timeoutMs };
  }
}
