import { CvsService, PortOneModule, type PortOneModuleOptions } from '../../lib';
import { EMULATOR_WEBHOOK_SECRET, PortOneEmulator } from '../../lib/testing';
import { Test } from '@nestjs/testing';
import { emulatorOptions } from '../support/portone-test-app';
import { sendDelivery as send } from '../support/webhook-delivery';
import { startRedisServer, type TestRedisServer } from '../support/redis-server';
import { startWebhookInstance, type WebhookInstanceProcess } from '../support/webhook-instance-process';

/**
 * The lease of a claim: how long after the instance's death the delivery becomes dispatchable again. Long
 * enough that the retries sent right after the kill land inside it even on a loaded machine.
 */
const PROCESSING_TIMEOUT_MS = 8_000;

describe('inline mode: an instance killed mid-handler (separate processes, shared Redis)', () => {
  let emulator: PortOneEmulator;
  let redisServer: TestRedisServer;
  let dying: WebhookInstanceProcess;
  let survivor: WebhookInstanceProcess;

  beforeAll(async () => {
    [emulator, redisServer] = await Promise.all([PortOneEmulator.start(), startRedisServer()]);
    const base = emulatorOptions(emulator);
    const options: PortOneModuleOptions = {
      ...base,
      v2: { ...base.v2!, webhookSecrets: [EMULATOR_WEBHOOK_SECRET] },
    };
    const plan = {
      options,
      redisPort: redisServer.port,
      keyPrefix: 'death:',
      processingTimeoutMs: PROCESSING_TIMEOUT_MS,
    };
    [dying, survivor] = await Promise.all([
      startWebhookInstance({ ...plan, handler: { hang: true } }),
      startWebhookInstance({ ...plan, handler: {} }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await dying?.kill();
    await survivor?.stop();
    await redisServer?.stop();
    await emulator?.close();
  });

  it('PortOne retries to the other instance are refused while the lease runs, then dispatched once (V1 and V2)', async () => {
    // A paid V1 CVS payment, and a V2 delivery.
    const client = await Test.createTestingModule({
      imports: [PortOneModule.forRoot(emulatorOptions(emulator))],
    }).compile();
    const issued = await client.get(CvsService).issue({
      channelKey: emulator.credentials.channelKeys.galaxia,
      merchantUid: 'death-order-1',
      amount: 1000,
    });
    await client.close();
    emulator.markCvsPaid(issued.impUid);
    const json = { 'content-type': 'application/json' };
    const v1 = JSON.stringify({ imp_uid: issued.impUid, merchant_uid: issued.merchantUid, status: 'paid' });
    const signed = emulator.signWebhook(
      {
        type: 'Transaction.Paid',
        timestamp: new Date().toISOString(),
        // The fields PortOne's SDK declares for Transaction.Paid (the module refuses a body without them).
        data: { paymentId: 'p-death', storeId: 'store-1', transactionId: 'tx-death' },
      },
      { id: 'wh-death-1' },
    );
    const v2Headers = { ...json, ...signed.headers };

    // Both reach the handler of the instance that is about to die (the requests never get an answer).
    const lost = [send(dying.webhookUrl, v1, json), send(dying.webhookUrl, signed.body, v2Headers)].map(p =>
      p.catch(() => 'no answer'),
    );
    await dying.waitFor(fact => fact.kind === 'handler-start' && fact.id === issued.impUid);
    await dying.waitFor(fact => fact.kind === 'handler-start' && fact.id === 'wh-death-1');
    await dying.kill();
    expect(await Promise.all(lost)).toEqual(['no answer', 'no answer']);

    // PortOne's retries to the other instance: refused (5xx, PortOne retries) while the dead claim's lease runs.
    const killedAt = Date.now();
    expect((await send(survivor.webhookUrl, v1, json)).status).toBe(503);
    expect((await send(survivor.webhookUrl, signed.body, v2Headers)).status).toBe(503);

    // Once the lease expired, the next retry is dispatched; later ones are duplicates.
    const dispatchedAnswer = async (body: string, headers: Record<string, string>) => {
      const deadline = killedAt + PROCESSING_TIMEOUT_MS + 10_000;
      for (;;) {
        const answer = await send(survivor.webhookUrl, body, headers);
        if (answer.status === 200 || Date.now() > deadline) return answer;
        expect(answer.status).toBe(503);
        await new Promise(resolve => setTimeout(resolve, 200));
      }
    };
    expect((await dispatchedAnswer(v1, json)).body.duplicate).toBe(false);
    expect((await dispatchedAnswer(signed.body, v2Headers)).body.duplicate).toBe(false);
    expect((await send(survivor.webhookUrl, v1, json)).body.duplicate).toBe(true);
    expect((await send(survivor.webhookUrl, signed.body, v2Headers)).body.duplicate).toBe(true);

    const done = survivor.facts.filter(fact => fact.kind === 'handler-done').map(fact => fact.id);
    expect(done.sort()).toEqual([issued.impUid, 'wh-death-1'].sort());
  }, 60_000);
});
