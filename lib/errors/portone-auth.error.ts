import { PortOneError, type PortOneErrorDetails } from './portone.error';

/** Details of an authentication failure. */
export interface PortOneAuthErrorInit extends PortOneErrorDetails {
  /** HTTP status of the refusal, when PortOne answered. */
  readonly status?: number;
  /** V1 envelope code, when PortOne answered with one. */
  readonly code?: number;
  /** V2 error type, when PortOne answered with one. */
  readonly type?: string;
}

/**
 * PortOne refused the credentials, or a fresh access token could not be obtained: the token request failed,
 * or an API call was refused with 401 again after one refresh and replay.
 * @publicApi
 */
export class PortOneAuthError extends PortOneError {
  readonly status?: number;
  readonly code?: number;
  readonly type?: string;

  /** @internal The module throws these; apps catch them and read the fields. */
  constructor(message: string, init: PortOneAuthErrorInit = {}) {
    super(message, init);
    this.status = init.status;
    this.code = init.code;
    this.type = init.type;
  }

  protected override describe(): Record<string, unknown> {
    return { status: this.status, code: this.code, type: this.type };
  }
}
