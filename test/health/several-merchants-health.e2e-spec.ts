import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TerminusModule } from '@nestjs/terminus';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { PortOneModule } from '../../lib';
import { PortOneHealthIndicator, PortOneHealthModule } from '../../lib/health';
import { PortOneEmulator } from '../../lib/testing';
import { createHttpAdapter, initApp } from '../support/http-adapter';

// One health key per merchant: each checks its own registration's calls, token and credentials.

@Controller('health')
class MerchantsHealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly portOne: PortOneHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.portOne.isHealthy('portone-store', { registration: 'store' }),
      () => this.portOne.isHealthy('portone-agency', { registration: 'agency' }),
    ]);
  }

  @Get('unnamed')
  @HealthCheck()
  unnamed() {
    return this.health.check([() => this.portOne.isHealthy('portone')]);
  }

  @Get('nobody')
  @HealthCheck()
  nobody() {
    return this.health.check([() => this.portOne.isHealthy('portone', { registration: 'nobody' })]);
  }
}

@Module({
  imports: [TerminusModule, PortOneHealthModule.forRoot({ probeIntervalMs: 60_000 })],
  controllers: [MerchantsHealthController],
})
class MerchantsHealthModule {}

describe('PortOneHealthIndicator with two registrations, one per merchant of the emulator', () => {
  let emulator: PortOneEmulator;
  let app: INestApplication;
  const health = (path = '/health') => request(app.getHttpServer() as App).get(path);

  beforeAll(async () => {
    emulator = await PortOneEmulator.start({ strict: true, merchants: [{ name: 'agency' }] });
    const agency = emulator.merchant('agency').moduleOptions();
    const moduleRef = await Test.createTestingModule({
      imports: [
        PortOneModule.forRoot({
          ...emulator.merchant('default').moduleOptions(),
          name: 'store',
          retry: false,
        }),
        // The agency's secrets were rotated and the app still has the old ones: PortOne refuses them.
        PortOneModule.forRoot({
          v1: { ...agency.v1, apiSecret: 'rotated-away-v1-secret' },
          v2: { ...agency.v2, apiSecret: 'rotated-away-v2-secret' },
          name: 'agency',
          retry: false,
        }),
        MerchantsHealthModule,
      ],
    }).compile();
    app = await initApp(moduleRef.createNestApplication(createHttpAdapter(), { logger: false }));
  });
  afterAll(async () => {
    await app?.close();
    await emulator?.close();
  });

  it('reports the merchant whose credentials PortOne refuses down and the other up, each from its own probe', async () => {
    const answer = await health().expect(503);

    expect(answer.body.info['portone-store']).toMatchObject({
      status: 'up',
      v1: { status: 'up', basis: 'probe', lastCall: { httpStatus: 404 }, token: { state: 'valid' } },
      v2: { status: 'up', basis: 'probe', lastCall: { httpStatus: 404 } },
    });
    expect(answer.body.error['portone-agency']).toMatchObject({
      status: 'down',
      v1: { status: 'down' },
      v2: { status: 'down', lastCall: { httpStatus: 401 } },
    });
    // One probe per registration and API, not one shared by both registrations.
    expect(emulator.countRequests({ api: 'v2', path: /health_probe$/ })).toBe(2);
    expect(JSON.stringify(answer.body)).not.toContain('rotated-away');
  });

  it('without registration checks the unnamed one, and says so when the app has none', async () => {
    const unnamed = await health('/health/unnamed').expect(503);
    expect(unnamed.body.error.portone).toEqual({
      status: 'down',
      reason: 'PortOneModule has no registration without a name; pass the one to check as registration',
    });
    const nobody = await health('/health/nobody').expect(503);
    expect(nobody.body.error.portone.reason).toBe('PortOneModule has no registration named "nobody"');
  });
});
