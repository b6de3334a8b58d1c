import { PortOneEmulator } from '../../lib/testing';
import { call, cvsBody, jsonInit, otpRequestBody, v1Token } from '../support/emulator-http';

/** `clock.advance` moves everything time-based in the emulator: no test waits for real minutes. */
describe('emulator clock.advance', () => {
  let emulator: PortOneEmulator;
  beforeEach(async () => {
    emulator = await PortOneEmulator.start({ strict: true });
  });
  afterEach(() => emulator.close());

  const post = (path: string, body: unknown, token: string) =>
    call(`${emulator.v1BaseUrl}${path}`, jsonInit('POST', body, { authorization: `Bearer ${token}` }));

  it('moves now forward by exactly the seconds given', async () => {
    const before = emulator.clock.now().getTime();
    const { now } = await emulator.clock.advance(3600);
    expect(now.getTime() - before).toBeGreaterThanOrEqual(3600_000);
    expect(now.getTime() - before).toBeLessThan(3600_000 + 5_000);
    const view = await call(`${emulator.origin}/emulator/clock`);
    expect(view.body).toMatchObject({ skewSeconds: 0, advancedSeconds: 3600 });
  });

  it('expires access tokens (V1, 30 minutes)', async () => {
    const token = await v1Token(emulator);
    const getPayment = () =>
      call(`${emulator.v1BaseUrl}/payments/imps_000000000000?include_sandbox=true`, {
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await getPayment()).status).toBe(404);
    await emulator.clock.advance(1801);
    expect((await getPayment()).status).toBe(401);
  });

  it('expires OTPs (180 s)', async () => {
    const token = await v1Token(emulator);
    const requested = await post('/certifications/otp/request', otpRequestBody(emulator), token);
    const impUid = requested.body.response.imp_uid as string;
    await emulator.clock.advance(181);
    const confirmed = await post(
      `/certifications/otp/confirm/${impUid}`,
      { otp: emulator.lastOtp(impUid) },
      token,
    );
    expect(confirmed.status).not.toBe(200);
    expect(emulator.getCertification(impUid)?.certified).toBe(false);
  });

  it('closes barcode windows: a barcode due in a week cannot be paid a week and a second later', async () => {
    const token = await v1Token(emulator);
    const week = 7 * 86_400;
    const issued = await post(
      '/cvs',
      cvsBody(emulator, { expired_at: Math.floor(emulator.clock.now().getTime() / 1000) + week }),
      token,
    );
    const impUid = issued.body.response.imp_uid as string;
    await emulator.clock.advance(week + 1);
    await expect(emulator.payAtStore(impUid)).rejects.toMatchObject({ reason: 'expired' });
  });
});
