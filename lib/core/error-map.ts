import { isAxiosError, isCancel } from 'axios';
import {
  PortOneAbortedError,
  PortOneApiError,
  PortOneAuthError,
  PortOneNetworkError,
  PortOneResponseTooLargeError,
  PortOneTimeoutError,
  type PortOneError,
  type PortOneRequestSummary,
} from '../errors';
import { messages } from '../errors/messages';
import { scrubText } from '../redaction';
import { refusedAfterReplay } from './authentication';
import type { PortOneFailureBody, Protocol } from './protocols';
import { RESPONSE_TOO_LARGE, type TooLargeDetails } from './undici/bounded-body';
import { isRetryable, parseRetryAfter } from './retry-rule';

/**
 * Why one attempt failed, in terms of PortOne rather than axios. `answer`: PortOne (or something in front of
 * it) answered with a failure: a non-2xx status, or a V1 HTTP 200 with `code != 0`; `body` is undefined
 * when the body is not PortOne's JSON.
 * @internal
 */
export type CallFailure =
  | { readonly kind: 'aborted' }
  | { readonly kind: 'timeout'; readonly errorCode: string }
  | { readonly kind: 'connection'; readonly errorCode?: string }
  | { readonly kind: 'invalid-success'; readonly status: number }
  /** A 2xx of the generation's form whose content is not what the operation promises (see `readAnswer`). */
  | { readonly kind: 'unexpected-shape'; readonly status: number; readonly what: string }
  /** The answer was larger than `maxResponseBytes` (as received or decompressed); reading stopped there. */
  | ({ readonly kind: 'too-large' } & TooLargeDetails)
  | {
      readonly kind: 'answer';
      readonly status: number;
      readonly body?: PortOneFailureBody;
      /** The call was replayed with a fresh token after a first 401. */
      readonly afterRefresh?: boolean;
    };

/** What the error map needs to know about the call. @internal */
export interface FailureContext {
  readonly request: PortOneRequestSummary;
  readonly requestId?: string;
  /** Whether the call cannot do anything twice: decides `retryable` (see `isRetryable`). */
  readonly retrySafe: boolean;
  /** Values from the request that must be scrubbed out of anything PortOne writes back. */
  readonly sensitiveValues: readonly string[];
  /** The attempt timeout, for the timeout message. */
  readonly timeoutMs: number;
  /** Token requests only: what PortOne refuses when it answers 401 (e.g. `the API key or secret`). */
  readonly tokenCredential?: string;
}

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED']);

/** A described failure plus what the answer's headers said. @internal */
export interface DescribedFailure {
  readonly failure: CallFailure;
  readonly requestId?: string;
  readonly retryAfterMs?: number;
}

/**
 * Describes what axios threw. Anything that is not an axios error is a programming error and is rethrown
 * as it is. (A failed token request thrown by the auth interceptor is already a PortOneError; the transport
 * passes it through before calling this.)
 * @internal
 */
export function describeThrown(thrown: unknown, protocol: Protocol): DescribedFailure {
  if (isCancel(thrown)) return { failure: { kind: 'aborted' } };
  if (!isAxiosError(thrown)) throw thrown;
  if (thrown.code === RESPONSE_TOO_LARGE) {
    return { failure: { kind: 'too-large', ...(thrown as { tooLarge?: TooLargeDetails }).tooLarge! } };
  }
  const response = thrown.response;
  if (!response) {
    const errorCode = thrown.code ?? '';
    return TIMEOUT_CODES.has(errorCode)
      ? { failure: { kind: 'timeout', errorCode } }
      : { failure: { kind: 'connection', errorCode: errorCode || undefined } };
  }
  const afterRefresh = refusedAfterReplay(thrown.config);
  return {
    failure: {
      kind: 'answer',
      status: response.status,
      // A 3xx is never PortOne's answer to a call (it does not redirect its API), whatever its body looks like:
      // it stays the network error "not PortOne's JSON", never a PortOneApiError a filter would answer 422.
      body: isRedirect(response.status) ? undefined : protocol.readFailure(response.data),
      afterRefresh,
    },
    requestId: readRequestId(response.headers),
    retryAfterMs: parseRetryAfter(response.headers['retry-after']),
  };
}

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400;
}

/**
 * THE error map: every failure of every call (and of every token request) becomes one typed `PortOneError`
 * here. No raw AxiosError leaves the module: they carry request headers, i.e. the access token or API secret.
 * `retryable` always comes from the one retry rule.
 * @internal
 */
export function toPortOneError(failure: CallFailure, context: FailureContext): PortOneError {
  const { request, requestId } = context;
  const retryable = isRetryable(failure, context.retrySafe);
  if (context.tokenCredential !== undefined && failure.kind !== 'aborted') {
    return tokenRequestError(failure, context, retryable);
  }
  switch (failure.kind) {
    case 'aborted':
      return new PortOneAbortedError({ request });
    case 'timeout':
      return new PortOneTimeoutError(context.timeoutMs, {
        request,
        requestId,
        retryable,
        errorCode: failure.errorCode,
      });
    case 'connection':
      return new PortOneNetworkError(messages.connection(request, failure.errorCode), {
        failure: 'connection',
        request,
        errorCode: failure.errorCode,
        retryable,
      });
    case 'too-large':
      return new PortOneResponseTooLargeError(messages.responseTooLarge(request, failure), {
        request,
        requestId,
        status: failure.status,
        limitBytes: failure.limitBytes,
        measured: failure.measured,
        retryable,
      });
    case 'invalid-success':
      return new PortOneNetworkError(messages.invalidSuccess(request, failure.status), {
        failure: 'invalid-response',
        request,
        requestId,
        status: failure.status,
        retryable,
      });
    case 'unexpected-shape':
      return new PortOneNetworkError(messages.unexpectedAnswer(request, failure.what), {
        failure: 'invalid-response',
        request,
        requestId,
        status: failure.status,
        retryable,
      });
    case 'answer': {
      const { status } = failure;
      const body = failure.body && scrubbed(failure.body, context.sensitiveValues);
      if (status === 401) {
        return new PortOneAuthError(
          messages.unauthorized(request, failure.afterRefresh === true, body?.message),
          {
            request,
            requestId,
            status,
            code: body?.code,
            type: body?.type,
            retryable,
          },
        );
      }
      if (!body) {
        return new PortOneNetworkError(messages.notPortOneJson(request, status), {
          failure: 'invalid-response',
          request,
          requestId,
          status,
          retryable,
        });
      }
      return new PortOneApiError({
        status,
        code: body.code,
        type: body.type,
        portOneMessage: body.message,
        pgCode: body.pgCode,
        pgMessage: body.pgMessage,
        request,
        requestId,
        retryable,
      });
    }
  }
}

/**
 * A failed token request (V1 getToken, V2 login or refresh) is always a `PortOneAuthError`. It is `retryable`
 * when transient: the API call the token was for has not been sent yet.
 */
function tokenRequestError(
  failure: Exclude<CallFailure, { kind: 'aborted' }>,
  context: FailureContext,
  retryable: boolean,
): PortOneAuthError {
  const { request, requestId } = context;
  switch (failure.kind) {
    case 'timeout':
    case 'connection':
      return new PortOneAuthError(
        messages.tokenUnavailable(request, `a network error (${failure.errorCode ?? 'unknown'})`),
        { request, retryable },
      );
    case 'too-large':
      return new PortOneAuthError(
        messages.tokenUnavailable(
          request,
          `an answer larger than maxResponseBytes (${failure.limitBytes} bytes)`,
        ),
        { request, status: failure.status, retryable },
      );
    case 'invalid-success':
    case 'unexpected-shape':
      return new PortOneAuthError(messages.tokenMissing(request), {
        request,
        requestId,
        status: failure.status,
        retryable,
      });
    case 'answer': {
      // PortOne's type and code are scrubbed like any text it writes: a login refusal may echo the secret.
      const { status } = failure;
      const body = failure.body && scrubbed(failure.body, context.sensitiveValues);
      const message =
        status === 401
          ? messages.tokenRefused(request, context.tokenCredential ?? 'the credentials')
          : status < 300
            ? messages.tokenMissing(request)
            : messages.tokenUnavailable(request, `HTTP ${status}`);
      return new PortOneAuthError(message, {
        request,
        requestId,
        status,
        code: body?.code,
        type: body?.type,
        retryable,
      });
    }
  }
}

/** Everything PortOne wrote is scrubbed, the type and the PG's code included: PGs put personal data wherever they like. */
function scrubbed(body: PortOneFailureBody, sensitiveValues: readonly string[]): PortOneFailureBody {
  const scrub = (text: string | undefined): string | undefined =>
    text === undefined ? undefined : scrubText(text, sensitiveValues);
  return {
    code: body.code,
    type: scrub(body.type),
    message: scrub(body.message),
    pgCode: scrub(body.pgCode),
    pgMessage: scrub(body.pgMessage),
  };
}

/**
 * PortOne's request id. The header name is not documented (UNVERIFIED); we accept the common spellings.
 * @internal
 */
export function readRequestId(headers: unknown): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const bag = headers as Record<string, unknown>;
  const value = bag['x-request-id'] ?? bag['x-portone-request-id'] ?? bag['request-id'];
  return typeof value === 'string' ? value : undefined;
}
