import { HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import {
  PortOneApiError,
  PortOneAuthError,
  PortOneConfigurationError,
  PortOneNetworkError,
  PortOneValidationError,
  type PortOneError,
} from '../portone';

/** The JSON body the sample answers with when a PortOne call fails. */
export interface PortOneErrorBody {
  statusCode: number;
  error: string;
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
const SERVER_MISCONFIGURED = 'The payment gateway integration is misconfigured.';

/**
 * Maps a module error to the HTTP answer of this app. Only the errors' safe, typed fields are used: their
 * messages and `toJSON()` never contain secrets or personal data, and request bodies are never included.
 */
export function toPortOneErrorBody(error: PortOneError): PortOneErrorBody {
  if (error instanceof PortOneValidationError) {
    return body(HttpStatus.BAD_REQUEST, error.message, {
      issues: error.issues.map(({ field, rules }) => ({ field, rules })),
    });
  }
  if (error instanceof PortOneApiError) return apiErrorBody(error);
  if (error instanceof PortOneConfigurationError) {
    return body(HttpStatus.INTERNAL_SERVER_ERROR, SERVER_MISCONFIGURED, {});
  }
  if (error instanceof PortOneAuthError) {
    // Our credentials were refused: the client can do nothing about it, and must not learn more.
    return body(HttpStatus.BAD_GATEWAY, UPSTREAM_FAILURE, { type: error.type, requestId: error.requestId });
  }
  if (error instanceof PortOneNetworkError) {
    // Timeouts, dropped connections and non-JSON answers (an HTML error page from a proxy).
    return body(HttpStatus.BAD_GATEWAY, UPSTREAM_FAILURE, { requestId: error.requestId });
  }
  // PortOneAbortedError and anything added later.
  return body(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error', { requestId: error.requestId });
}

function apiErrorBody(error: PortOneApiError): PortOneErrorBody {
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
  if (error.status >= 500) return body(HttpStatus.BAD_GATEWAY, UPSTREAM_FAILURE, portOne);
  if (error.status === 404) return body(HttpStatus.NOT_FOUND, message, portOne);
  if (type === 'MAX_TRANSACTION_COUNT_REACHED' || error.status === 429) {
    return body(HttpStatus.TOO_MANY_REQUESTS, message, portOne);
  }
  // V1 reports refusals about a record's state ("already revoked", "order already paid") as HTTP 200 with a
  // non-zero envelope code.
  if (error.status < 300) return body(HttpStatus.CONFLICT, message, portOne);
  // Any other 4xx: the input was well-formed for us but PortOne (or the carrier) rejected it.
  return body(HttpStatus.UNPROCESSABLE_ENTITY, message, portOne);
}

function body(statusCode: number, message: string, portOne: PortOneErrorBody['portOne']): PortOneErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, portOne };
}
