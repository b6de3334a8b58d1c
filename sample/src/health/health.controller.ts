import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { PortOneHealthIndicator } from '../portone';

/**
 * `GET /health/portone`: PortOne's health for dashboards and alerts. It is deliberately NOT the app's
 * readiness check: a PortOne outage would take every instance out of the load balancer at once.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly portOne: PortOneHealthIndicator,
  ) {}

  @Get('portone')
  @HealthCheck()
  checkPortOne() {
    return this.health.check([() => this.portOne.isHealthy('portone')]);
  }
}
