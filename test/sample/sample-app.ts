import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { App } from 'supertest/types';
import { AppModule } from '../../sample/src/app.module';
import { emulatorEnvironment } from '../../sample/src/emulator/emulator-environment';
import { PortOneEmulator } from '../../sample/src/portone';

/** The sample's AppModule, booted against a fresh emulator exactly as `npm start` does in emulator mode. */
export interface SampleApp {
  readonly app: INestApplication;
  readonly server: App;
  readonly emulator: PortOneEmulator;
  close(): Promise<void>;
}

/**
 * Boots the sample against a fresh emulator. `environment` overrides (or, with `undefined`, removes) variables
 * on top of the emulator's, to test configuration mistakes. Everything is undone by `close()`, or at once
 * when booting fails.
 */
export async function startSampleApp(
  environment: Record<string, string | undefined> = {},
  /** Runs before `init()`, as main.ts sets the app up before `listen()` (e.g. Swagger). */
  beforeInit: (app: INestApplication) => void = () => {},
): Promise<SampleApp> {
  const emulator = await PortOneEmulator.start({ strict: true, port: 0 });
  // The same switch main.ts uses: ConfigService reads process.env when the module's options factory runs.
  const restoreEnvironment = setEnvironment({ ...emulatorEnvironment(emulator), ...environment });
  try {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    beforeInit(app);
    await app.init();
    return {
      app,
      server: app.getHttpServer() as App,
      emulator,
      async close() {
        await app.close();
        await emulator.close();
        restoreEnvironment();
      },
    };
  } catch (error) {
    await emulator.close();
    restoreEnvironment();
    throw error;
  }
}

/** Sets (or deletes, for `undefined`) environment variables; returns a function that restores them. */
export function setEnvironment(variables: Record<string, string | undefined>): () => void {
  const previous = Object.fromEntries(Object.keys(variables).map(key => [key, process.env[key]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  apply(variables);
  return () => apply(previous);
}

let counter = 0;
/** A unique identity-verification id or merchant uid per call. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** A V2 test person with distinctive data, so a leak is easy to spot. */
export const V2_PERSON = {
  name: '김영희',
  phoneNumber: '01098765432',
  /** Born 2002-03-04, Korean woman. */
  identityNumber: '0203044',
} as const;

/** The V1 test person. */
export const V1_PERSON = {
  name: '홍길동',
  phone: '010-2468-1357',
  birth: '850615',
  genderDigit: '1',
  carrier: 'SKT',
} as const;

/** A valid body for `POST /identity-verifications/:id/send`. */
export function sendBody(overrides: Record<string, unknown> = {}) {
  return { customer: { ...V2_PERSON }, operator: 'KT', method: 'SMS', ...overrides };
}

/**
 * Boots the sample against a fresh emulator for a describe block and hands it to `assign`; closes it
 * afterwards and clears the emulator's request log before each test.
 */
export function useSampleApp(assign: (sample: SampleApp) => void): void {
  let sample: SampleApp | undefined;
  beforeAll(async () => {
    sample = await startSampleApp();
    assign(sample);
  });
  afterAll(() => sample?.close());
  beforeEach(() => sample?.emulator.clearRequests());
}
