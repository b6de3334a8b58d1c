import { messages } from './messages';
import { PortOneError, type PortOneErrorDetails } from './portone.error';

/** What PortOne said about a failed call. */
export interface PortOneApiErrorInit extends PortOneErrorDetails {
  /** HTTP status of the answer (200 for a V1 envelope with a non-zero `code`). */
  readonly status: number;
  /** V1 only: the envelope's `code` (0 means success, so it is never 0 here). */
  readonly code?: number;
  /** V2 only: the error `type`, e.g. `IDENTITY_VERIFICATION_NOT_FOUND`. */
  readonly type?: string;
  /** PortOne's message, with personal data scrubbed. */
  readonly portOneMessage?: string;
  /** V2 `PG_PROVIDER` errors: the PG's own code and message. */
  readonly pgCode?: string;
  readonly pgMessage?: string;
}

/**
 * PortOne answered, and the answer is a failure: a non-2xx status, or a V1 HTTP 200 whose envelope has
 * `code != 0`.
 *
 * `TType` narrows `type` for V2 operations (see `IdentityVerificationErrorType`). Error types PortOne adds
 * later arrive as plain strings; they never crash the client.
 * @publicApi
 */
export class PortOneApiError<TType extends string = string> extends PortOneError {
  /** HTTP status. */
  readonly status: number;
  /** V1 envelope `code` (non-zero). Undefined for V2. */
  readonly code?: number;
  /** V2 error type. Undefined for V1. */
  readonly type?: TType;
  /** PortOne's own message, scrubbed of personal data. */
  readonly portOneMessage?: string;
  /** PG error code (V2 `PG_PROVIDER`). */
  readonly pgCode?: string;
  /** PG error message (V2 `PG_PROVIDER`), scrubbed of personal data. */
  readonly pgMessage?: string;

  /** @internal The module throws these; apps catch them and read the fields. */
  constructor(init: PortOneApiErrorInit) {
    const what = init.type ?? (init.code !== undefined ? `code ${init.code}` : 'error');
    super(messages.apiError(init.request, init.status, what, init.portOneMessage), init);
    this.status = init.status;
    this.code = init.code;
    this.type = init.type as TType | undefined;
    this.portOneMessage = init.portOneMessage;
    this.pgCode = init.pgCode;
    this.pgMessage = init.pgMessage;
  }

  protected override describe(): Record<string, unknown> {
    return {
      status: this.status,
      code: this.code,
      type: this.type,
      portOneMessage: this.portOneMessage,
      pgCode: this.pgCode,
      pgMessage: this.pgMessage,
    };
  }
}
