import { PortOneEmulator } from '../../lib/testing';
import {
  createPortOneTestApp,
  emulatorOptions,
  otpRequest,
  type PortOneTestApp,
} from '../support/portone-test-app';

/** 10,000 calls by default; `LOAD_CALLS=…` to change. The 100,000-call memory run is `npm run load`. */
const CALLS = Number(process.env.LOAD_CALLS ?? 10_000);
const CONCURRENCY = 200;

describe(`load: ${CALLS} calls at concurrency ${CONCURRENCY}, token expiring mid-run`, () => {
  let emulator: PortOneEmulator;
  let app: PortOneTestApp;

  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true, logRequests: false });
    app = await createPortOneTestApp(emulatorOptions(emulator, { maxSockets: 50 }));
  });
  afterAll(async () => {
    await app.close();
    await emulator.close();
  });

  it('has zero failures and makes one token request per expiry', async () => {
    const { impUid } = await app.certifications.requestOtp(
      otpRequest(emulator.credentials.channelKeys.danal),
    );
    const socketsBefore = emulator.connectionsOpened;
    let started = 0;
    let succeeded = 0;
    const failures: unknown[] = [];
    const worker = async (): Promise<void> => {
      while (started < CALLS) {
        started += 1;
        if (started === Math.floor(CALLS / 2)) emulator.expireTokens();
        try {
          const certification = await app.certifications.get(impUid);
          if (certification.impUid === impUid) succeeded += 1;
        } catch (error) {
          failures.push(error);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    expect(failures).toEqual([]);
    expect(succeeded).toBe(CALLS);
    // One for the first token, one after the expiry.
    expect(emulator.stats.tokenRequests.v1).toBe(2);
    // Keep-alive: the pool (50 sockets) is reused rather than a socket per call.
    expect(emulator.connectionsOpened - socketsBefore).toBeLessThanOrEqual(50);
    // The bound catches a stuck run, not a slow one (speed is `npm run bench`'s): 10,000 calls through the
    // client and the in-process emulator share one core with everything else the machine runs.
  }, 180_000);
});
