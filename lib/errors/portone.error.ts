import { inspect } from 'node:util';

/** Where a failed call was going. Never holds bodies, headers or query strings. */
export interface PortOneRequestSummary {
  /** `v1` (api.iamport.kr) or `v2` (api.portone.io). */
  readonly api: 'v1' | 'v2';
  /** HTTP method, upper case. */
  readonly method: string;
  /** Path relative to the API base URL, without the query string. */
  readonly path: string;
}

/** Details every PortOne error may carry. */
export interface PortOneErrorDetails {
  /** The request that failed, when one was being made. */
  readonly request?: PortOneRequestSummary;
  /** PortOne's request id from the response headers, when it sent one. */
  readonly requestId?: string;
  /** Whether sending the same call again is safe and may succeed. */
  readonly retryable?: boolean;
}

/**
 * Base class of every error this module throws. Catch it to handle all of them.
 *
 * Its `message`, `toJSON()` and `util.inspect` output never contain secrets, tokens or personal data:
 * the module builds messages from field names and rules, and scrubs anything PortOne wrote back.
 * @publicApi
 */
export abstract class PortOneError extends Error {
  /** The request that failed, when one was being made. */
  readonly request?: PortOneRequestSummary;
  /** PortOne's request id, for support tickets. */
  readonly requestId?: string;
  /**
   * Whether retrying the same call is safe and may succeed: the failure is transient (network, timeout,
   * 429, 5xx) and the call is idempotent (a GET, or a V2 POST with the same Idempotency-Key) or the request
   * never reached PortOne.
   */
  readonly retryable: boolean;

  protected constructor(message: string, details: PortOneErrorDetails = {}) {
    super(message);
    this.name = new.target.name;
    this.request = details.request;
    this.requestId = details.requestId;
    this.retryable = details.retryable ?? false;
  }

  /** Extra fields of a subclass, included in `toJSON()` and `util.inspect`. */
  protected describe(): Record<string, unknown> {
    return {};
  }

  /** A JSON-safe view: name, message and the typed fields. No request bodies, headers or causes. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries({
      ...this.describe(),
      request: this.request,
      requestId: this.requestId,
      retryable: this.retryable,
    })) {
      if (value !== undefined) json[key] = value;
    }
    return json;
  }

  /** `util.inspect` (and so `console.log`) prints the stack and the safe fields only. */
  [inspect.custom](): string {
    const { name: _name, message: _message, ...fields } = this.toJSON();
    return `${this.stack ?? `${this.name}: ${this.message}`} ${inspect(fields, { depth: 4, breakLength: Infinity })}`;
  }
}
