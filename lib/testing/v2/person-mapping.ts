import type { ResolvedChannel } from '../options';
import {
  fakeCi,
  fakeCiWithoutBirth,
  fakeDi,
  formatBirth,
  isForeignerDigit,
  isMaleDigit,
  pad2,
} from '../person';
import type { IdentityVerificationRecord } from './identity-verification-store';
import type { EmulatorRequestedCustomer, EmulatorSelectedChannel, EmulatorVerifiedCustomer } from './types';

/** The `SelectedChannel` of a configured channel. All emulator channels are TEST channels. */
export function toSelectedChannel(channel: ResolvedChannel): EmulatorSelectedChannel {
  return {
    type: 'TEST',
    id: channel.id,
    key: channel.key,
    name: channel.name,
    pgProvider: channel.v2PgProvider,
    pgMerchantId: channel.pgMerchantId,
  };
}

/** `requestedCustomer` from what the merchant sent; birth fields only when an identity number was given. */
export function toRequestedCustomer(
  customer: { id?: string; name?: string; phoneNumber?: string },
  identity: IdentityVerificationRecord['identity'],
): EmulatorRequestedCustomer {
  return {
    ...(customer.id !== undefined && { id: customer.id }),
    ...(customer.name !== undefined && { name: customer.name }),
    ...(customer.phoneNumber !== undefined && { phoneNumber: customer.phoneNumber }),
    ...(identity && {
      birthYear: String(identity.birth.year),
      birthMonth: pad2(identity.birth.month),
      birthDay: pad2(identity.birth.day),
    }),
  };
}

/**
 * `verifiedCustomer` as the PG reports it after a successful verification. Without an identity number (APP
 * method) the emulator does not know the birth date, sex or nationality, so those fields are omitted, as the
 * spec allows.
 */
export function toVerifiedCustomer(
  record: IdentityVerificationRecord,
  channelKey: string,
): EmulatorVerifiedCustomer {
  const requested = record.requestedCustomer;
  const name = requested.name ?? '';
  const phoneNumber = requested.phoneNumber ?? '';
  const identity = record.identity;
  const ci = identity
    ? fakeCi(name, identity.birth, identity.genderDigit)
    : fakeCiWithoutBirth(name, phoneNumber);
  return {
    ...(requested.id !== undefined && { id: requested.id }),
    name,
    ...(record.operator && { operator: record.operator }),
    ...(requested.phoneNumber !== undefined && { phoneNumber: requested.phoneNumber }),
    ...(identity && {
      birthDate: formatBirth(identity.birth),
      gender: isMaleDigit(identity.genderDigit) ? ('MALE' as const) : ('FEMALE' as const),
      isForeigner: isForeignerDigit(identity.genderDigit),
    }),
    ci,
    di: fakeDi(ci, channelKey),
  };
}
