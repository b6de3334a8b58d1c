import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../sample/src/app.module';
import { emulatorEnvironment } from '../../sample/src/emulator/emulator-environment';
import { PortOneEmulator } from '../../sample/src/portone';
import { setEnvironment, uniqueId } from '../support/sample-app';

/**
 * The sample's whole CVS flow over real HTTP: the app listens on a loopback port, so the emulator can call
 * its confirm_url and notice_url as PortOne would.
 */
describe('sample: paying a convenience-store barcode at the store', () => {
  let emulator: PortOneEmulator;
  let app: INestApplication;
  let appUrl: string;
  let restoreEnvironment: () => void;

  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true });
    restoreEnvironment = setEnvironment({ ...emulatorEnvironment(emulator), APP_PUBLIC_URL: undefined });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    appUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await emulator?.close();
    restoreEnvironment?.();
  });

  // Tests read arbitrary answer fields; `any` keeps the assertions readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function json(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(`${appUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    return { status: res.status, body: await res.json() };
  }

  async function issue(merchantUid: string, amount = 15000) {
    const res = await json('POST', '/cvs', { merchantUid, amount, name: 'Sample order' });
    expect(res.status).toBe(201);
    return res.body as { impUid: string };
  }

  it('issues with confirm_url and notice_url pointing at the sample itself', async () => {
    const merchantUid = uniqueId('order');
    await issue(merchantUid);
    const sent = emulator.requests.filter(r => r.path === '/cvs').at(-1);
    expect(sent?.body).toMatchObject({
      confirm_url: `${appUrl}/portone/webhook/cvs-confirm`,
      notice_url: [`${appUrl}/portone/webhook`],
    });
    expect((await json('GET', `/orders/${merchantUid}`)).body).toMatchObject({ status: 'awaiting-payment' });
  });

  it('pay at the store -> confirm allowed -> paid notice -> the order reads back as paid', async () => {
    const merchantUid = uniqueId('order');
    const { impUid } = await issue(merchantUid);

    const result = await emulator.payAtStore(impUid, { payType: 'cash' });
    expect(result.outcome).toBe('paid');
    expect(result.confirm?.status).toBe(200);
    expect(result.notices.map(n => n.status)).toEqual([200]);

    const order = await json('GET', `/orders/${merchantUid}`);
    expect(order.body).toMatchObject({ merchantUid, status: 'paid', impUid, amount: 15000 });
    expect(new Date(order.body.paidAt).getTime()).toBe(result.payment.paid_at * 1000);
  });

  it('the walkthrough’s HTTP "pay at the store" button does the same', async () => {
    const merchantUid = uniqueId('order');
    const { impUid } = await issue(merchantUid);
    const res = await fetch(`${emulator.origin}/emulator/cvs/${impUid}/pay`, { method: 'POST' });
    expect(((await res.json()) as { outcome: string }).outcome).toBe('paid');
    expect((await json('GET', `/orders/${merchantUid}`)).body.status).toBe('paid');
  });

  it('the store refuses the barcode of an order cancelled meanwhile: nothing paid, no notice', async () => {
    const merchantUid = uniqueId('order');
    const { impUid } = await issue(merchantUid, 9000);
    expect((await json('POST', `/orders/${merchantUid}/cancel`)).body.status).toBe('cancelled');

    const result = await emulator.payAtStore(impUid);
    expect(result.outcome).toBe('refused');
    expect(result.confirm?.status).toBe(403);
    expect(result.notices).toEqual([]);
    expect(emulator.getPayment(impUid)?.status).toBe('ready');
    expect((await json('GET', `/orders/${merchantUid}`)).body.status).toBe('cancelled');
    // The shop then revokes the barcode it will never accept.
    expect((await json('DELETE', `/cvs/${impUid}`)).body.status).toBe('cancelled');
  });
});
