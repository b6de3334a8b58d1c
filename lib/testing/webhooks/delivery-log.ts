/** What the emulator called back: a CVS confirm, a V1 payment notice or a signed V2 delivery. */
export type EmulatorWebhookKind = 'cvs-confirm' | 'v1-notice' | 'v2';

/** One HTTP attempt the emulator made to an app's webhook URL. */
export interface EmulatorWebhookDelivery {
  /** The delivery this attempt belongs to: the same for every retry of one notice or event. */
  readonly deliveryId: string;
  readonly kind: EmulatorWebhookKind;
  readonly url: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  readonly attempt: number;
  /** The most attempts the delivery's schedule allows. */
  readonly maxAttempts: number;
  readonly contentType: string;
  /** The request body exactly as sent. */
  readonly body: string;
  /** The app's HTTP status; undefined when the request failed at the network level. */
  readonly status?: number;
  /** The network error (`ECONNREFUSED`, `connect timeout`, `read timeout`, …) when there was no answer. */
  readonly error?: string;
  /** When the attempt was sent (emulator clock). */
  readonly sentAt: Date;
  /** When the next attempt is due (emulator clock), when this one failed and the schedule retries. */
  readonly nextAttemptAt?: Date;
  /**
   * True on the attempt after which PortOne stops without success: the last one allowed, or a failure its
   * API does not retry (V1 re-sends only after a 5xx or no answer). A success is any 2xx.
   */
  readonly givenUp?: boolean;
}

/** Where a delivery stands: `retrying` until it succeeds (`delivered`) or runs out of attempts (`given-up`). */
export type EmulatorWebhookState = 'retrying' | 'delivered' | 'given-up' | 'off';

/** One delivery (a notice or an event to one URL) with every attempt so far. */
export interface EmulatorWebhookHistory {
  readonly deliveryId: string;
  readonly kind: EmulatorWebhookKind;
  readonly url: string;
  /** The schedule it follows: `portone-v1-default`, `portone-v1-resend`, `portone-v2`, `custom` or `off`. */
  readonly schedule: string;
  readonly state: EmulatorWebhookState;
  readonly maxAttempts: number;
  readonly attempts: readonly EmulatorWebhookDelivery[];
  /** When the next attempt is due, while `retrying`. */
  readonly nextAttemptAt?: Date;
}

interface MutableHistory {
  deliveryId: string;
  kind: EmulatorWebhookKind;
  url: string;
  schedule: string;
  state: EmulatorWebhookState;
  maxAttempts: number;
  attempts: EmulatorWebhookDelivery[];
  nextAttemptAt?: Date;
}

/** Deliveries kept for the inspector and `webhookHistories`; attempts stay in the flat log too. */
const HISTORY_LIMIT = 500;

/** Every webhook attempt since start (or the last reset), in the order they were sent, grouped by delivery. */
export class WebhookDeliveryLog {
  private readonly deliveries: EmulatorWebhookDelivery[] = [];
  private histories = new Map<string, MutableHistory>();

  /** Opens a delivery before its first attempt. */
  open(history: Omit<MutableHistory, 'attempts' | 'nextAttemptAt'>): void {
    this.histories.set(history.deliveryId, { ...history, attempts: [] });
    if (this.histories.size > HISTORY_LIMIT) {
      const oldest = this.histories.keys().next().value as string;
      this.histories.delete(oldest);
    }
  }

  /** Logs an attempt and brings its delivery's state up to date. */
  add(delivery: EmulatorWebhookDelivery, state: EmulatorWebhookState): void {
    const frozen = Object.freeze(delivery);
    this.deliveries.push(frozen);
    const history = this.histories.get(delivery.deliveryId);
    if (!history) return;
    history.attempts.push(frozen);
    history.state = state;
    history.nextAttemptAt = delivery.nextAttemptAt;
  }

  /** How many attempts are logged. */
  get count(): number {
    return this.deliveries.length;
  }

  get all(): ReadonlyArray<EmulatorWebhookDelivery> {
    return [...this.deliveries];
  }

  /** A copy of one delivery's history. */
  history(deliveryId: string): EmulatorWebhookHistory | undefined {
    const history = this.histories.get(deliveryId);
    return history && { ...history, attempts: [...history.attempts] };
  }

  /** Every delivery kept, oldest first. */
  get allHistories(): EmulatorWebhookHistory[] {
    return [...this.histories.keys()].map(id => this.history(id)!);
  }

  clear(): void {
    this.deliveries.length = 0;
    this.histories = new Map();
  }
}
