import { flag, isoToDate, number, object, text, type Json } from '../../mapping/json-readers';
import { fill } from '../../mapping/model-fields';
import {
  IdentityVerificationFailure,
  IdentityVerificationRequestedCustomer,
  IdentityVerificationVerifiedCustomer,
  PortOnePageInfo,
  PortOneSelectedChannel,
} from './identity-verification-parts.model';
import {
  FailedIdentityVerification,
  ReadyIdentityVerification,
  UnrecognizedIdentityVerification,
  VerifiedIdentityVerification,
  type IdentityVerification,
  type IdentityVerificationPage,
} from './identity-verification.model';

// V2 answers camelCase already; each model field is still copied by hand, with its JSON type checked, and
// RFC 3339 strings become Dates. `fill` takes every field of the model, so the compiler catches a field added
// to a model and forgotten here. This runs on every V2 read, so it copies explicitly rather than
// through class-transformer's reflection.

/**
 * Builds the record class of the answer's `status`; a status this module does not know keeps the raw JSON.
 * @internal
 */
export function mapIdentityVerification(payload: unknown): IdentityVerification {
  const raw = object(payload) ?? {};
  switch (raw.status) {
    case 'READY':
      return fill(new ReadyIdentityVerification(), {
        ...baseFields(raw),
        status: 'READY',
        requestedCustomer: mapRequestedCustomer(raw.requestedCustomer),
      });
    case 'VERIFIED':
      return fill(new VerifiedIdentityVerification(), {
        ...baseFields(raw),
        status: 'VERIFIED',
        verifiedCustomer: mapVerifiedCustomer(raw.verifiedCustomer),
        verifiedAt: isoToDate(raw.verifiedAt),
        pgTxId: text(raw.pgTxId),
        pgRawResponse: text(raw.pgRawResponse),
      });
    case 'FAILED':
      return fill(new FailedIdentityVerification(), {
        ...baseFields(raw),
        status: 'FAILED',
        requestedCustomer: mapRequestedCustomer(raw.requestedCustomer),
        failure: mapFailure(raw.failure),
      });
    default:
      return new UnrecognizedIdentityVerification(raw);
  }
}

/** The answer of `GET /identity-verifications`. @internal */
export function mapIdentityVerificationPage(payload: unknown): IdentityVerificationPage {
  const raw = object(payload) ?? {};
  const page = object(raw.page) ?? {};
  return {
    items: Array.isArray(raw.items) ? raw.items.map(mapIdentityVerification) : [],
    page: fill(new PortOnePageInfo(), {
      number: number(page.number),
      size: number(page.size),
      totalCount: number(page.totalCount),
    }),
  };
}

/** The fields every record has, whatever its status. */
function baseFields(raw: Json) {
  return {
    id: text(raw.id),
    channel: mapChannel(raw.channel),
    customData: text(raw.customData),
    requestedAt: isoToDate(raw.requestedAt),
    updatedAt: isoToDate(raw.updatedAt),
    statusChangedAt: isoToDate(raw.statusChangedAt),
    pgTxId: text(raw.pgTxId),
    version: text(raw.version),
  };
}

function mapChannel(value: unknown): PortOneSelectedChannel | undefined {
  const raw = object(value);
  if (!raw) return undefined;
  return fill(new PortOneSelectedChannel(), {
    type: text(raw.type),
    id: text(raw.id),
    key: text(raw.key),
    name: text(raw.name),
    pgProvider: text(raw.pgProvider),
    pgMerchantId: text(raw.pgMerchantId),
  });
}

function mapRequestedCustomer(value: unknown): IdentityVerificationRequestedCustomer {
  const raw = object(value) ?? {};
  return fill(new IdentityVerificationRequestedCustomer(), {
    id: text(raw.id),
    name: text(raw.name),
    phoneNumber: text(raw.phoneNumber),
    birthYear: text(raw.birthYear),
    birthMonth: text(raw.birthMonth),
    birthDay: text(raw.birthDay),
  });
}

function mapVerifiedCustomer(value: unknown): IdentityVerificationVerifiedCustomer {
  const raw = object(value) ?? {};
  return fill(new IdentityVerificationVerifiedCustomer(), {
    id: text(raw.id),
    name: text(raw.name),
    operator: text(raw.operator),
    phoneNumber: text(raw.phoneNumber),
    birthDate: text(raw.birthDate),
    gender: text(raw.gender),
    isForeigner: flag(raw.isForeigner),
    ci: text(raw.ci),
    di: text(raw.di),
  });
}

function mapFailure(value: unknown): IdentityVerificationFailure {
  const raw = object(value) ?? {};
  return fill(new IdentityVerificationFailure(), {
    reason: text(raw.reason),
    pgCode: text(raw.pgCode),
    pgMessage: text(raw.pgMessage),
  });
}
