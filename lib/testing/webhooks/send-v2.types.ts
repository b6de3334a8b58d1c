import type { EmulatorWebhookSchedule } from './schedules';
import type { SignWebhookOptions } from './v2-signing';

// A public shape apart from its implementation, so that the published .d.ts of `nestjs-portone/testing` never
// reach the emulator's state (and its JSON schema imports).

/** Options of `sendV2Webhook` / `deliverV2Webhook`. */
export interface SendV2WebhookOptions extends SignWebhookOptions {
  /** The schedule of this delivery, instead of the emulator's `webhookDelivery.v2`. */
  schedule?: EmulatorWebhookSchedule;
}
