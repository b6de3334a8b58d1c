import { randomUUID } from 'node:crypto';
import { PortOneValidationError } from '../errors';
import { messages } from '../errors/messages';

/** PortOne accepts 16 to 256 visible ASCII characters; quotes and backslashes would break the RFC 8941 string. */
const KEY_SHAPE = /^[\x21\x23-\x5b\x5d-\x7e]{16,256}$/;

/**
 * The `Idempotency-Key` header value for one logical call: the caller's key, or a fresh UUID. Quoted as an
 * RFC 8941 string, as PortOne's V2 overview shows. Built once per call and reused by every retry and
 * 401 replay of it, so PortOne performs the call at most once.
 * @internal
 */
export function idempotencyHeader(callerKey?: string): string {
  if (callerKey !== undefined && (typeof callerKey !== 'string' || !KEY_SHAPE.test(callerKey))) {
    throw new PortOneValidationError('idempotencyKey', [
      {
        field: 'idempotencyKey',
        rules: ['matches'],
        messages: [messages.input.idempotencyKeyShape],
      },
    ]);
  }
  return `"${callerKey ?? randomUUID()}"`;
}
