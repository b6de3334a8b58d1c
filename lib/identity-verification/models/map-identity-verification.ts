import { isoToDate } from '../../mapping/date-transforms';
import {
  IdentityVerificationFailure,
  IdentityVerificationRequestedCustomer,
  IdentityVerificationVerifiedCustomer,
  PageInfo,
  SelectedChannel,
} from './identity-verification-parts.model';
import {
  FailedIdentityVerification,
  ReadyIdentityVerification,
  UnrecognizedIdentityVerification,
  VerifiedIdentityVerification,
  type IdentityVerification,
  type IdentityVerificationBase,
  type IdentityVerificationPage,
} from './identity-verification.model';

// V2 answers are camelCase already, so records are built by copying the fields each class declares.
// Only declared fields are kept (a field PortOne adds later is ignored rather than leaking through
// untyped), and RFC 3339 strings become Dates. This runs on every V2 read; copying by hand costs a few
// microseconds where class-transformer cost ~45 (see bench/).

type Json = Record<string, unknown>;

const CHANNEL_FIELDS = ['type', 'id', 'key', 'name', 'pgProvider', 'pgMerchantId'] as const;
const REQUESTED_CUSTOMER_FIELDS = [
  'id',
  'name',
  'phoneNumber',
  'birthYear',
  'birthMonth',
  'birthDay',
] as const;
const VERIFIED_CUSTOMER_FIELDS = [
  'id',
  'name',
  'operator',
  'phoneNumber',
  'birthDate',
  'gender',
  'isForeigner',
  'ci',
  'di',
] as const;
const FAILURE_FIELDS = ['reason', 'pgCode', 'pgMessage'] as const;
const PAGE_FIELDS = ['number', 'size', 'totalCount'] as const;
const BASE_FIELDS = ['id', 'customData', 'pgTxId', 'version'] as const;

/**
 * Builds the record class of the answer's `status`; a status this module does not know keeps the raw JSON.
 * @internal
 */
export function mapIdentityVerification(raw: unknown): IdentityVerification {
  const record = isObject(raw) ? raw : {};
  switch (record.status) {
    case 'READY': {
      const ready = fillBase(new ReadyIdentityVerification(), record);
      ready.status = 'READY';
      ready.requestedCustomer = copy(
        new IdentityVerificationRequestedCustomer(),
        record.requestedCustomer,
        REQUESTED_CUSTOMER_FIELDS,
      );
      return ready;
    }
    case 'VERIFIED': {
      const verified = fillBase(new VerifiedIdentityVerification(), record);
      verified.status = 'VERIFIED';
      verified.verifiedCustomer = copy(
        new IdentityVerificationVerifiedCustomer(),
        record.verifiedCustomer,
        VERIFIED_CUSTOMER_FIELDS,
      );
      setDate(verified, 'verifiedAt', record.verifiedAt);
      if (typeof record.pgRawResponse === 'string') verified.pgRawResponse = record.pgRawResponse;
      return verified;
    }
    case 'FAILED': {
      const failed = fillBase(new FailedIdentityVerification(), record);
      failed.status = 'FAILED';
      failed.requestedCustomer = copy(
        new IdentityVerificationRequestedCustomer(),
        record.requestedCustomer,
        REQUESTED_CUSTOMER_FIELDS,
      );
      failed.failure = copy(new IdentityVerificationFailure(), record.failure, FAILURE_FIELDS);
      return failed;
    }
    default:
      return new UnrecognizedIdentityVerification(record);
  }
}

/** The answer of `GET /identity-verifications`. @internal */
export function mapIdentityVerificationPage(raw: unknown): IdentityVerificationPage {
  const page = isObject(raw) ? raw : {};
  return {
    items: Array.isArray(page.items) ? page.items.map(mapIdentityVerification) : [],
    page: copy(new PageInfo(), page.page, PAGE_FIELDS),
  };
}

function fillBase<T extends IdentityVerificationBase>(target: T, raw: Json): T {
  copy(target, raw, BASE_FIELDS);
  if (isObject(raw.channel)) target.channel = copy(new SelectedChannel(), raw.channel, CHANNEL_FIELDS);
  setDate(target, 'requestedAt', raw.requestedAt);
  setDate(target, 'updatedAt', raw.updatedAt);
  setDate(target, 'statusChangedAt', raw.statusChangedAt);
  return target;
}

function copy<T extends object>(target: T, source: unknown, fields: readonly string[]): T {
  if (!isObject(source)) return target;
  const into = target as Json;
  for (const field of fields) {
    const value = source[field];
    if (value !== undefined && value !== null) into[field] = value;
  }
  return target;
}

function setDate<T extends object>(target: T, field: keyof T & string, value: unknown): void {
  const date = isoToDate(value);
  if (date) (target as Json)[field] = date;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
