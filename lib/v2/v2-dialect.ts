import type { AxiosResponse } from 'axios';
import { PortOneApiError, PortOneNetworkError } from '../errors';
import type { ApiDialect, DialectContext } from '../http/api-dialect.interface';
import { isTransientStatus } from '../http/retry-policy';
import { scrubText } from '../redaction';

/** V2 error body: `{ type, message, pgCode?, pgMessage? }`. @internal */
export interface V2ErrorBody {
  type: string;
  message?: string;
  pgCode?: string;
  pgMessage?: string;
}

/**
 * The V2 answer to a request whose Idempotency-Key is still being processed. Waiting and sending it again
 * returns the first request's answer, so it is retryable for keyed calls.
 * @internal
 */
export const IDEMPOTENCY_OUTSTANDING_REQUEST = 'IDEMPOTENCY_OUTSTANDING_REQUEST';

/** A PG's refusal relayed by PortOne. @internal */
export const PG_PROVIDER = 'PG_PROVIDER';

/**
 * V2 answers bare JSON; failures are `{ type, message }` with the status of the error type. Error types
 * the client does not know are kept as strings, never rejected.
 * @internal
 */
export const v2Dialect: ApiDialect = {
  api: 'v2',

  readSuccess(response: AxiosResponse<unknown>, context: DialectContext): unknown {
    const body = response.data;
    if (typeof body !== 'object' || body === null) {
      throw new PortOneNetworkError(
        `${context.summary.method} ${context.summary.path} answered HTTP ${response.status} with a body that is not JSON`,
        {
          failure: 'invalid-response',
          request: context.summary,
          requestId: context.requestId,
          status: response.status,
          retryable: context.retrySafe,
        },
      );
    }
    return body;
  },

  readFailure(status: number, body: unknown, context: DialectContext): PortOneApiError | undefined {
    if (!isV2ErrorBody(body)) return undefined;
    const scrub = (text: unknown): string | undefined =>
      typeof text === 'string' ? scrubText(text, context.sensitiveValues) : undefined;
    // PG_PROVIDER arrives as 502 but is the PG's answer (e.g. a wrong code), not a gateway failure: sent again
    // with the same Idempotency-Key, PortOne would only replay it.
    const transient =
      (isTransientStatus(status) && body.type !== PG_PROVIDER) ||
      body.type === IDEMPOTENCY_OUTSTANDING_REQUEST;
    // Everything PortOne wrote is scrubbed, the PG's code included: PGs put personal data wherever they like.
    return new PortOneApiError({
      status,
      type: scrub(body.type),
      portOneMessage: scrub(body.message),
      pgCode: scrub(body.pgCode),
      pgMessage: scrub(body.pgMessage),
      request: context.summary,
      requestId: context.requestId,
      retryable: context.retrySafe && transient,
    });
  },
};

/** @internal */
export function isV2ErrorBody(body: unknown): body is V2ErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as V2ErrorBody).type === 'string';
}
