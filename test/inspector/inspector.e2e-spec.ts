import * as fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PortOneEmulator } from '../../lib/testing';
import {
  createPortOneTestApp,
  otpRequest,
  sendRequest,
  type PortOneTestApp,
} from '../support/portone-test-app';

/** Where the screenshot is kept (gitignored): look at it after a run. */
const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');

/**
 * The inspector page in a real browser: Debian's Chromium, headless, driven by playwright-core (its own
 * browser downloads cannot run here). Playwright gives every launch a fresh temporary profile directory.
 */
describe('the emulator inspector page in headless Chromium', () => {
  let emulator: PortOneEmulator;
  let app: PortOneTestApp;
  let browser: Browser;
  let page: Page;
  /** The app's payment-notice endpoint: a plain node:http server that records what the emulator posts. */
  let noticeServer: Server;
  const notices: string[] = [];
  /** What the app answers to V2 deliveries (path /v2). */
  let answerV2 = 200;
  const noticeBase = () => `http://127.0.0.1:${(noticeServer.address() as AddressInfo).port}`;

  beforeAll(async () => {
    noticeServer = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        notices.push(body);
        res.writeHead(req.url === '/v2' ? answerV2 : 200).end('OK');
      });
    });
    await new Promise<void>(resolve => noticeServer.listen(0, '127.0.0.1', resolve));
    emulator = await PortOneEmulator.start({ strict: true });
    app = await createPortOneTestApp({ ...emulator.moduleOptions(), retry: false });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      timeout: 20_000,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // A phone-sized viewport: the page must be readable there.
    page = await browser.newPage({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 1 });
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await emulator?.close();
    await new Promise(resolve => noticeServer?.close(resolve));
  });

  it('shows an OTP sent through the module, the records and their states; pays one barcode and expires another by clicking; a due date a week away shows its date; each delivery lists its attempts', async () => {
    await page.goto(`${emulator.origin}/`);
    expect(await page.title()).toBe('PortOne emulator');
    expect(await page.locator('#sms').innerText()).toContain('No OTP sent yet.');

    // Through the module, as an app would: a V1 OTP and a V2 identity verification.
    const { impUid } = await app.certifications.requestOtp(
      otpRequest(emulator.credentials.channelKeys.danal),
    );
    await app.identityVerifications.send('iv-inspector', sendRequest(emulator.credentials.channelKeys.danal));
    const v1Otp = emulator.lastOtp(impUid)!;
    const v2Otp = emulator.lastOtp('iv-inspector')!;

    // The page refreshes itself every 2 s: wait for the inbox to show both, newest first.
    const inbox = page.locator('#sms tbody tr');
    await inbox.nth(1).waitFor();
    expect(await inbox.nth(0).innerText()).toContain(v2Otp);
    expect(await inbox.nth(0).innerText()).toContain('iv-inspector');
    expect(await inbox.nth(1).innerText()).toContain(v1Otp);
    expect(await inbox.nth(1).innerText()).toContain(impUid);
    // Masked: the phone's last four digits only, never the whole number or name.
    const text = await page.locator('body').innerText();
    expect(text).toContain('010-****-5678');
    expect(text).not.toContain('01012345678');
    expect(text).not.toContain('홍길동');
    expect(text).toContain('홍*동');

    await app.certifications.confirmOtp(impUid, { otp: v1Otp });
    await page.locator('#certifications .badge.certified').waitFor();
    await page.locator('#identity-verifications .badge.ready').waitFor();

    // Two barcodes: one is paid at the store by a click (the emulator then notifies the app), one expires.
    const noticeUrl = `http://127.0.0.1:${(noticeServer.address() as AddressInfo).port}/portone/notice`;
    const first = await app.cvs.issue({
      channelKey: emulator.credentials.channelKeys.cvs,
      merchantUid: 'o-1',
      amount: 1500,
      noticeUrl: [noticeUrl],
    });
    const second = await app.cvs.issue({
      channelKey: emulator.credentials.channelKeys.cvs,
      merchantUid: 'o-2',
      amount: 2500,
    });
    const row = (impUid: string) => page.locator(`#cvs tr[data-imp-uid="${impUid}"]`);
    await row(second.impUid).waitFor();
    // Issued today: its time alone. Due in a week (the default window): the pay-by cell shows that day's date.
    const dueDate = new Date(emulator.getPayment(second.impUid)!.vbank_date * 1000).toISOString();
    const [issuedCell, payByCell] = [
      row(second.impUid).locator('td').nth(0),
      row(second.impUid).locator('td').nth(5),
    ];
    expect(await issuedCell.innerText()).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(await payByCell.innerText()).toBe(`${dueDate.slice(0, 10)} ${dueDate.slice(11, 16)}`);
    expect(dueDate.slice(0, 10)).not.toBe(new Date().toISOString().slice(0, 10));
    await row(second.impUid).getByRole('button', { name: 'Expire' }).click();
    await row(second.impUid).locator('.badge.expired').waitFor();
    expect(emulator.getPayment(second.impUid)!.vbank_date).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(await row(second.impUid).locator('button').count()).toBe(0);

    expect(await row(first.impUid).locator('.badge').innerText()).toBe('READY');
    await row(first.impUid).getByRole('button', { name: 'Pay at store' }).click();
    await row(first.impUid).locator('.badge.paid').waitFor();
    expect(emulator.getPayment(first.impUid)!.status).toBe('paid');
    expect(await row(first.impUid).locator('button').count()).toBe(0);
    // The emulator notifies the app after the store payment; the page lists the delivery with the app's answer.
    const delivery = page.locator('#webhooks tbody tr', { hasText: 'v1-notice' });
    await delivery.waitFor();
    expect(await delivery.innerText()).toMatch(
      /v1-notice\s+DELIVERED\s+#1 200 \d\d:\d\d:\d\d\s+of 1 · portone-v1-default\s+http:\/\/127\.0\.0\.1:\d+\/portone\/notice/,
    );
    expect(notices.some(body => body.includes(first.impUid))).toBe(true);

    // A V2 delivery the app refuses, then accepts on the retry: one row with both attempts and its state.
    answerV2 = 503;
    const refused = await emulator.sendV2Webhook(`${noticeBase()}/v2`, emulator.v2Event('Transaction.Paid'));
    const v2Row = page.locator(`#webhooks tr[data-delivery-id="${refused.deliveryId}"]`);
    await v2Row.locator('.badge.retrying').waitFor();
    expect(await v2Row.innerText()).toMatch(/#1 503 \d\d:\d\d:\d\d\s+of 6 · portone-v2/);
    answerV2 = 200;
    await emulator.clock.advance(75);
    await v2Row.locator('.badge.delivered').waitFor();
    expect(await v2Row.innerText()).toMatch(/#1 503 \S+( \S+)?\s*#2 200 /);

    // The request log lists the module's calls with status and duration.
    const log = await page.locator('#requests').innerText();
    expect(log).toMatch(/POST\s+\/certifications\/otp\/request\s+200\s+[\d.]+ ms/);
    expect(log).toContain('/identity-verifications/iv-inspector/send');

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'inspector.png'), fullPage: true });
    expect(fs.statSync(path.join(ARTIFACTS, 'inspector.png')).size).toBeGreaterThan(10_000);
  });
});
