import type { IncomingMessage } from 'node:http';
import { messages } from '../../errors/messages';
import { MAX_WEBHOOK_BODY_BYTES } from '../webhook.constants';
import { nodeRequestOf, type WebhookHttpRequest } from './webhook-request';

/** The raw body could not be obtained (the app's body parser consumed it) or is too large. @internal */
export class RawBodyUnavailableError extends Error {
  override readonly name = 'RawBodyUnavailableError';
  constructor(
    message: string,
    readonly status: 413 | 500,
  ) {
    super(message);
  }
}

/**
 * The request body exactly as received, for signature verification, from the first source available:
 * 1. `req.rawBody`, kept by Nest's `rawBody: true` or by the module's own capture middleware;
 * 2. the request stream itself, when no body parser has read it (e.g. `bodyParser: false`).
 * Otherwise the bytes are gone: throws, never guesses by re-serialising a parsed body.
 * @internal
 */
export async function readRawBody(req: WebhookHttpRequest): Promise<Buffer> {
  if (Buffer.isBuffer(req.rawBody)) return req.rawBody;
  const node = nodeRequestOf(req);
  if (!node.readableDidRead && !node.readableEnded) return readStream(node);
  // Fastify's request keeps the Node request in `raw`; the fix is written differently for each adapter.
  throw new RawBodyUnavailableError(messages.rawBodyConsumed(req.raw ? 'fastify' : 'express'), 500);
}

/** Reads a request stream to the end, at most {@link MAX_WEBHOOK_BODY_BYTES}. @internal */
export function readStream(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_WEBHOOK_BODY_BYTES) {
        stream.removeAllListeners('data');
        stream.resume();
        reject(new RawBodyUnavailableError(messages.webhookBodyTooLarge, 413));
        return;
      }
      chunks.push(chunk);
    });
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}
