import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TerminusModule } from '@nestjs/terminus';
import { Test } from '@nestjs/testing';
import {
  IdentityVerificationService,
  CertificationService,
  PortOneModule,
  type PortOneModuleOptions,
} from '../../lib';
import { PortOneHealthIndicator, PortOneHealthModule, type PortOneHealthOptions } from '../../lib/health';
import { createHttpAdapter, initApp } from './http-adapter';

@Controller('health')
class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly portOne: PortOneHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.portOne.isHealthy('portone')]);
  }

  @Get('v2')
  @HealthCheck()
  checkV2() {
    return this.health.check([() => this.portOne.isHealthy('portone', { api: 'v2' })]);
  }
}

/** An app with PortOneModule and a Terminus `/health` controller in a separate module, as apps have it. */
export interface HealthTestApp {
  readonly app: INestApplication;
  readonly indicator: PortOneHealthIndicator;
  readonly identityVerifications: IdentityVerificationService;
  readonly certifications: CertificationService;
  close(): Promise<void>;
}

export async function startHealthTestApp(
  options: PortOneModuleOptions,
  health: PortOneHealthOptions = {},
): Promise<HealthTestApp> {
  @Module({
    imports: [TerminusModule, PortOneHealthModule.forRoot(health)],
    controllers: [HealthController],
  })
  class HealthModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [PortOneModule.forRoot(options), HealthModule],
  }).compile();
  const app = await initApp(moduleRef.createNestApplication(createHttpAdapter(), { logger: false }));
  return {
    app,
    indicator: app.get(PortOneHealthIndicator),
    identityVerifications: app.get(IdentityVerificationService),
    certifications: app.get(CertificationService),
    close: () => app.close(),
  };
}
