import type { AxiosResponse } from 'axios';
import { PortOneApiError, PortOneNetworkError } from '../errors';
import type { ApiDialect, DialectContext } from '../http/api-dialect.interface';
import { scrubText } from '../redaction';
import { isV1Envelope } from './v1-envelope';

/**
 * V1 answers are `{ code, message, response }`. Failures come both as non-2xx statuses and as HTTP 200
 * with `code != 0` (a business failure, e.g. revoking a barcode twice); both become `PortOneApiError`.
 * @internal
 */
export const v1Dialect: ApiDialect = {
  api: 'v1',

  readSuccess(response: AxiosResponse<unknown>, context: DialectContext): unknown {
    const body = response.data;
    if (!isV1Envelope(body)) {
      throw new PortOneNetworkError(
        `${context.summary.method} ${context.summary.path} answered HTTP ${response.status} without the V1 envelope`,
        {
          failure: 'invalid-response',
          request: context.summary,
          requestId: context.requestId,
          status: response.status,
          retryable: context.retrySafe,
        },
      );
    }
    if (body.code !== 0) {
      // A business failure: sending it again gives the same answer.
      throw v1ApiError(response.status, body.code, body.message, context);
    }
    return body.response;
  },

  readFailure(status: number, body: unknown, context: DialectContext): PortOneApiError | undefined {
    return isV1Envelope(body) ? v1ApiError(status, body.code, body.message, context) : undefined;
  },
};

function v1ApiError(
  status: number,
  code: number,
  message: string | null,
  context: DialectContext,
): PortOneApiError {
  return new PortOneApiError({
    status,
    code,
    portOneMessage: typeof message === 'string' ? scrubText(message, context.sensitiveValues) : undefined,
    request: context.summary,
    requestId: context.requestId,
    retryable: context.retrySafe && (status === 429 || status >= 500),
  });
}
