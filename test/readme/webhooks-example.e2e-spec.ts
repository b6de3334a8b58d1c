// docs/testing.md's "A webhook end-to-end test", as printed there but for the import paths
// (test/readme/readme-examples.spec.ts keeps the two the same). Edit both together.
import { Injectable, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  CvsService,
  OnCvsConfirm,
  OnPortOneWebhook,
  PortOneModule,
  type CvsConfirmRequest,
  type PortOneV1PaymentEvent,
  type PortOneV2WebhookEventOf,
} from '../../lib';
import { PortOneEmulator } from '../../lib/testing';

/** The app's own webhook handlers (in your app: the provider you already have). */
@Injectable()
class PaymentEvents {
  readonly paidOrders: string[] = [];
  readonly paidPayments: string[] = [];
  failNextDelivery = false;

  @OnCvsConfirm() // may the store take the money?
  mayPay(request: CvsConfirmRequest): boolean {
    return request.merchantUid.startsWith('order-');
  }

  @OnPortOneWebhook('payment.paid') // V1 notice, re-read from the emulator
  onPaid({ payment }: PortOneV1PaymentEvent): void {
    this.paidOrders.push(payment.merchantUid);
  }

  @OnPortOneWebhook('Transaction.Paid') // V2 delivery, signature checked
  onV2Paid(event: PortOneV2WebhookEventOf<'Transaction.Paid'>): void {
    if (this.failNextDelivery) {
      this.failNextDelivery = false;
      throw new Error('the database is down'); // the app answers 500: PortOne retries
    }
    this.paidPayments.push(event.data.paymentId);
  }
}

describe('PortOne webhooks end to end against the emulator', () => {
  let emulator: PortOneEmulator;
  let app: INestApplication;
  let webhookUrl: string;

  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true });
    const moduleRef = await Test.createTestingModule({
      imports: [
        PortOneModule.forRoot({
          ...emulator.moduleOptions(), // V1, V2 and v2.webhookSecrets: the emulator's
          webhook: { path: 'portone/webhook' },
        }),
      ],
      providers: [PaymentEvents],
    }).compile();
    app = moduleRef.createNestApplication({ rawBody: true }); // V2 signatures cover the raw body
    await app.listen(0, '127.0.0.1'); // a real port: the emulator calls the app over HTTP
    webhookUrl = `${await app.getUrl()}/portone/webhook`;
  });

  afterAll(async () => {
    await app.close();
    await emulator.close();
  });

  it('pays a barcode at the store: the app allows it, then handles the notice', async () => {
    const barcode = await app.get(CvsService).issue({
      channelKey: emulator.credentials.channelKeys.cvs,
      merchantUid: 'order-1',
      amount: 15000,
      confirmUrl: `${webhookUrl}/cvs-confirm`,
      noticeUrl: [webhookUrl],
    });
    const result = await emulator.payAtStore(barcode.impUid);
    expect(result.outcome).toBe('paid');
    expect(result.notices.map(notice => notice.status)).toEqual([200]);
    expect(app.get(PaymentEvents).paidOrders).toEqual(['order-1']);
  });

  it('handles a signed V2 Transaction.Paid delivery', async () => {
    const event = emulator.v2Event('Transaction.Paid', { paymentId: 'payment-1' });
    const delivery = await emulator.sendV2Webhook(webhookUrl, event);
    expect(delivery.status).toBe(200);
    expect(app.get(PaymentEvents).paidPayments).toEqual(['payment-1']);
  });

  it('a handler that fails once gets PortOne’s retry, a minute later on the emulator’s clock', async () => {
    const events = app.get(PaymentEvents);
    events.failNextDelivery = true;
    const event = emulator.v2Event('Transaction.Paid', { paymentId: 'payment-2' });
    const first = await emulator.sendV2Webhook(webhookUrl, event);
    expect(first.status).toBe(500);
    expect(events.paidPayments).not.toContain('payment-2');

    const { attempts } = await emulator.clock.advance(75); // V2's first retry: after 1 minute, ±20 %
    expect(attempts.map(attempt => [attempt.attempt, attempt.status])).toEqual([[2, 200]]);
    expect(events.paidPayments).toContain('payment-2');
    expect(emulator.webhookHistory(first.deliveryId)?.state).toBe('delivered');
  });
});
