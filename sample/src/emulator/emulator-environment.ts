import type { PortOneEmulator } from '../portone';

/**
 * The environment that points the app at the emulator: the same variables a real deployment sets, so
 * `portOneOptionsFactory` and `ChannelKeys` work unchanged in both modes.
 */
export function emulatorEnvironment(emulator: PortOneEmulator): Record<string, string> {
  const { v1, v2, channelKeys } = emulator.credentials;
  return {
    PORTONE_V1_API_KEY: v1.apiKey,
    PORTONE_V1_API_SECRET: v1.apiSecret,
    PORTONE_V1_BASE_URL: emulator.v1BaseUrl,
    PORTONE_V1_TIER_CODE: '',
    PORTONE_V2_API_SECRET: v2.apiSecret,
    PORTONE_V2_STORE_ID: v2.storeId,
    PORTONE_V2_BASE_URL: emulator.v2BaseUrl,
    PORTONE_V2_AUTH: 'secret',
    PORTONE_DANAL_CHANNEL_KEY: channelKeys.danal,
    PORTONE_GALAXIA_CHANNEL_KEY: channelKeys.galaxia,
  };
}
