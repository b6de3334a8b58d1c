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

/** A valid V1 OTP request for the emulator's Danal channel. */
export function otpRequest(emulator: PortOneEmulator, overrides: Record<string, unknown> = {}) {
  return {
    name: '홍길동',
    phone: '010-1234-5678',
    birth: '900101',
    genderDigit: '1' as const,
    carrier: 'SKT' as const,
    channelKey: emulator.credentials.channelKeys.danal,
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

/** The emulator and the app a describe block works with. */
export interface EmulatorAppEnv {
  readonly emulator: PortOneEmulator;
  readonly app: PortOneTestApp;
}

/**
 * Starts an emulator (strict, plus `emulatorStartOptions`) and a PortOne test app for a describe block and hands them to `assign`; closes both
 * afterwards, and clears the emulator's faults and request log before each test.
 */
export function useEmulatorApp(
  assign: (env: EmulatorAppEnv) => void,
  overrides: Partial<PortOneModuleOptions> = {},
  emulatorStartOptions: PortOneEmulatorOptions = {},
): void {
  let env: EmulatorAppEnv | undefined;
  beforeAll(async () => {
    // Strict mode in all our tests: a field the spec does not declare is a client bug, not something to ignore.
    const emulator = await PortOneEmulator.start({ strict: true, ...emulatorStartOptions });
    env = { emulator, app: await createPortOneTestApp(emulatorOptions(emulator, overrides)) };
    assign(env);
  });
  afterAll(async () => {
    await env?.app.close();
    await env?.emulator.close();
  });
  beforeEach(() => {
    env?.emulator.clearFaults();
    env?.emulator.clearRequests();
  });
}
