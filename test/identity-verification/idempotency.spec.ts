import type { SendIdentityVerificationDto } from '../../lib';
import { PortOneEmulator } from '../../lib/testing';
import {
  createPortOneTestApp,
  emulatorOptions,
  newId,
  sendRequest,
  type PortOneTestApp,
} from '../support/portone-test-app';

describe('Idempotency-Key on V2 POSTs', () => {
  let emulator: PortOneEmulator;
  let app: PortOneTestApp;

  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true });
    // Generous retries: a retry that meets the first attempt still in flight gets 409
    // IDEMPOTENCY_OUTSTANDING_REQUEST and must wait for it to finish.
    app = await createPortOneTestApp(
      emulatorOptions(emulator, {
        timeoutMs: 200,
        retry: { maxRetries: 10, baseDelayMs: 50, maxDelayMs: 200 },
      }),
    );
  });
  afterAll(async () => {
    await app.close();
    await emulator.close();
  });
  beforeEach(() => emulator.reset());

  const sendDto = () => sendRequest(emulator.credentials.channelKeys.danal) as SendIdentityVerificationDto;

  it('every POST carries a key; different calls carry different keys', async () => {
    const [a, b] = [newId(), newId()];
    await app.identityVerifications.send(a, sendDto());
    await app.identityVerifications.send(b, sendDto());
    await app.identityVerifications.resend(a);
    await app.identityVerifications.confirm(a, { otp: emulator.lastOtp(a) });
    const keys = emulator.requests.filter(r => r.method === 'POST').map(r => r.headers['idempotency-key']);
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(4);
  });

  it('a timed-out send is retried with the same key and never sends a second OTP', async () => {
    const id = newId();
    // The first answer is slower than the 200 ms timeout: the SMS went out, the client never heard.
    emulator.injectFault({ api: 'v2', path: `/identity-verifications/${id}/send`, delayMs: 400 });
    await app.identityVerifications.send(id, sendDto());
    const otp = emulator.lastOtp(id);

    const sends = emulator.requests.filter(r => r.path === `/identity-verifications/${id}/send`);
    expect(sends.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sends.map(r => r.headers['idempotency-key'])).size).toBe(1);
    // While the first was in flight the emulator answered 409 IDEMPOTENCY_OUTSTANDING_REQUEST; once it
    // finished, the stored answer was replayed. Either way exactly one OTP was sent.
    expect(emulator.lastOtp(id)).toBe(otp);
    expect(emulator.otpsSent(id)).toBe(1);
  });

  it('a caller-supplied key replays the first answer instead of sending again', async () => {
    const id = newId();
    const idempotencyKey = `order-${id}-send-attempt`;
    await app.identityVerifications.send(id, sendDto(), { idempotencyKey });
    const otp = emulator.lastOtp(id);
    // Same key again (e.g. after a process restart): PortOne replays, no ALREADY_SENT, no second SMS.
    await app.identityVerifications.send(id, sendDto(), { idempotencyKey });
    expect(emulator.lastOtp(id)).toBe(otp);
    expect(emulator.otpsSent(id)).toBe(1);
    expect(
      emulator.requests.filter(r => r.path.endsWith('/send')).map(r => r.headers['idempotency-key']),
    ).toEqual([`"${idempotencyKey}"`, `"${idempotencyKey}"`]);
  });

  it('a 5xx on a keyed POST is retried with the same key', async () => {
    const id = newId();
    emulator.injectFault({
      api: 'v2',
      path: `/identity-verifications/${id}/send`,
      status: 503,
      body: { type: 'INTERNAL', message: 'down' },
    });
    await app.identityVerifications.send(id, sendDto());
    const sends = emulator.requests.filter(r => r.path === `/identity-verifications/${id}/send`);
    expect(sends.map(r => r.status)).toEqual([503, 200]);
    expect(sends[0].headers['idempotency-key']).toBe(sends[1].headers['idempotency-key']);
    expect(emulator.otpsSent(id)).toBe(1);
  });
});
