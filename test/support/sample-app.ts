import type { INestApplication } from '@nestjs/common';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import type { App } from 'supertest/types';
import { AppModule } from '../../sample/src/app.module';
import { emulatorEnvironment } from '../../sample/src/emulator/emulator-environment';
import { ChannelKeys } from '../../sample/src/config/channel-keys';
import { PORTONE_MODULE_OPTIONS, PortOneEmulator } from '../../sample/src/portone';

/** The sample's AppModule, booted against a fresh emulator exactly as `npm start` does in emulator mode. */
export interface SampleApp {
  readonly app: INestApplication;
  readonly server: App;
  readonly emulator: PortOneEmulator;
  close(): Promise<void>;
}

/**
 * Boots the sample against a fresh emulator the way a test of an app would: `overrideProvider` points
 * PortOneModule (`PORTONE_MODULE_OPTIONS`) and the sample's `ChannelKeys` at the emulator. Nothing in
 * `process.env` changes.
 */
export async function startSampleApp(
  /** Runs before `init()`, as main.ts sets the app up before `listen()` (e.g. Swagger). */
  beforeInit: (app: INestApplication) => void = () => {},
): Promise<SampleApp> {
  const emulator = await PortOneEmulator.start({ port: 0 });
  const { channelKeys } = emulator.credentials;
  const override = (builder: TestingModuleBuilder) =>
    builder
      .overrideProvider(PORTONE_MODULE_OPTIONS)
      .useValue(emulator.moduleOptions())
      .overrideProvider(ChannelKeys)
      .useValue({ danal: channelKeys.danal, galaxia: channelKeys.galaxia });
  return boot(emulator, () => undefined, override, beforeInit);
}

/**
 * Boots the sample against a fresh emulator exactly as `npm start` does in emulator mode: through the
 * environment its options factory reads. For the tests of that factory; `environment` overrides (or, with
 * `undefined`, removes) variables on top of the emulator's. Everything is undone by `close()`, or at once
 * when booting fails.
 */
export async function startSampleAppFromEnvironment(
  environment: Record<string, string | undefined> = {},
  /** Runs before `init()`, as main.ts sets the app up before `listen()` (e.g. Swagger). */
  beforeInit: (app: INestApplication) => void = () => {},
): Promise<SampleApp> {
  const emulator = await PortOneEmulator.start({ port: 0 });
  const restoreEnvironment = setEnvironment({ ...emulatorEnvironment(emulator), ...environment });
  return boot(emulator, restoreEnvironment, builder => builder, beforeInit);
}

async function boot(
  emulator: PortOneEmulator,
  cleanUp: () => void,
  override: (builder: TestingModuleBuilder) => TestingModuleBuilder,
  beforeInit: (app: INestApplication) => void,
): Promise<SampleApp> {
  try {
    const moduleRef = await override(Test.createTestingModule({ imports: [AppModule] })).compile();
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
        cleanUp();
      },
    };
  } catch (error) {
    await emulator.close();
    cleanUp();
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
 * Boots the sample against a fresh emulator for a describe block and returns a handle to it; closes it
 * afterwards and clears the emulator's request log before each test. Read the handle inside tests and hooks.
 */
export function useSampleApp(): SampleApp {
  let sample: SampleApp | undefined;
  beforeAll(async () => {
    sample = await startSampleApp();
  });
  afterAll(() => sample?.close());
  beforeEach(() => sample?.emulator.clearRequests());
  const current = (): SampleApp => {
    if (!sample) throw new Error('useSampleApp: read the handle inside a test or hook');
    return sample;
  };
  return {
    get app() {
      return current().app;
    },
    get server() {
      return current().server;
    },
    get emulator() {
      return current().emulator;
    },
    close: () => current().close(),
  };
}
