import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/**
 * What the webhook routes read from the framework's request: Express's request is an IncomingMessage with
 * `body` (and `rawBody` with Nest's `rawBody: true`); Fastify's keeps the IncomingMessage in `raw`.
 * @internal
 */
export interface WebhookHttpRequest {
  readonly headers: IncomingHttpHeaders;
  readonly body?: unknown;
  readonly rawBody?: unknown;
  readonly raw?: IncomingMessage;
  readonly socket?: { readonly remoteAddress?: string };
}

/** The underlying Node request. @internal */
export function nodeRequestOf(req: WebhookHttpRequest): IncomingMessage {
  return (req.raw ?? req) as IncomingMessage;
}

/** One header's value; undefined when absent, null when repeated (ambiguous, as the SDK treats it). @internal */
export function singleHeader(headers: IncomingHttpHeaders, name: string): string | undefined | null {
  const value = headers[name];
  if (Array.isArray(value)) return value.length === 1 ? value[0] : null;
  return value;
}

/** The media type of the request without parameters, lower-cased. @internal */
export function mediaTypeOf(headers: IncomingHttpHeaders): string {
  return (singleHeader(headers, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
}
