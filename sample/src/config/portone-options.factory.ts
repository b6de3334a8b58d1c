import { ConfigService } from '@nestjs/config';
import type { PortOneModuleOptions, PortOneV2Options } from '../portone';

/**
 * Builds the module options from the environment (see `sample/.env.example`). Used as the `useFactory` of
 * `PortOneModule.forRootAsync`, so the credentials never appear in code.
 *
 * The module validates these options while the app boots: a missing secret or a malformed base URL stops the
 * app with one `PortOneConfigurationError` listing every problem, instead of failing at the first request.
 */
export function portOneOptionsFactory(config: ConfigService): PortOneModuleOptions {
  return {
    v1: {
      apiKey: config.getOrThrow<string>('PORTONE_V1_API_KEY'),
      apiSecret: config.getOrThrow<string>('PORTONE_V1_API_SECRET'),
      baseUrl: optional(config, 'PORTONE_V1_BASE_URL'),
      tierCode: optional(config, 'PORTONE_V1_TIER_CODE'),
    },
    v2: {
      apiSecret: config.getOrThrow<string>('PORTONE_V2_API_SECRET'),
      storeId: optional(config, 'PORTONE_V2_STORE_ID'),
      baseUrl: optional(config, 'PORTONE_V2_BASE_URL'),
      // Anything but 'secret' or 'token' is rejected by the module's option validation at boot.
      auth: optional(config, 'PORTONE_V2_AUTH') as PortOneV2Options['auth'],
    },
    // Logs method, path, status and duration of every PortOne call (never bodies) under the `PortOne` context.
    logger: true,
  };
}

/** An unset or empty variable means "use the module's default", so `FOO=` in a .env file does not break boot. */
function optional(config: ConfigService, key: string): string | undefined {
  const value = config.get<string>(key);
  return value === undefined || value === '' ? undefined : value;
}
