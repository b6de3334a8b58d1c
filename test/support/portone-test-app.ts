import { Test, type TestingModule } from '@nestjs/testing';
import {
  CertificationService,
  CvsService,
  IdentityVerificationService,
  PortOneModule,
  type PortOneModuleOptions,
} from '../../lib';
import { PortOneEmulator, type PortOneEmulatorOptions } from '../../lib/testing';

/** Module options pointing both API generations at the emulator, with fast retries for tests. */
export function emulatorOptions(
  emulator: PortOneEmulator,
  overrides: Partial<PortOneModuleOptions> = {},
): PortOneModuleOptions {
  return {
    ...emulator.moduleOptions(),
    retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 50 },
    timeoutMs: 5_000,
    ...overrides,
  };
}

/** A compiled testing module with the three services, ready to call. */
export interface PortOneTestApp {
  readonly moduleRef: TestingModule;
  readonly certifications: CertificationService;
  readonly cvs: CvsService;
  readonly identityVerifications: IdentityVerificationService;
  close(): Promise<void>;
}

export async function createPortOneTestApp(options: PortOneModuleOptions): Promise<PortOneTestApp> {
  const moduleRef = await Test.createTestingModule({ imports: [PortOneModule.forRoot(options)] }).compile();
  // init runs lifecycle hooks; close() then tears down the socket pools so jest exits cleanly.
  await moduleRef.init();
  return {
    moduleRef,
    certifications: moduleRef.get(CertificationService),
    cvs: moduleRef.get(CvsService),
    identityVerifications: moduleRef.get(IdentityVerificationService),
    close: () => moduleRef.close(),
  };
}

/** A valid V1 OTP request for a channel (the emulator's Danal channel: `emulator.credentials.channelKeys.danal`). */
export function otpRequest(channelKey: string, overrides: Record<string, unknown> = {}) {
  return {
    name: '홍길동',
    phone: '010-1234-5678',
    birth: '900101',
    genderDigit: '1' as const,
    carrier: 'SKT' as const,
    channelKey,
    ...overrides,
  };
}

export { sendRequest } from './emulator-fixtures';

/** Resolves to what `promise` rejected with; fails the test if it resolved. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

let counter = 0;
/** A unique V2 identity-verification id per call. */
export function newId(prefix = 'iv'): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}`;
}

/** A new V2 verification id whose first send attempt the emulator answers with 503 (the module retries). */
export function idWhoseFirstSendFails(emulator: PortOneEmulator): string {
  const id = newId();
  emulator.injectFault({
    api: 'v2',
    method: 'POST',
    path: `/identity-verifications/${id}/send`,
    status: 503,
  });
  return id;
}

/** The emulator and the app a describe block works with; read them inside tests and hooks. */
export interface EmulatorAppHandle {
  readonly emulator: PortOneEmulator;
  readonly app: PortOneTestApp;
}

/**
 * Starts an emulator (strict, plus `emulatorStartOptions`) and a PortOne test app for a describe block, and
 * returns a handle to them; closes both afterwards, and clears the emulator's faults and request log before
 * each test. Reading the handle outside a test (before `beforeAll` ran) throws.
 */
export function useEmulatorApp(
  overrides: Partial<PortOneModuleOptions> = {},
  emulatorStartOptions: PortOneEmulatorOptions = {},
): EmulatorAppHandle {
  let started: EmulatorAppHandle | undefined;
  beforeAll(async () => {
    // Strict mode in all our tests: a field the spec does not declare is a client bug, not something to ignore.
    const emulator = await PortOneEmulator.start({ strict: true, ...emulatorStartOptions });
    started = { emulator, app: await createPortOneTestApp(emulatorOptions(emulator, overrides)) };
  });
  afterAll(async () => {
    await started?.app.close();
    await started?.emulator.close();
  });
  beforeEach(() => {
    started?.emulator.clearFaults();
    started?.emulator.clearRequests();
  });
  const current = (): EmulatorAppHandle => {
    if (!started) throw new Error('useEmulatorApp: read the handle inside a test or hook');
    return started;
  };
  return {
    get emulator() {
      return current().emulator;
    },
    get app() {
      return current().app;
    },
  };
}
