import type { HandlerResult } from '../http/context';

/** V2 error `type`s the emulator answers with, and their HTTP status (PORTONE-API.md 2.2). */
const STATUS = {
  INVALID_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  IDENTITY_VERIFICATION_NOT_FOUND: 404,
  CHANNEL_NOT_FOUND: 404,
  IDENTITY_VERIFICATION_NOT_SENT: 404,
  IDENTITY_VERIFICATION_ALREADY_VERIFIED: 409,
  IDENTITY_VERIFICATION_ALREADY_SENT: 409,
  // Documented in PortOne's V2 overview, though in no operation's error union.
  IDEMPOTENCY_OUTSTANDING_REQUEST: 409,
  PG_PROVIDER: 502,
  // Not spec types: an unknown route and an emulator bug. Clients must handle unknown types by status anyway.
  NOT_FOUND: 404,
  INTERNAL_SERVER_ERROR: 500,
} as const;

/** A V2 error type. */
export type V2ErrorType = keyof typeof STATUS;

/** `{ type, message }` with the type's HTTP status. */
export function v2Error(type: V2ErrorType, message: string): HandlerResult {
  return { status: STATUS[type], body: { type, message } };
}

/** 502 PG_PROVIDER, the only error type with extra fields. */
export function v2PgError(
  pgCode: string,
  pgMessage: string,
  message = 'PG사에서 오류가 발생했습니다.',
): HandlerResult {
  return { status: STATUS.PG_PROVIDER, body: { type: 'PG_PROVIDER', message, pgCode, pgMessage } };
}

/** 200 with a JSON body (V2 has no envelope). */
export function v2Ok(body: unknown): HandlerResult {
  return { status: 200, body };
}
