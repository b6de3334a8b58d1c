import { HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import {
  PortOneAbortedError,
  PortOneShutdownError,
  PortOneApiError,
  PortOneAuthError,
  PortOneConfigurationError,
  PortOneNetworkError,
  PortOneTimeoutError,
  PortOneValidationError,
  type PortOneError,
} from '../errors';

/** The JSON body `PortOneExceptionFilter` answers with. */
export interface PortOneErrorResponseBody {
  /** The HTTP status of the answer. */
  statusCode: number;
  /** The status's reason phrase, e.g. `Bad Gateway`. */
  error: string;
  /** A sentence for the caller. Built from field names and PortOne's scrubbed text: never a secret or personal data. */
  message: string;
  portOne: {
    /** V2 error type, e.g. `IDENTITY_VERIFICATION_NOT_FOUND`. */
    type?: string;
    /** V1 envelope code. */
    code?: number;
    /** V2 `PG_PROVIDER` only: the PG's own code (e.g. a wrong OTP), useful to the front end. */
    pgCode?: string;
    /** PortOne's request id, to quote in a support ticket. */
    requestId?: string;
    /** Validation errors only: which fields broke which rules (never the values). */
    issues?: { field: string; rules: readonly string[] }[];
  };
}

/** The record is not in a state that allows the call: the client should re-read it, not retry blindly. */
const WRONG_STATE_TYPES = new Set([
  'IDENTITY_VERIFICATION_ALREADY_SENT',
  'IDENTITY_VERIFICATION_ALREADY_VERIFIED',
  'IDENTITY_VERIFICATION_NOT_SENT',
  'IDEMPOTENCY_OUTSTANDING_REQUEST',
]);
/** PortOne refused this server's setup (a wrong channel key, credentials without access): not the client's fault. */
const MISCONFIGURATION_TYPES = new Set(['CHANNEL_NOT_FOUND', 'FORBIDDEN']);

const UPSTREAM_FAILURE = 'PortOne could not complete the request. Try again later.';
const UPSTREAM_TIMEOUT = 'PortOne did not answer in time. Try again later.';
const SERVER_MISCONFIGURED = 'The payment gateway integration is misconfigured.';
const CANCELLED = 'The PortOne call was cancelled before it completed.';
const SHUTTING_DOWN = 'This server is shutting down. Try again.';

/**
 * Maps an error of this module to the HTTP answer an API in front of PortOne should give:
 *
 * | error | status |
 * | --- | --- |
 * | `PortOneValidationError` | 400, with the failing fields and rules |
 * | `PortOneApiError` not found (`*_NOT_FOUND`, HTTP 404) | 404 |
 * | already sent / already verified / not sent / idempotent request in progress, V1 refusals (HTTP 200) | 409 |
 * | other 4xx PortOne rejected (`INVALID_REQUEST`) | 422 |
 * | `MAX_TRANSACTION_COUNT_REACHED`, HTTP 429 | 429 |
 * | `PG_PROVIDER`, PortOne 5xx, `PortOneAuthError`, `PortOneNetworkError` | 502 |
 * | `PortOneTimeoutError` | 504 |
 * | `PortOneAbortedError`, `PortOneShutdownError` | 503 |
 * | `PortOneConfigurationError`, `CHANNEL_NOT_FOUND`, `FORBIDDEN` (this server's setup) | 500 |
 *
 * Only the errors' typed fields are used; request bodies, headers and credentials are never included.
 * Use it directly to build your own filter or answer.
 * @publicApi
 */
export function toPortOneErrorResponse(error: PortOneError): PortOneErrorResponseBody {
  if (error instanceof PortOneValidationError) {
    return body(HttpStatus.BAD_REQUEST, error.message, {
      issues: error.issues.map(({ field, rules }) => ({ field, rules })),
    });
  }
  if (error instanceof PortOneApiError) return apiErrorResponse(error as PortOneApiError<string>);
  if (error instanceof PortOneConfigurationError) {
    return body(HttpStatus.INTERNAL_SERVER_ERROR, SERVER_MISCONFIGURED, {});
  }
  if (error instanceof PortOneAuthError) {
    // Our credentials were refused, or no token could be had: the client can do nothing about it, and must
    // not learn more. A gateway error, because the failure is between this server and PortOne.
    return body(HttpStatus.BAD_GATEWAY, UPSTREAM_FAILURE, { type: error.type, requestId: error.requestId });
  }
  if (error instanceof PortOneTimeoutError) {
    return body(HttpStatus.GATEWAY_TIMEOUT, UPSTREAM_TIMEOUT, { requestId: error.requestId });
  }
  if (error instanceof PortOneNetworkError) {
    // Dropped connections and non-JSON answers (an HTML error page from a proxy).
    return body(HttpStatus.BAD_GATEWAY, UPSTREAM_FAILURE, { requestId: error.requestId });
  }
  if (error instanceof PortOneShutdownError) {
    // This instance is going away; another one can take the call (nothing was sent unless `sent`).
    return body(HttpStatus.SERVICE_UNAVAILABLE, SHUTTING_DOWN, { requestId: error.requestId });
  }
  if (error instanceof PortOneAbortedError) {
    // The app's own signal cancelled the call (its client went away, or its deadline passed): this server
    // chose not to finish, which is neither the client's mistake nor PortOne's failure.
    return body(HttpStatus.SERVICE_UNAVAILABLE, CANCELLED, {});
  }
  // Anything a later version adds.
  return body(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error', { requestId: error.requestId });
}

function apiErrorResponse(error: PortOneApiError<string>): PortOneErrorResponseBody {
  const portOne = { type: error.type, code: error.code, requestId: error.requestId };
  const type = error.type ?? '';
  // PortOne's own message is scrubbed of personal data by the module, so it may be shown.
  const message = error.portOneMessage ?? error.message;

  if (WRONG_STATE_TYPES.has(type)) return body(HttpStatus.CONFLICT, message, portOne);
  if (MISCONFIGURATION_TYPES.has(type) || error.status === 403) {
    return body(HttpStatus.INTERNAL_SERVER_ERROR, SERVER_MISCONFIGURED, portOne);
  }
  if (type === 'PG_PROVIDER') {
    // The PG (Danal, KCP…) refused. For confirm this is usually a wrong or expired OTP; the PG's code says which.
    return body(HttpStatus.BAD_GATEWAY, error.pgMessage ?? message, { ...portOne, pgCode: error.pgCode });
  }
  if (error.status === 401) return body(HttpStatus.BAD_GATEWAY, UPSTREAM_FAILURE, portOne);
  if (error.status >= 500) return body(HttpStatus.BAD_GATEWAY, UPSTREAM_FAILURE, portOne);
  if (error.status === 404 || type.endsWith('_NOT_FOUND'))
    return body(HttpStatus.NOT_FOUND, message, portOne);
  if (type === 'MAX_TRANSACTION_COUNT_REACHED' || error.status === 429) {
    return body(HttpStatus.TOO_MANY_REQUESTS, message, portOne);
  }
  // V1 reports refusals about a record's state ("already revoked", "order already paid") as HTTP 200 with a
  // non-zero envelope code.
  if (error.status < 300) return body(HttpStatus.CONFLICT, message, portOne);
  // Any other 4xx: the input was well-formed for us but PortOne (or the carrier) rejected it.
  return body(HttpStatus.UNPROCESSABLE_ENTITY, message, portOne);
}

function body(
  statusCode: number,
  message: string,
  portOne: PortOneErrorResponseBody['portOne'],
): PortOneErrorResponseBody {
  const defined = Object.fromEntries(Object.entries(portOne).filter(([, value]) => value !== undefined));
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, portOne: defined };
}
