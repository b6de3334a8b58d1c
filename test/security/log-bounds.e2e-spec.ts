import { PortOneEmulator } from '../../lib/testing';
import { CapturingLogger } from '../support/capturing-logger';
import { emulatorOptions } from '../support/portone-test-app';
import { post, startWebhookApp, type WebhookTestApp } from '../support/webhook-test-app';

// Every value a request controls is bounded in every log line: a forged CVS confirm with a 90 KB imp_uid
// used to write a 92,230-character line. The bound is generous for real ids (PortOne's are ~20 characters).
const MAX_LINE = 400;

describe('log lines bound what a request controls', () => {
  let emulator: PortOneEmulator;
  let web: WebhookTestApp;
  const logger = new CapturingLogger();

  beforeAll(async () => {
    emulator = await PortOneEmulator.start();
    web = await startWebhookApp(emulatorOptions(emulator, { logger }));
  });
  afterAll(async () => {
    await web?.close();
    await emulator?.close();
  });
  beforeEach(() => (logger.lines.length = 0));

  const longest = (): number => Math.max(...logger.lines.map(line => line.length));

  it('a forged CVS confirm with a 90 KB imp_uid', async () => {
    const impUid = `imps_${'9'.repeat(90_000)}`;
    const body = JSON.stringify({ event: 'Galaxia.Cvs.Confirm', imp_uid: impUid, merchant_uid: 'm' });
    expect((await post(`${web.webhookUrl}/cvs-confirm`, body)).status).toBe(200);
    expect(logger.lines.some(line => line.includes('cvs confirm imp_uid=imps_999'))).toBe(true);
    expect(longest()).toBeLessThanOrEqual(MAX_LINE);
  });

  it("a V1 notice's unverified imp_uid stays out of the re-read's request log line", async () => {
    const forged = `imps_forged${'7'.repeat(150)}`;
    const answer = await post(web.webhookUrl, JSON.stringify({ imp_uid: forged, status: 'paid' }));
    expect(answer.status).toBe(404);
    // The re-read itself is logged (the client's request line), without the id PortOne has not confirmed.
    expect(logger.lines.some(line => line.includes('GET v1 /payments/'))).toBe(true);
    expect(logger.lines.filter(line => line.includes('imps_forged'))).toEqual([]);
    expect(longest()).toBeLessThanOrEqual(MAX_LINE);
  });
});
