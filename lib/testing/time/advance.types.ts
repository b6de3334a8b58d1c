import type { EmulatorWebhookDelivery } from '../webhooks/delivery-log';

// A public shape apart from its implementation, so that the published .d.ts of `nestjs-portone/testing` never
// reach the emulator's state (and its JSON schema imports).

/** What `clock.advance` did. */
export interface EmulatorClockAdvance {
  /** The emulator's time after the advance. */
  readonly now: Date;
  /** Webhook attempts made while the clock moved (retries that fell due), oldest first. */
  readonly attempts: readonly EmulatorWebhookDelivery[];
}
