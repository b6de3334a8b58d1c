import type { AxiosResponse } from 'axios';
import type { PortOneApiError, PortOneRequestSummary } from '../errors';

/** What a dialect needs to describe a request's outcome. @internal */
export interface DialectContext {
  readonly summary: PortOneRequestSummary;
  readonly requestId?: string;
  /** Values from the request that must be scrubbed out of anything PortOne writes back. */
  readonly sensitiveValues: readonly string[];
  /** Whether the call may be repeated safely (decides `retryable` on transient failures). */
  readonly retrySafe: boolean;
}

/**
 * How one API generation shapes its answers: V1 wraps everything in `{ code, message, response }`, V2
 * answers bare JSON and describes failures as `{ type, message }`.
 * @internal
 */
export interface ApiDialect {
  readonly api: 'v1' | 'v2';
  /** Unwraps a 2xx answer, or throws (V1 `code != 0`, or a body that is not the expected JSON). */
  readSuccess(response: AxiosResponse<unknown>, context: DialectContext): unknown;
  /** Describes a non-2xx answer, or returns undefined when the body is not PortOne's error JSON. */
  readFailure(status: number, body: unknown, context: DialectContext): PortOneApiError | undefined;
}
