import { isJsonObject } from '../../mapping/json-readers';
import { mediaTypeOf, type WebhookHttpRequest } from './webhook-request';

/**
 * Parses a webhook body by its media type: JSON, or `application/x-www-form-urlencoded` (V1 notices can be
 * either, chosen in PortOne's console). Resolves to undefined when it is neither or does not parse.
 * @internal
 */
export function parseBodyText(req: WebhookHttpRequest, raw: Buffer): Record<string, unknown> | undefined {
  const text = raw.toString('utf8');
  const type = mediaTypeOf(req.headers);
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed: unknown = JSON.parse(text);
    return isPlainObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** @internal */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return isJsonObject(value) && !Buffer.isBuffer(value);
}
