import { PortOneEmulator } from '../../lib/testing';
import { createPortOneTestApp, otpRequest, sendRequest } from '../support/portone-test-app';

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
