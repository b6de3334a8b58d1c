import { Injectable, type INestApplication, type Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  CvsService,
  OnCvsConfirm,
  OnPortOneWebhook,
  PortOneModule,
  getPortOneOptionsToken,
  getPortOneToken,
  type CvsConfirmRequest,
  type PortOneV1PaymentEvent,
  type PortOneV2WebhookEventOf,
  type PortOneWebhookEvent,
} from '../../lib';
import { PortOneEmulator, type EmulatorMerchant } from '../../lib/testing';
import { createHttpAdapter } from '../support/http-adapter';
import { eventually } from '../support/webhook-delivery';
import { post } from '../support/webhook-test-app';
import {
  PaidEvents,
  payUnnoticed,
  startTwoRegistrations,
  sweptBy,
} from '../support/two-registrations-reconciliation';

// An agency with two stores: two named registrations, each pointed at its own merchant of the emulator and
// mounting its own webhook routes. Everything goes over real HTTP: the app calls the emulator, the emulator
// calls the app's confirm and notice URLs.

@Injectable()
class MerchantHandlers {
  readonly storePaid: PortOneV1PaymentEvent[] = [];
  readonly agencyPaid: PortOneV1PaymentEvent[] = [];
  readonly every: PortOneWebhookEvent[] = [];
  readonly everyOfStore: PortOneWebhookEvent[] = [];
  readonly agencyV2Paid: PortOneV2WebhookEventOf<'Transaction.Paid'>[] = [];
  readonly storeConfirms: CvsConfirmRequest[] = [];
  readonly agencyConfirms: CvsConfirmRequest[] = [];

  @OnPortOneWebhook('payment.paid', { registration: 'store' })
  onStorePaid(event: PortOneV1PaymentEvent): void {
    this.storePaid.push(event);
  }

  @OnPortOneWebhook('payment.paid', { registration: 'agency' })
  onAgencyPaid(event: PortOneV1PaymentEvent): void {
    this.agencyPaid.push(event);
  }

  @OnPortOneWebhook('Transaction.Paid', { registration: 'agency' })
  onAgencyV2Paid(event: PortOneV2WebhookEventOf<'Transaction.Paid'>): void {
    this.agencyV2Paid.push(event);
  }

  /** No registration: every registration's events. */
  @OnPortOneWebhook()
  onEvery(event: PortOneWebhookEvent): void {
    this.every.push(event);
  }

  /** Every type, of one registration. */
  @OnPortOneWebhook(undefined, { registration: 'store' })
  onEveryOfStore(event: PortOneWebhookEvent): void {
    this.everyOfStore.push(event);
  }

  @OnCvsConfirm({ registration: 'store' })
  confirmStore(request: CvsConfirmRequest): boolean {
    this.storeConfirms.push(request);
    return true;
  }

  @OnCvsConfirm({ registration: 'agency' })
  confirmAgency(request: CvsConfirmRequest): boolean {
    this.agencyConfirms.push(request);
    return true;
  }

  clear(): void {
    for (const list of [
      this.storePaid,
      this.agencyPaid,
      this.every,
      this.everyOfStore,
      this.agencyV2Paid,
      this.storeConfirms,
      this.agencyConfirms,
    ])
      list.length = 0;
  }
}

const confirmBody = (impUid: string, merchantUid: string) =>
  JSON.stringify({
    event: 'Galaxia.Cvs.Confirm',
    imp_uid: impUid,
    merchant_uid: merchantUid,
    status: 'ready',
  });

async function listen(
  emulator: PortOneEmulator,
  providers: Type[],
): Promise<{ app: INestApplication; baseUrl: string }> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      PortOneModule.forRoot({
        ...emulator.merchant('default').moduleOptions(),
        name: 'store',
        webhook: { path: 'store/webhook' },
      }),
      PortOneModule.forRoot({
        ...emulator.merchant('agency').moduleOptions(),
        name: 'agency',
        webhook: { path: 'agency/webhook' },
      }),
    ],
    providers,
  }).compile();
  const app = moduleRef.createNestApplication(createHttpAdapter(), { logger: false, rawBody: true });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, baseUrl: `http://127.0.0.1:${port}` };
}

describe('several merchants: two registrations, each on its own merchant of the emulator', () => {
  let emulator: PortOneEmulator;
  let app: INestApplication;
  let baseUrl: string;
  let handlers: MerchantHandlers;
  let counter = 0;

  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true, merchants: [{ name: 'agency' }] });
    ({ app, baseUrl } = await listen(emulator, [MerchantHandlers]));
    handlers = app.get(MerchantHandlers);
  });
  afterAll(async () => {
    await app?.close();
    await emulator?.close();
  });
  beforeEach(() => handlers.clear());

  const routeOf = (registration: 'store' | 'agency') => `${baseUrl}/${registration}/webhook`;

  /** Issues a barcode through the registration's own CvsService, its callbacks on the registration's routes. */
  async function barcode(registration: 'store' | 'agency', merchant: EmulatorMerchant) {
    counter += 1;
    const cvs = app.get<CvsService>(getPortOneToken(CvsService, registration));
    return cvs.issue({
      channelKey: merchant.credentials.channelKeys.galaxia,
      merchantUid: `${registration}-order-${counter}`,
      amount: 1000,
      confirmUrl: `${routeOf(registration)}/cvs-confirm`,
      noticeUrl: [routeOf(registration)],
    });
  }

  it("each merchant's CVS notice reaches the handler selected for its registration, its confirm call its own confirm handler", async () => {
    const store = await barcode('store', emulator.merchant('default'));
    const agency = await barcode('agency', emulator.merchant('agency'));

    const paidAtStore = await emulator.payAtStore(store.impUid);
    const paidAtAgency = await emulator.payAtStore(agency.impUid);

    expect(paidAtStore.outcome).toBe('paid');
    expect(paidAtAgency.outcome).toBe('paid');
    expect(paidAtStore.notices.map(notice => notice.status)).toEqual([200]);
    expect(paidAtAgency.notices.map(notice => notice.status)).toEqual([200]);
    expect(handlers.storeConfirms.map(r => [r.registration, r.impUid])).toEqual([['store', store.impUid]]);
    expect(handlers.agencyConfirms.map(r => [r.registration, r.impUid])).toEqual([['agency', agency.impUid]]);
    // The notice is unsigned: each route re-read the payment with its own merchant's credentials (the other
    // merchant's would get a 404 from the emulator and dispatch nothing).
    expect(handlers.storePaid.map(e => [e.registration, e.payment.merchantUid])).toEqual([
      ['store', store.merchantUid],
    ]);
    expect(handlers.agencyPaid.map(e => [e.registration, e.payment.merchantUid])).toEqual([
      ['agency', agency.merchantUid],
    ]);
  });

  it('a handler without registration receives both merchants’ events, each naming its registration', async () => {
    const store = await barcode('store', emulator.merchant('default'));
    const agency = await barcode('agency', emulator.merchant('agency'));
    await emulator.payAtStore(store.impUid);
    await emulator.payAtStore(agency.impUid);
    await emulator.sendV2Webhook(routeOf('agency'), emulator.v2Event('Transaction.Paid'));

    expect(handlers.every.map(event => [event.registration, String(event.type)])).toEqual([
      ['store', 'payment.paid'],
      ['agency', 'payment.paid'],
      ['agency', 'Transaction.Paid'],
    ]);
    // Every type, one registration: only the store's.
    expect(handlers.everyOfStore.map(event => [event.registration, String(event.type)])).toEqual([
      ['store', 'payment.paid'],
    ]);
  });

  it("a V1 notice is re-read with the credentials of the route's registration: the agency's payment is unknown on the store's route", async () => {
    const agency = await barcode('agency', emulator.merchant('agency'));
    emulator.markCvsPaid(agency.impUid);
    const body = JSON.stringify({ imp_uid: agency.impUid, merchant_uid: agency.merchantUid, status: 'paid' });

    const onStoreRoute = await post(routeOf('store'), body);
    const onAgencyRoute = await post(routeOf('agency'), body);

    expect(onStoreRoute.status).toBe(404);
    expect(onAgencyRoute.status).toBe(200);
    expect(handlers.storePaid).toEqual([]);
    expect(handlers.agencyPaid.map(e => e.payment.impUid)).toEqual([agency.impUid]);
  });

  it("a V2 delivery reaches the typed handler of its route's registration only", async () => {
    await emulator.sendV2Webhook(
      routeOf('agency'),
      emulator.v2Event('Transaction.Paid', { paymentId: 'agency-payment-1' }),
    );
    await emulator.sendV2Webhook(
      routeOf('store'),
      emulator.v2Event('Transaction.Paid', { paymentId: 'store-payment-1' }),
    );

    expect(handlers.agencyV2Paid.map(event => [event.registration, event.data.paymentId])).toEqual([
      ['agency', 'agency-payment-1'],
    ]);
    expect(handlers.every.map(event => event.registration)).toEqual(['agency', 'store']);
  });

  it("a confirm request names its registration and goes to that registration's handler only", async () => {
    const answer = await post(`${routeOf('agency')}/cvs-confirm`, confirmBody('imps_000000000001', 'x-1'));
    expect(answer.status).toBe(200);
    expect(handlers.agencyConfirms.map(request => request.registration)).toEqual(['agency']);
    expect(handlers.storeConfirms).toEqual([]);
  });
});

describe('confirm handlers per registration', () => {
  let emulator: PortOneEmulator;
  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ merchants: [{ name: 'agency' }] });
  });
  afterAll(() => emulator.close());

  it('a registration without its own @OnCvsConfirm is answered by the one without a registration', async () => {
    @Injectable()
    class Confirms {
      readonly fallback: CvsConfirmRequest[] = [];
      readonly agency: CvsConfirmRequest[] = [];
      @OnCvsConfirm()
      any(request: CvsConfirmRequest): boolean {
        this.fallback.push(request);
        return false;
      }
      @OnCvsConfirm({ registration: 'agency' })
      forAgency(request: CvsConfirmRequest): boolean {
        this.agency.push(request);
        return true;
      }
    }
    const { app, baseUrl } = await listen(emulator, [Confirms]);
    try {
      const store = await post(
        `${baseUrl}/store/webhook/cvs-confirm`,
        confirmBody('imps_000000000002', 'o-2'),
      );
      const agency = await post(
        `${baseUrl}/agency/webhook/cvs-confirm`,
        confirmBody('imps_000000000003', 'o-3'),
      );
      expect([store.status, agency.status]).toEqual([403, 200]);
      const confirms = app.get(Confirms);
      expect(confirms.fallback.map(request => request.registration)).toEqual(['store']);
      expect(confirms.agency.map(request => request.registration)).toEqual(['agency']);
    } finally {
      await app.close();
    }
  });

  it('two @OnCvsConfirm for the same registration stop the boot, naming both', async () => {
    @Injectable()
    class First {
      @OnCvsConfirm({ registration: 'agency' })
      allow(): boolean {
        return true;
      }
    }
    @Injectable()
    class Second {
      @OnCvsConfirm({ registration: 'agency' })
      refuse(): boolean {
        return false;
      }
    }
    await expect(listen(emulator, [First, Second])).rejects.toThrow(
      'only one @OnCvsConfirm() is allowed per registration; found First.allow, Second.refuse for registration "agency"',
    );
  });

  it('a registration option that names nothing stops the boot, naming the handler', async () => {
    @Injectable()
    class Broken {
      @OnPortOneWebhook('payment.paid', { registration: '' })
      onPaid(): void {}
    }
    await expect(listen(emulator, [Broken])).rejects.toThrow(
      'Broken.onPaid: registration must be the non-empty name of a PortOneModule registration',
    );
  });
});

describe("overriding one registration's options (getPortOneOptionsToken) against the emulator's two merchants", () => {
  it("moves only that registration to its merchant; the other keeps the app's options", async () => {
    const emulator = await PortOneEmulator.start({ strict: true, merchants: [{ name: 'agency' }] });
    const storeOptions = { ...emulator.merchant('default').moduleOptions(), retry: false as const };
    const moduleRef = await Test.createTestingModule({
      imports: [
        PortOneModule.forRoot({ ...storeOptions, name: 'store' }),
        // As configured, the agency's PortOne is unreachable; the test points it at the agency merchant.
        PortOneModule.forRoot({
          name: 'agency',
          retry: false,
          v1: { apiKey: 'k', apiSecret: 's', baseUrl: 'http://127.0.0.1:1' },
        }),
      ],
    })
      .overrideProvider(getPortOneOptionsToken('agency'))
      .useValue(emulator.merchant('agency').moduleOptions())
      .compile();
    try {
      const cvs = (name: string) => moduleRef.get<CvsService>(getPortOneToken(CvsService, name));
      const agencyBarcode = await cvs('agency').issue({
        channelKey: emulator.merchant('agency').credentials.channelKeys.galaxia,
        merchantUid: 'agency-override-1',
        amount: 1000,
      });
      const storeBarcode = await cvs('store').issue({
        channelKey: emulator.merchant('default').credentials.channelKeys.galaxia,
        merchantUid: 'store-override-1',
        amount: 1000,
      });
      expect(moduleRef.get(getPortOneOptionsToken('store'))).toEqual({ ...storeOptions });
      // Each reads its own merchant's payment and not the other's: two merchants, two sets of credentials.
      expect((await cvs('agency').get(agencyBarcode.impUid)).merchantUid).toBe('agency-override-1');
      expect((await cvs('store').get(storeBarcode.impUid)).merchantUid).toBe('store-override-1');
      await expect(cvs('store').get(agencyBarcode.impUid)).rejects.toMatchObject({ status: 404 });
    } finally {
      await moduleRef.close();
      await emulator.close();
    }
  });
});

describe('webhook reconciliation with two registrations', () => {
  it("each registration sweeps its own merchant's payments, and the events name it", async () => {
    const emulator = await PortOneEmulator.start({ strict: true, merchants: [{ name: 'agency' }] });
    const app = await startTwoRegistrations(emulator);
    try {
      const paid = await payUnnoticed(app, emulator, 'swept');
      const events = app.get(PaidEvents).events;
      await eventually(() => events.length >= 2, 'both sweeps to dispatch', 10_000);
      expect(sweptBy(events)).toEqual([
        ['agency', 'reconciliation', paid.agency],
        ['store', 'reconciliation', paid.store],
      ]);
    } finally {
      await app.close();
      await emulator.close();
    }
  }, 20_000);
});
