import type { HandlerResult, RequestContext } from '../http/context';
import { isMaleDigit } from '../person';
import type { EmulatorState } from '../state';
import { resolveStore, type V2Principal } from './auth';
import { v2Error, v2Ok } from './errors';
import { toIdentityVerification, type IdentityVerificationRecord } from './identity-verification-store';
import { allIdentityVerifications } from './v1-records';

type TimeField = 'REQUESTED_AT' | 'VERIFIED_AT' | 'FAILED_AT' | 'STATUS_UPDATED_AT';

/** `GetIdentityVerificationsBody` after schema validation. */
export interface ListBody {
  page?: { number?: number; size?: number };
  sort?: { by?: TimeField; order?: 'DESC' | 'ASC' };
  filter?: ListFilter;
}

interface ListFilter {
  storeId?: string;
  timeRangeField?: TimeField;
  from?: string;
  until?: string;
  identityVerificationId?: string;
  identityVerificationTxId?: string;
  isTest?: boolean;
  statuses?: string[];
  pgTxId?: string;
  pgMerchantId?: string;
  pgProviders?: string[];
  pgCompanies?: string[];
  carriers?: string[];
  version?: 'V1' | 'V2';
  customer?: {
    name?: string;
    birthYear?: string;
    birthMonth?: string;
    birthDay?: string;
    phoneNumber?: string;
    gender?: 'MALE' | 'FEMALE' | 'OTHER';
  };
}

const DEFAULT_PAGE_SIZE = 10;
const DEFAULT_WINDOW_MS = 90 * 24 * 60 * 60 * 1000;

/** The company behind a PG provider, for the `pgCompanies` filter. */
const PROVIDER_COMPANY: Readonly<Record<string, string>> = {
  DANAL: 'DANAL',
  DANAL_TPAY: 'DANAL',
  KCP: 'KCP',
  KCP_V2: 'KCP',
  KCP_BILLING: 'KCP',
  KCP_QUICK: 'KCP',
  KCP_DIRECT: 'KCP',
  INICIS: 'INICIS',
  INICIS_V2: 'INICIS',
  INICIS_UNIFIED: 'INICIS',
  HTML5_INICIS: 'INICIS',
  GALAXIA: 'GALAXIA',
};

function companyOf(pgProvider: string): string {
  return PROVIDER_COMPANY[pgProvider] ?? pgProvider.replace(/_V2$/, '');
}

function timeOf(record: IdentityVerificationRecord, field: TimeField): number | undefined {
  switch (field) {
    case 'REQUESTED_AT':
      return record.requestedAtMs;
    case 'VERIFIED_AT':
      return record.verifiedAtMs;
    case 'FAILED_AT':
      return record.failedAtMs;
    case 'STATUS_UPDATED_AT':
      return record.statusChangedAtMs;
  }
}

/**
 * The customer filter matches the verified customer of VERIFIED records and the requested customer of the
 * others. The requested customer has no gender field; its gender comes from the identity number, when given.
 */
function customerMatches(
  record: IdentityVerificationRecord,
  filter: NonNullable<ListFilter['customer']>,
): boolean {
  let name: string | undefined;
  let phoneNumber: string | undefined;
  let birth: [string, string, string] | undefined;
  let gender: string | undefined;
  const verified = record.status === 'VERIFIED' ? record.verifiedCustomer : undefined;
  if (verified) {
    name = verified.name;
    phoneNumber = verified.phoneNumber;
    const parts = verified.birthDate?.split('-');
    birth = parts?.length === 3 ? [parts[0], parts[1], parts[2]] : undefined;
    gender = verified.gender;
  } else {
    const requested = record.requestedCustomer;
    name = requested.name;
    phoneNumber = requested.phoneNumber;
    if (requested.birthYear && requested.birthMonth && requested.birthDay) {
      birth = [requested.birthYear, requested.birthMonth, requested.birthDay];
    }
    if (record.identity) gender = isMaleDigit(record.identity.genderDigit) ? 'MALE' : 'FEMALE';
  }
  return (
    (filter.name === undefined || filter.name === name) &&
    (filter.phoneNumber === undefined || filter.phoneNumber === phoneNumber) &&
    (filter.birthYear === undefined || filter.birthYear === birth?.[0]) &&
    (filter.birthMonth === undefined || filter.birthMonth === birth?.[1]) &&
    (filter.birthDay === undefined || filter.birthDay === birth?.[2]) &&
    (filter.gender === undefined || filter.gender === gender)
  );
}

function includes(list: string[] | undefined, value: string | undefined): boolean {
  // An empty list means "no filter", as the spec says for statuses.
  return list === undefined || list.length === 0 || (value !== undefined && list.includes(value));
}

function matches(
  record: IdentityVerificationRecord,
  filter: ListFilter,
  storeId: string,
  range: TimeRange,
): boolean {
  if (record.storeId !== storeId) return false;
  const time = timeOf(record, range.field);
  // Inclusive at both ends: a record created in the same millisecond as a default `until` (now) is listed.
  if (time === undefined || time < range.from || time > range.until) return false;
  if (filter.identityVerificationId !== undefined && record.id !== filter.identityVerificationId)
    return false;
  if (filter.identityVerificationTxId !== undefined && record.txId !== filter.identityVerificationTxId)
    return false;
  if (filter.isTest !== undefined && (record.channel?.type === 'TEST') !== filter.isTest) return false;
  if (!includes(filter.statuses, record.status)) return false;
  if (filter.pgTxId !== undefined && record.pgTxId !== filter.pgTxId) return false;
  if (filter.pgMerchantId !== undefined && record.channel?.pgMerchantId !== filter.pgMerchantId) return false;
  if (!includes(filter.pgProviders, record.channel?.pgProvider)) return false;
  const provider = record.channel?.pgProvider;
  if (!includes(filter.pgCompanies, provider === undefined ? undefined : companyOf(provider))) return false;
  if (!includes(filter.carriers, record.verifiedCustomer?.operator ?? record.operator)) return false;
  if (filter.version !== undefined && record.version !== filter.version) return false;
  if (filter.customer !== undefined && !customerMatches(record, filter.customer)) return false;
  return true;
}

interface TimeRange {
  field: TimeField;
  from: number;
  until: number;
}

/**
 * Sorts by the chosen timestamp; records without it (e.g. VERIFIED_AT of a READY record) go last in either
 * order. Equal timestamps fall back to arrival order so paging is stable.
 */
function compareBy(field: TimeField, order: 'DESC' | 'ASC') {
  const sign = order === 'ASC' ? 1 : -1;
  return (a: IdentityVerificationRecord, b: IdentityVerificationRecord): number => {
    const ta = timeOf(a, field);
    const tb = timeOf(b, field);
    if (ta === undefined || tb === undefined) {
      if (ta !== tb) return ta === undefined ? 1 : -1;
    } else if (ta !== tb) {
      return (ta - tb) * sign;
    }
    return (a.seq - b.seq) * sign;
  };
}

/**
 * `GET /identity-verifications`. The body arrives as `?requestBody=<url-encoded JSON>` or as a JSON GET body
 * (the router resolves that and validates it before this runs).
 *
 * `page.totalCount` is the number of records matching the filter across all pages. The spec's description
 * ("number of objects actually returned") is ambiguous (UNVERIFIED); the grand total is what paging clients
 * need and what every other PortOne list resource means by it.
 */
export function listIdentityVerifications(
  ctx: RequestContext,
  state: EmulatorState,
  body: unknown,
  principal: V2Principal,
): HandlerResult {
  const input = body as ListBody;
  const filter = input.filter ?? {};
  // The spec searches "the whole merchant" when storeId is omitted. The emulator's credentials reach exactly
  // one store, so that is the credential's store, and any other storeId is 403 like everywhere else.
  const store = resolveStore(filter.storeId, principal);
  if ('error' in store) return store.error;
  const number = input.page?.number ?? 0;
  const size = input.page?.size ?? DEFAULT_PAGE_SIZE;
  if (number < 0) return v2Error('INVALID_REQUEST', 'page.number must be >= 0');
  if (size < 1) return v2Error('INVALID_REQUEST', 'page.size must be >= 1');
  const until = filter.until !== undefined ? Date.parse(filter.until) : state.clock.nowMs();
  const from = filter.from !== undefined ? Date.parse(filter.from) : until - DEFAULT_WINDOW_MS;
  const range: TimeRange = { field: filter.timeRangeField ?? 'REQUESTED_AT', from, until };

  const matched: IdentityVerificationRecord[] = [];
  for (const record of allIdentityVerifications(state))
    if (matches(record, filter, store.storeId, range)) matched.push(record);
  matched.sort(compareBy(input.sort?.by ?? 'REQUESTED_AT', input.sort?.order ?? 'DESC'));
  const items = matched.slice(number * size, number * size + size).map(toIdentityVerification);
  return v2Ok({ items, page: { number, size, totalCount: matched.length } });
}
