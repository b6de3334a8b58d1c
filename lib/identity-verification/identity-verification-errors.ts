import { PortOneApiError } from '../errors';

/**
 * Error types of PortOne's identity-verification operations (the spec's error unions), plus
 * `IDEMPOTENCY_OUTSTANDING_REQUEST` from the V2 overview. PortOne may add types; they arrive as other strings.
 */
export type IdentityVerificationErrorType =
  | 'INVALID_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'IDENTITY_VERIFICATION_NOT_FOUND'
  | 'IDENTITY_VERIFICATION_NOT_SENT'
  | 'IDENTITY_VERIFICATION_ALREADY_SENT'
  | 'IDENTITY_VERIFICATION_ALREADY_VERIFIED'
  | 'CHANNEL_NOT_FOUND'
  | 'MAX_TRANSACTION_COUNT_REACHED'
  | 'PG_PROVIDER'
  | 'IDEMPOTENCY_OUTSTANDING_REQUEST'
  | (string & {});

/**
 * Narrows an unknown error to a V2 `PortOneApiError`, optionally of one type:
 * `if (isIdentityVerificationError(e, 'IDENTITY_VERIFICATION_NOT_FOUND')) …`.
 * @publicApi
 */
export function isIdentityVerificationError<T extends IdentityVerificationErrorType>(
  error: unknown,
  type?: T,
): error is PortOneApiError<T> {
  return (
    error instanceof PortOneApiError &&
    error.request?.api === 'v2' &&
    error.type !== undefined &&
    (type === undefined || error.type === type)
  );
}
