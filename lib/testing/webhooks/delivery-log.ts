/** What the emulator called back: a CVS confirm, a V1 payment notice or a signed V2 delivery. */
export type EmulatorWebhookKind = 'cvs-confirm' | 'v1-notice' | 'v2';

/** One HTTP attempt the emulator made to an app's webhook URL. */
export interface EmulatorWebhookDelivery {
  readonly kind: EmulatorWebhookKind;
  readonly url: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  readonly attempt: number;
  readonly contentType: string;
  /** The request body exactly as sent. */
  readonly body: string;
  /** The app's HTTP status; undefined when the request failed at the network level. */
  readonly status?: number;
  /** The network error (`ECONNREFUSED`, `timeout`, …) when there was no answer. */
  readonly error?: string;
  readonly sentAt: Date;
}

/** Every webhook attempt since start (or the last reset), in the order they were sent. */
export class WebhookDeliveryLog {
  private readonly deliveries: EmulatorWebhookDelivery[] = [];

  add(delivery: EmulatorWebhookDelivery): void {
    this.deliveries.push(Object.freeze(delivery));
  }

  get all(): ReadonlyArray<EmulatorWebhookDelivery> {
    return [...this.deliveries];
  }

  clear(): void {
    this.deliveries.length = 0;
  }
}
