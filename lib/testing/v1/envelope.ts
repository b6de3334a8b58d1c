import type { HandlerResult } from '../http/context';
import type { EmulatorPgError } from '../pg-error';

/**
 * V1 always answers with the `{ code, message, response }` envelope: code 0 on success (message null, as in
 * PortOne's token example), code -1 with an HTTP error status, and code 1 with HTTP 200 for business failures
 * (PortOne's observed behaviour, e.g. "already cancelled").
 */

/** 200, code 0. */
export function v1Ok(response: unknown): HandlerResult {
  return { status: 200, body: { code: 0, message: null, response } };
}

/** An HTTP error with code -1. */
export function v1Error(status: number, message: string): HandlerResult {
  return { status, body: { code: -1, message, response: null } };
}

/** HTTP 200 with code 1: the request was fine but PortOne refused it. */
export function v1BusinessFailure(message: string): HandlerResult {
  return { status: 200, body: { code: 1, message, response: null } };
}

/** The 500 a PG rejection produces on V1 (the spec lists 500 for "upstream (Danal etc.) error"). */
export function v1PgFailure(error: EmulatorPgError): HandlerResult {
  return v1Error(500, `[${error.pgCode}] ${error.pgMessage}`);
}
