import type { IncomingHttpHeaders } from 'node:http';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { isJsonObject } from '../../mapping/json-readers';
import { singleHeader } from '../http/webhook-request';

/** Why a V2 delivery was rejected, in PortOne SDK's vocabulary. @internal */
export type V2RejectionReason =
  | 'MISSING_REQUIRED_HEADERS'
  | 'INVALID_SIGNATURE'
  | 'TIMESTAMP_TOO_OLD'
  | 'TIMESTAMP_TOO_NEW'
  | 'NO_MATCHING_SIGNATURE'
  | 'NO_SECRET_CONFIGURED'
  | 'INVALID_BODY';

/** @internal */
export type V2Verification =
  | { readonly ok: true; readonly webhookId: string; readonly body: Record<string, unknown> }
  | { readonly ok: false; readonly reason: V2RejectionReason };

const HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

/** True when the request carries any Standard Webhooks header: it is then a V2 delivery. @internal */
export function looksLikeV2Delivery(headers: IncomingHttpHeaders): boolean {
  return HEADERS.some(name => headers[name] !== undefined);
}

/**
 * Verifiers for the configured secrets, built once at boot so that a malformed secret fails the boot instead
 * of a delivery. @internal
 */
export function createV2Verifiers(secrets: readonly string[]): Webhook[] {
  return secrets.map(secret => new Webhook(secret));
}

/**
 * Verifies a V2 delivery with the `standardwebhooks` library, which implements the scheme PortOne's SDK uses
 * (`whsec_` prefix, base64 key, HMAC-SHA256 over `id.timestamp.body`, several space-separated `v1,`
 * signatures, ±300 s, constant-time compare), against each configured secret (two during a rotation).
 * @internal
 */
export function verifyV2Delivery(
  verifiers: readonly Webhook[],
  headers: IncomingHttpHeaders,
  rawBody: Buffer,
): V2Verification {
  const values: Record<string, string> = {};
  for (const name of HEADERS) {
    const value = singleHeader(headers, name);
    if (typeof value !== 'string' || value === '') return { ok: false, reason: 'MISSING_REQUIRED_HEADERS' };
    values[name] = value;
  }
  if (verifiers.length === 0) return { ok: false, reason: 'NO_SECRET_CONFIGURED' };
  // The SDK rejects a timestamp that is not all digits; parseInt alone would accept "1714000000abc".
  if (!/^\d+$/.test(values['webhook-timestamp'])) return { ok: false, reason: 'INVALID_SIGNATURE' };

  let reason: V2RejectionReason = 'NO_MATCHING_SIGNATURE';
  for (const verifier of verifiers) {
    try {
      verifier.verify(rawBody, values, { jsonParse: false });
    } catch (error) {
      reason = reasonOf(error);
      // A timestamp outside the window fails the same way for every secret.
      if (reason !== 'NO_MATCHING_SIGNATURE') return { ok: false, reason };
      continue;
    }
    const body = parseJsonObject(rawBody);
    return body ? { ok: true, webhookId: values['webhook-id'], body } : { ok: false, reason: 'INVALID_BODY' };
  }
  return { ok: false, reason };
}

function reasonOf(error: unknown): V2RejectionReason {
  if (!(error instanceof WebhookVerificationError)) return 'INVALID_SIGNATURE';
  if (/too old/i.test(error.message)) return 'TIMESTAMP_TOO_OLD';
  if (/too new/i.test(error.message)) return 'TIMESTAMP_TOO_NEW';
  if (/no matching signature/i.test(error.message)) return 'NO_MATCHING_SIGNATURE';
  if (/missing required headers/i.test(error.message)) return 'MISSING_REQUIRED_HEADERS';
  return 'INVALID_SIGNATURE';
}

function parseJsonObject(raw: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
