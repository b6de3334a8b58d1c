import { Injectable } from '@nestjs/common';
import type { Webhook as SdkWebhook } from '@portone/server-sdk/webhook' with {
  'resolution-mode': 'require',
};
import {
  OnPortOneWebhook,
  type PortOneV1PaymentEvent,
  type PortOneV2UnrecognizedWebhookEvent,
  type PortOneV2WebhookEvent,
  type PortOneV2WebhookEventOf,
  type PortOneV2WebhookEventType,
  type PortOneWebhookEvent,
} from '../../lib';

// Compiled by `npm run typecheck` (tsconfig.json includes test/): each @ts-expect-error below must be an
// error, or the typecheck fails. The runtime assertions only keep the file a test on both legs.

@Injectable()
class Handlers {
  readonly seen: string[] = [];

  @OnPortOneWebhook('Transaction.Paid')
  onPaid(event: PortOneV2WebhookEventOf<'Transaction.Paid'>): void {
    // The narrowed event has the fields the SDK declares for it.
    const fields: [string, string, string, string] = [
      event.data.paymentId,
      event.data.storeId,
      event.data.transactionId,
      event.timestamp,
    ];
    this.seen.push(fields.join());
  }

  // @ts-expect-error A Transaction.Paid handler cannot declare the billing-key event as its parameter.
  @OnPortOneWebhook('Transaction.Paid')
  onPaidWithTheWrongParameter(event: PortOneV2WebhookEventOf<'BillingKey.Issued'>): void {
    this.seen.push(event.data.billingKey);
  }

  @OnPortOneWebhook('Transaction.Paid', { registration: 'agency' })
  onAgencyPaid(event: PortOneV2WebhookEventOf<'Transaction.Paid'>): void {
    // Selecting a registration keeps the narrowing; the event names its registration.
    const registration: string | undefined = event.registration;
    this.seen.push(`${registration ?? ''}:${event.data.paymentId}`);
  }

  // @ts-expect-error With a registration too, a Transaction.Paid handler cannot take another event type.
  @OnPortOneWebhook('Transaction.Paid', { registration: 'agency' })
  onAgencyPaidWithTheWrongParameter(event: PortOneV2WebhookEventOf<'BillingKey.Issued'>): void {
    this.seen.push(event.data.billingKey);
  }

  @OnPortOneWebhook(['Transaction.Cancelled', 'Transaction.PartialCancelled'])
  onCancelled(
    event: PortOneV2WebhookEventOf<'Transaction.Cancelled' | 'Transaction.PartialCancelled'>,
  ): void {
    this.seen.push(event.data.cancellationId);
  }

  // @ts-expect-error Listening to Transaction.Paid too, the handler must accept the paid event.
  @OnPortOneWebhook(['Transaction.Cancelled', 'Transaction.Paid'])
  onCancelledOnly(event: PortOneV2WebhookEventOf<'Transaction.Cancelled'>): void {
    this.seen.push(event.data.cancellationId);
  }

  @OnPortOneWebhook('Transaction.Confirm')
  onConfirm(event: PortOneV2WebhookEventOf<'Transaction.Confirm'>): void {
    const amount: number = event.data.totalAmount;
    this.seen.push(String(amount));
  }

  @OnPortOneWebhook('payment.paid')
  onV1Paid(event: PortOneV1PaymentEvent): void {
    this.seen.push(event.payment.impUid);
  }

  // @ts-expect-error A V1 notice is not a V2 event.
  @OnPortOneWebhook('payment.paid')
  onV1PaidAsV2(event: PortOneV2WebhookEvent): void {
    this.seen.push(event.webhookId);
  }

  @OnPortOneWebhook('Something.New')
  onUnknown(event: PortOneV2UnrecognizedWebhookEvent): void {
    this.seen.push(String(event.type));
  }

  @OnPortOneWebhook()
  onEvery(event: PortOneWebhookEvent): void {
    // Every event: narrowing on `type` gives each event's data.
    switch (event.type) {
      case 'Transaction.VirtualAccountIssued':
        this.seen.push(event.data.paymentId);
        break;
      case 'BillingKey.Deleted':
        this.seen.push(event.data.billingKey);
        break;
      case 'payment.paid':
        this.seen.push(event.payment.impUid);
        break;
      default:
        // @ts-expect-error Outside its own case, data is not known to have a billingKey.
        this.seen.push(event.api === 'v2' ? event.data.billingKey : event.type);
    }
  }

  // @ts-expect-error A handler of every event cannot declare only the paid event.
  @OnPortOneWebhook()
  onEveryAsPaid(event: PortOneV2WebhookEventOf<'Transaction.Paid'>): void {
    this.seen.push(event.data.paymentId);
  }

  @OnPortOneWebhook('Transaction.Paid')
  onPaidWide(event: PortOneWebhookEvent): void {
    // A wider parameter is fine: the handler narrows itself.
    if (event.type === 'Transaction.Paid') this.seen.push(event.data.transactionId);
  }
}

describe('@OnPortOneWebhook(type) and the handler’s parameter type', () => {
  it('compiles with the narrowed event (the @ts-expect-error lines are checked by npm run typecheck)', () => {
    const handlers = new Handlers();
    handlers.onPaid({
      api: 'v2',
      type: 'Transaction.Paid',
      timestamp: '2026-12-01T00:00:00Z',
      webhookId: 'wh-1',
      data: { paymentId: 'p', storeId: 's', transactionId: 't' },
      body: {},
    });
    expect(handlers.seen).toEqual(['p,s,t,2026-12-01T00:00:00Z']);
  });
});

// The SDK's own union, compiled against ours: a type the installed SDK declares that our union lacks makes
// `Missing` non-empty and this assignment an error.
type SdkType = Exclude<SdkWebhook['type'], symbol>;
type Missing = Exclude<SdkType, PortOneV2WebhookEventType>;
type Extra = Exclude<PortOneV2WebhookEventType, SdkType>;
const inStep: [Missing, Extra] extends [never, never] ? true : false = true;

describe('the V2 event union and the SDK’s Webhook type', () => {
  it('declare the same event types (checked by npm run typecheck)', () => {
    expect(inStep).toBe(true);
  });
});
