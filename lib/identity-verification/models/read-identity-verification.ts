import { expectRecord, UnexpectedAnswer } from '../../mapping/expect-shape';
import { isJsonObject } from '../../mapping/json-readers';
import type {
  IdentityVerification,
  IdentityVerificationPage,
  VerifiedIdentityVerification,
} from './identity-verification.model';
import { mapIdentityVerification, mapIdentityVerificationPage } from './map-identity-verification';

// What each V2 operation's return type promises, checked before mapping: a hostile or broken answer becomes
// a typed "PortOne answered something unexpected" error instead of a record of the wrong kind.

/**
 * A record of `get` or `list`: it must have a string `id` and `status`. A status this module does not know
 * is still accepted (it becomes `UnrecognizedIdentityVerification`).
 * @internal
 */
export function readIdentityVerification(
  payload: unknown,
  what = 'identityVerification',
): IdentityVerification {
  return mapIdentityVerification(expectRecord(payload, what, { strings: ['id', 'status'] }));
}

/** `confirm`'s answer: its record must be VERIFIED, which is what the return type promises. @internal */
export function readVerifiedIdentityVerification(payload: unknown): VerifiedIdentityVerification {
  const answer = expectRecord(payload, 'answer');
  const record = expectRecord(answer.identityVerification, 'identityVerification', {
    strings: ['id'],
    oneOf: { field: 'status', values: ['VERIFIED'] },
  });
  return mapIdentityVerification(record) as VerifiedIdentityVerification;
}

/** `list`'s answer: a list of records (each checked as `get`'s) and the page. @internal */
export function readIdentityVerificationPage(payload: unknown): IdentityVerificationPage {
  const answer = expectRecord(payload, 'answer');
  if (!Array.isArray(answer.items)) throw new UnexpectedAnswer('answer.items is not a list');
  answer.items.forEach((item, index) => expectRecord(item, `items[${index}]`, { strings: ['id', 'status'] }));
  if (answer.page !== undefined && !isJsonObject(answer.page)) {
    throw new UnexpectedAnswer('answer.page is not an object');
  }
  return mapIdentityVerificationPage(answer);
}

/**
 * `send`'s and `resend`'s answer: PortOne's spec declares an object without fields. The call resolves to
 * nothing, but a list, a number or a string is not PortOne's answer and is refused like any other.
 * @internal
 */
export function readEmptyAnswer(payload: unknown): void {
  expectRecord(payload, 'answer');
}
