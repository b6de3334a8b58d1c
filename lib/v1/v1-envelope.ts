/** Every V1 answer: `code` 0 means success; otherwise `message` says why. @internal */
export interface V1Envelope<T = unknown> {
  code: number;
  message: string | null;
  response: T | null;
}

/** @internal */
export function isV1Envelope(body: unknown): body is V1Envelope {
  return typeof body === 'object' && body !== null && typeof (body as V1Envelope).code === 'number';
}
