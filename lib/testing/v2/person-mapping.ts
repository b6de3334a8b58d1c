import type { ResolvedChannel } from '../options';
import { fakeCi, inventIdentity, fakeDi, formatBirth, isForeignerDigit, isMaleDigit, pad2 } from '../person';
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
 * method) the person's birth date and sex are invented from name and phone ({@link inventIdentity}), because
 * PortOne always reports them for V2 verifications.
 */
export function toVerifiedCustomer(
  record: IdentityVerificationRecord,
  channelKey: string,
): EmulatorVerifiedCustomer {
  const requested = record.requestedCustomer;
  const name = requested.name ?? '';
  const identity = record.identity ?? inventIdentity(name, requested.phoneNumber ?? '');
  const ci = fakeCi(name, identity.birth, identity.genderDigit);
  return {
    ...(requested.id !== undefined && { id: requested.id }),
    name,
    ...(record.operator && { operator: record.operator }),
    ...(requested.phoneNumber !== undefined && { phoneNumber: requested.phoneNumber }),
    birthDate: formatBirth(identity.birth),
    gender: isMaleDigit(identity.genderDigit) ? 'MALE' : 'FEMALE',
    isForeigner: isForeignerDigit(identity.genderDigit),
    ci,
    di: fakeDi(ci, channelKey),
  };
}
