import { EMULATOR_DEFAULTS, type EmulatorChannel } from '../../lib/testing';

/**
 * The emulator's default channels, with Danal's optional contract features (carrier pre-approval, foreigner
 * detection) switched on, for tests that check the person fields those features reveal.
 */
export const CHANNELS_WITH_DANAL_EXTRAS: EmulatorChannel[] = EMULATOR_DEFAULTS.channels.map(channel =>
  channel.v1PgProvider === 'danal'
    ? { ...channel, carrierPreApproval: true, foreignerDetection: true }
    : { ...channel },
);

/**
 * A valid V2 send body for a channel (the emulator's Danal channel: `emulator.credentials.channelKeys.danal`). V2 is camelCase on the wire, so the same object
 * serves as the client's SendIdentityVerificationDto and as the raw body of the emulator's own tests.
 * identityNumber 0203044: born 2002-03-04, a woman (7th digit 4: born 2000 or later).
 */
export function sendRequest(channelKey: string, overrides: Record<string, unknown> = {}) {
  return {
    channelKey,
    customer: {
      id: 'user-42',
      name: '김영희',
      phoneNumber: '01098765432',
      identityNumber: '0203044',
      ipAddress: '203.0.113.7',
    },
    operator: 'KT' as const,
    method: 'SMS' as const,
    ...overrides,
  };
}
