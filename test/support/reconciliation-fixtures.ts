import * as net from 'node:net';
import { CvsService, type PortOnePayment, type PortOneV1PaymentEvent } from '../../lib';
import type { PortOneEmulator } from '../../lib/testing';
import type { CapturingLogger } from './capturing-logger';
import { waitFor } from './emulator-http';
import type { WebhookTestApp } from './webhook-test-app';

/** A URL nothing listens on: a notice posted there is lost (connection refused), as during a deploy. */
export function deadUrl(): Promise<string> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(`http://127.0.0.1:${port}/gone`));
    });
  });
}

/** The reconciliation log lines so far (one per sweep). */
export function sweepLines(logger: CapturingLogger): string[] {
  return logger.lines.filter(line => line.includes('webhook reconciliation'));
}

/** Waits until `count` more sweep lines than `after` were logged; resolves to the new lines. */
export async function nextSweeps(
  logger: CapturingLogger,
  after: number,
  count = 1,
  timeoutMs = 10_000,
): Promise<string[]> {
  await waitFor(() => sweepLines(logger).length >= after + count, timeoutMs);
  return sweepLines(logger).slice(after);
}

/** Waits for the next sweep to end, so that the test acts in the quiet time before the one after it. */
export async function betweenSweeps(logger: CapturingLogger): Promise<number> {
  const seen = sweepLines(logger).length;
  await nextSweeps(logger, seen);
  return sweepLines(logger).length;
}

/** The V1 events the app's handlers recorded. */
export function v1Events(web: WebhookTestApp): PortOneV1PaymentEvent[] {
  return web.handlers.events.filter((event): event is PortOneV1PaymentEvent => event.api === 'v1');
}

let orders = 0;

/** Issues a barcode through the app whose notice goes to `noticeUrl` (none when omitted). */
export function issueBarcode(
  web: WebhookTestApp,
  emulator: PortOneEmulator,
  noticeUrl?: string,
): Promise<PortOnePayment> {
  orders += 1;
  return web.app.get(CvsService).issue({
    channelKey: emulator.credentials.channelKeys.galaxia,
    merchantUid: `reconcile-${Date.now().toString(36)}-${orders}`,
    amount: 4_500,
    buyerName: '이영희',
    noticeUrl: noticeUrl === undefined ? undefined : [noticeUrl],
  });
}

/** A promise the test resolves: keeps a handler running until then. */
export function gate(): { wait: () => Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>(resolve => (open = resolve));
  return { wait: () => opened, open };
}
