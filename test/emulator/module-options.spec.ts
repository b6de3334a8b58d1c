import { PortOneEmulator } from '../../lib/testing';
import { createPortOneTestApp, otpRequest, sendRequest } from '../support/portone-test-app';
import { startWebhookApp } from '../support/webhook-test-app';

describe('emulator.moduleOptions() and the channel keys', () => {
  let emulator: PortOneEmulator;
  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true });
  });
  afterAll(() => emulator.close());

  it('returns the v1 and v2 options that point PortOneModule at the emulator', async () => {
    expect(emulator.moduleOptions()).toEqual({
      v1: {
        apiKey: emulator.credentials.v1.apiKey,
        apiSecret: emulator.credentials.v1.apiSecret,
        baseUrl: emulator.v1BaseUrl,
      },
      v2: {
        apiSecret: emulator.credentials.v2.apiSecret,
        storeId: emulator.credentials.v2.storeId,
        baseUrl: emulator.v2BaseUrl,
        webhookSecrets: [emulator.webhookSecret],
      },
    });
    const app = await createPortOneTestApp({ ...emulator.moduleOptions(), retry: false });
    try {
      const { channelKeys } = emulator.credentials;
      const { impUid } = await app.certifications.requestOtp(
        otpRequest(channelKeys.identityVerification, {}),
      );
      expect((await app.certifications.confirmOtp(impUid, { otp: emulator.lastOtp(impUid) })).certified).toBe(
        true,
      );
      const issued = await app.cvs.issue({
        channelKey: channelKeys.cvs,
        merchantUid: 'order-mo',
        amount: 1000,
      });
      expect(issued.status).toBe('ready');
      await app.identityVerifications.send('iv-mo', sendRequest(channelKeys.identityVerification, {}));
      expect(
        (await app.identityVerifications.confirm('iv-mo', { otp: emulator.lastOtp('iv-mo') })).status,
      ).toBe('VERIFIED');
      await app.identityVerifications.send(
        'iv-mo-app',
        sendRequest(channelKeys.identityVerificationApp, { method: 'APP' }),
      );
      expect((await app.identityVerifications.confirm('iv-mo-app')).status).toBe('VERIFIED');
    } finally {
      await app.close();
    }
  });

  it('v2.webhookSecrets is the secret deliveries are signed with: one spread points an app’s webhooks at it', async () => {
    const secret = `whsec_${Buffer.from('module-options-secret-32-bytes!!').toString('base64')}`;
    const own = await PortOneEmulator.start({ v2: { webhookSecret: secret } });
    const web = await startWebhookApp({ ...own.moduleOptions(), retry: false });
    try {
      expect(own.moduleOptions().v2.webhookSecrets).toEqual([secret]);
      const delivery = await own.sendV2Webhook(
        web.webhookUrl,
        own.v2Event('Transaction.Paid', { paymentId: 'mo-1' }),
      );
      expect(delivery.status).toBe(200);
      expect(web.handlers.events).toEqual([
        expect.objectContaining({
          type: 'Transaction.Paid',
          data: expect.objectContaining({ paymentId: 'mo-1' }),
        }),
      ]);
      await expect(PortOneEmulator.start({ v2: { webhookSecret: 'short' } })).rejects.toThrow(
        /v2\.webhookSecret must be base64/,
      );
    } finally {
      await web.close();
      await own.close();
    }
  });

  it('names the channel keys by the API they serve, and by provider', () => {
    const keys = emulator.credentials.channelKeys;
    expect(keys).toEqual({
      identityVerification: 'channel-key-emulator-danal',
      identityVerificationApp: 'channel-key-emulator-kcp-v2',
      cvs: 'channel-key-emulator-galaxia',
      danal: 'channel-key-emulator-danal',
      kcpV2: 'channel-key-emulator-kcp-v2',
      galaxia: 'channel-key-emulator-galaxia',
    });
  });
});
