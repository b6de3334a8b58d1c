import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { PortOneHealthIndicator } from './portone-health.indicator';
import {
  PORTONE_HEALTH_OPTIONS,
  resolveHealthOptions,
  type PortOneHealthOptions,
} from './portone-health-options';

/**
 * Provides `PortOneHealthIndicator`. Import it beside `TerminusModule` in the module of your health
 * controller, anywhere in an app that registers `PortOneModule`; `forRoot` changes the probe interval.
 * With several registrations (several merchants), check each under its own key:
 * `isHealthy('portone-agency', { registration: 'agency' })` reports that registration's calls, token and
 * credentials; without `registration`, the registration made without a name is checked.
 * Lives under `nestjs-portone/health`, so apps without `@nestjs/terminus` never load it.
 * @publicApi
 */
@Module({
  imports: [TerminusModule],
  providers: [
    PortOneHealthIndicator,
    { provide: PORTONE_HEALTH_OPTIONS, useFactory: () => resolveHealthOptions() },
  ],
  exports: [PortOneHealthIndicator],
})
export class PortOneHealthModule {
  /** The module with its own options, for example a longer `probeIntervalMs`; import it instead of the class. */
  static forRoot(options: PortOneHealthOptions = {}): DynamicModule {
    return {
      module: PortOneHealthModule,
      providers: [{ provide: PORTONE_HEALTH_OPTIONS, useFactory: () => resolveHealthOptions(options) }],
    };
  }
}
