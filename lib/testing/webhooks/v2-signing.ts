import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/**
 * The emulator's documented V2 webhook secret. Put it in `v2.webhookSecrets` of an app under test; the
 * emulator signs V2 deliveries with it unless told otherwise. Never use it outside tests.
 */
export const EMULATOR_WEBHOOK_SECRET = 'whsec_ZW11bGF0b3Itd2ViaG9vay1zZWNyZXQtMzJieXRlcyE=';

/** Options of `PortOneEmulator.signWebhook`: what to put in the signed headers instead of the defaults. */
export interface SignWebhookOptions {
  /** `webhook-id`. Default: a fresh random id per call. */
  id?: string;
  /** `webhook-timestamp`. Default: the emulator's clock. */
  timestamp?: Date;
  /** Signing secret (`whsec_…` or plain base64). Default {@link EMULATOR_WEBHOOK_SECRET}. */
  secret?: string;
}

/** A signed V2 delivery: send `body` byte for byte with these headers. */
export interface SignedWebhook {
  readonly body: string;
  readonly headers: {
    readonly 'webhook-id': string;
    readonly 'webhook-timestamp': string;
    readonly 'webhook-signature': string;
  };
}

/**
 * Signs a V2 webhook body the way PortOne does (Standard Webhooks: HMAC-SHA256 over `id.timestamp.body`,
 * `v1,<base64>`). A body given as an object is serialised with JSON.stringify; a string is signed as is.
 */
export function signV2Webhook(body: unknown, options: SignWebhookOptions, now: Date): SignedWebhook {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const id = options.id ?? `whmsg_${randomUUID()}`;
  const timestamp = options.timestamp ?? now;
  const signature = new Webhook(options.secret ?? EMULATOR_WEBHOOK_SECRET).sign(id, timestamp, text);
  return {
    body: text,
    headers: {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': signature,
    },
  };
}
