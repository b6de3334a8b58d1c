/**
 * `nestjs-portone/health`: a Terminus health indicator for PortOne. Needs `@nestjs/terminus` (an optional
 * peer dependency of nestjs-portone).
 * @module nestjs-portone/health
 */
import './terminus-guard';
export { PortOneHealthModule } from './portone-health.module';
export { PortOneHealthIndicator, type PortOneHealthCheckOptions } from './portone-health.indicator';
export type { PortOneHealthOptions } from './portone-health-options';
export type { PortOneApiHealth } from './assess-api-health';
