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
 * How one API generation wraps its answers. This is the "read the envelope" step of the transport; what a
 * failure becomes is decided afterwards by the error map (`error-map.ts`), for both generations alike.
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
