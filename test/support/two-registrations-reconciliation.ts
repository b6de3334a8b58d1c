import { Injectable, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  CvsService,
  OnPortOneWebhook,
  PortOneModule,
  getPortOneToken,
  type PortOneModuleOptions,
  type PortOneV1PaymentEvent,
} from '../../lib';
import type { PortOneEmulator } from '../../lib/testing';
import { createHttpAdapter } from './http-adapter';

/** Records every `payment.paid`, whichever registration it came through. */
@Injectable()
export class PaidEvents {
  readonly events: PortOneV1PaymentEvent[] = [];
  @OnPortOneWebhook('payment.paid')
  onPaid(event: PortOneV1PaymentEvent): void {
    this.events.push(event);
  }
}

/**
 * An app with two named registrations reconciling every 200 ms: `store` on the emulator's default merchant,
 * `agency` on its `agency` merchant (start the emulator with `merchants: [{ name: 'agency' }]`), each mounting
 * its own routes. `extra` is added to both registrations' options (e.g. a shared queue).
 */
export async function startTwoRegistrations(
  emulator: PortOneEmulator,
  extra: Partial<PortOneModuleOptions> = {},
): Promise<INestApplication> {
  const reconcile = { intervalMs: 200, overlapMs: 2_000, lookBackMs: 60_000 };
  const moduleRef = await Test.createTestingModule({
    imports: [
      PortOneModule.forRoot({
        ...emulator.merchant('default').moduleOptions(),
        ...extra,
        name: 'store',
        webhook: { path: 'store/webhook', reconcile },
      }),
      PortOneModule.forRoot({
        ...emulator.merchant('agency').moduleOptions(),
        ...extra,
        name: 'agency',
        webhook: { path: 'agency/webhook', reconcile },
      }),
    ],
    providers: [PaidEvents],
  }).compile();
  return moduleRef.createNestApplication(createHttpAdapter(), { logger: false }).init();
}

/** One barcode per registration, paid with no notice URL: only a sweep can find them. */
export async function payUnnoticed(
  app: INestApplication,
  emulator: PortOneEmulator,
  tag: string,
): Promise<{ agency: string; store: string }> {
  const issue = (registration: string, merchant: string) =>
    app.get<CvsService>(getPortOneToken(CvsService, registration)).issue({
      channelKey: emulator.merchant(merchant).credentials.channelKeys.galaxia,
      merchantUid: `${registration}-${tag}-1`,
      amount: 1000,
    });
  const agency = await issue('agency', 'agency');
  const store = await issue('store', 'default');
  emulator.markCvsPaid(agency.impUid);
  emulator.markCvsPaid(store.impUid);
  return { agency: agency.impUid, store: store.impUid };
}

/** [registration, source, imp_uid] of each event, by registration. */
export function sweptBy(events: readonly PortOneV1PaymentEvent[]): (string | undefined)[][] {
  return events
    .map(event => [event.registration, event.source, event.payment.impUid])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}
