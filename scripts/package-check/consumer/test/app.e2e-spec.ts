import 'reflect-metadata';
// nestjs-portone before any NestJS package on purpose: its CommonJS build then require()s the ESM-only
// NestJS 12 packages before the test runner has imported them (the order behind nestjs/nest#17583).
import { CertificationService, PortOneApiError } from 'nestjs-portone';
import { PortOneEmulator } from 'nestjs-portone/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppModule } from '../src/app.module.js';
import { useEmulatorEnvironment, useEveryService } from '../src/every-service.js';

// The app's own e2e test, as a user would write it with the runner their NestJS version sets up
// (jest for NestJS 11, Vitest for NestJS 12; the runner's imports, if any, are prepended above).
describe('AppModule with nestjs-portone on the emulator', () => {
  let emulator: PortOneEmulator;
  let app: INestApplicationContext;

  beforeAll(async () => {
    emulator = await PortOneEmulator.start();
    useEmulatorEnvironment(emulator);
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = await moduleRef.init();
  });

  afterAll(async () => {
    await app?.close();
    await emulator?.close();
  });

  it('every service works through forRootAsync + ConfigModule', async () => {
    const lines = await useEveryService(app, emulator);
    expect(lines).toHaveLength(12);
    expect(lines.at(-1)).toContain('instanceof PortOneApiError: true');
  });

  it('PortOne refusals are PortOneApiError instances', async () => {
    const error = await app
      .get(CertificationService)
      .get('imp_missing')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PortOneApiError);
    expect(error).toMatchObject({ status: 404 });
  });
});
