import { UnexpectedAnswer } from '../mapping/expect-shape';
import type { CallFailure } from './error-map';

/**
 * PortOne's description of a failure, read from an answer's body: V1 `{ code, message }` (also inside an
 * HTTP 200 envelope), V2 `{ type, message, pgCode?, pgMessage? }`. Texts are PortOne's, not scrubbed yet.
 * @internal
 */
export interface PortOneFailureBody {
  readonly code?: number;
  readonly type?: string;
  readonly message?: string;
  readonly pgCode?: string;
  readonly pgMessage?: string;
}

/** What a 2xx answer holds: the payload, PortOne's failure (V1 `code != 0`), or nothing usable. @internal */
export type SuccessRead =
  { readonly payload: unknown } | { readonly failure: PortOneFailureBody } | { readonly invalid: true };

/**
 * How one API generation wraps its answers: the first step of `readAnswer` (below). What a failure becomes
 * is decided afterwards by the error map (`error-map.ts`), for both generations alike.
 * @internal
 */
export interface Protocol {
  readonly api: 'v1' | 'v2';
  readSuccess(body: unknown): SuccessRead;
  /** PortOne's failure in a non-2xx body, or undefined when the body is not PortOne's error JSON. */
  readFailure(body: unknown): PortOneFailureBody | undefined;
}

/** Every V1 answer: `code` 0 means success; otherwise `message` says why. @internal */
export interface V1Envelope<T = unknown> {
  code: number;
  message: string | null;
  response: T | null;
}

function isV1Envelope(body: unknown): body is V1Envelope {
  return typeof body === 'object' && body !== null && typeof (body as V1Envelope).code === 'number';
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * V1 (api.iamport.kr) answers `{ code, message, response }`. Failures come both as non-2xx statuses and as
 * HTTP 200 with `code != 0` (a business failure, e.g. revoking a barcode twice).
 * @internal
 */
export const V1_PROTOCOL: Protocol = {
  api: 'v1',
  readSuccess(body) {
    if (!isV1Envelope(body)) return { invalid: true };
    if (body.code !== 0) return { failure: { code: body.code, message: text(body.message) } };
    return { payload: body.response };
  },
  readFailure(body) {
    return isV1Envelope(body) ? { code: body.code, message: text(body.message) } : undefined;
  },
};

/**
 * V2 (api.portone.io) answers bare JSON; failures are `{ type, message }` with the status of the error type.
 * Error types the client does not know are kept as strings, never rejected.
 * @internal
 */
export const V2_PROTOCOL: Protocol = {
  api: 'v2',
  readSuccess(body) {
    return typeof body === 'object' && body !== null ? { payload: body } : { invalid: true };
  },
  readFailure(body) {
    if (typeof body !== 'object' || body === null) return undefined;
    const { type, message, pgCode, pgMessage } = body as Record<string, unknown>;
    if (typeof type !== 'string') return undefined;
    return { type, message: text(message), pgCode: text(pgCode), pgMessage: text(pgMessage) };
  },
};

/** A 2xx answer read: the operation's payload (its model when it declares `map`), or why it is a failure. @internal */
export type AnswerRead = { readonly payload: unknown } | { readonly failure: CallFailure };

/**
 * THE decision on a 2xx answer, for every call and every token request alike: is this what was asked for?
 * 1. The API generation's form (`protocol.readSuccess`): a V1 HTTP 200 can still be a failure (`code != 0`),
 *    and a body that is not the V1 envelope or not V2's JSON is `invalid-success`.
 * 2. The operation's shape (`map`): whatever the mapping throws (our `UnexpectedAnswer`, or a TypeError or
 *    RangeError from a hostile, deeply nested body) is `unexpected-shape`. Only our own shape descriptions
 *    are quoted: a mapping crash's message may hold PortOne's values.
 * The error map then says what each failure is (a `PortOneNetworkError`, or for a token request a
 * `PortOneAuthError`), and the retry rule whether it is retried.
 * @internal
 */
export function readAnswer(
  protocol: Protocol,
  status: number,
  body: unknown,
  map: ((payload: unknown) => unknown) | undefined,
): AnswerRead {
  const read = protocol.readSuccess(body);
  if ('failure' in read) return { failure: { kind: 'answer', status, body: read.failure } };
  if ('invalid' in read) return { failure: { kind: 'invalid-success', status } };
  if (!map) return { payload: read.payload };
  try {
    return { payload: map(read.payload) };
  } catch (thrown) {
    const what = thrown instanceof UnexpectedAnswer ? thrown.message : 'a body that cannot be read';
    return { failure: { kind: 'unexpected-shape', status, what } };
  }
}
