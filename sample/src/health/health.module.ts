import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { PortOneHealthModule } from '../portone';
import { HealthController } from './health.controller';

/** Terminus with PortOne's indicator. It answers from the app's own recent calls, probing at most once a minute. */
@Module({
  imports: [TerminusModule, PortOneHealthModule.forRoot({ probeIntervalMs: 60_000 })],
  controllers: [HealthController],
})
export class HealthModule {}
