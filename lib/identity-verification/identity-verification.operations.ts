import { defineOperation } from '../core/operation';
import { toJsonString } from '../core/wire';
import { ConfirmIdentityVerificationDto } from './dto/confirm-identity-verification.dto';
import { ListIdentityVerificationsDto } from './dto/list-identity-verifications.dto';
import { SendIdentityVerificationDto } from './dto/send-identity-verification.dto';
import { PortOneStoreScopeDto } from './dto/store-scope.dto';
import {
  readEmptyAnswer,
  readIdentityVerification,
  readIdentityVerificationPage,
  readVerifiedIdentityVerification,
} from './models/read-identity-verification';

// V2 identity-verification endpoints (api.portone.io). V2 is camelCase on the wire already. Every POST is
// `idempotency: 'key'`: it carries an Idempotency-Key, so retries and 401 replays never send a second SMS.

const CUSTOMER = ['customer.name', 'customer.phoneNumber', 'customer.identityNumber', 'customer.ipAddress'];
const FILTERED_CUSTOMER = ['name', 'phoneNumber', 'birthYear', 'birthMonth', 'birthDay'].map(
  field => `filter.customer.${field}`,
);

/** The body of `GET /identity-verifications`. */
function listRequestBody(dto: ListIdentityVerificationsDto, storeId: string | undefined): object {
  const filter = dto.filter ?? {};
  return {
    page: dto.page,
    sort: dto.sort,
    filter: {
      ...filter,
      storeId: filter.storeId ?? storeId,
      from: filter.from?.toISOString(),
      until: filter.until?.toISOString(),
    },
  };
}

function hasCustomerFilter(dto: ListIdentityVerificationsDto): boolean {
  return Object.values(dto.filter?.customer ?? {}).some(value => value !== undefined);
}

/** @internal */
export const identityVerificationOperations = {
  get: defineOperation({
    api: 'v2',
    name: 'IdentityVerificationService.get',
    method: 'GET',
    path: '/identity-verifications/{identityVerificationId}',
    idempotency: 'natural',
    input: PortOneStoreScopeDto,
    query: (_, { storeId }) => ({ storeId }),
    map: (payload: unknown) => readIdentityVerification(payload),
  }),

  list: defineOperation({
    api: 'v2',
    name: 'IdentityVerificationService.list',
    method: 'GET',
    path: '/identity-verifications',
    idempotency: 'natural',
    input: ListIdentityVerificationsDto,
    // The filter is JSON, dates as RFC 3339. Without a customer filter it travels in the `requestBody` query
    // value, the form PortOne's SDK uses. A customer filter (name, phone number, birth date) travels as the
    // GET's JSON body instead, which PortOne accepts as well (`x-portone-query-or-body`): query strings are
    // kept by proxies, load balancers and access logs, bodies are not.
    query: (dto, { storeId }) =>
      hasCustomerFilter(dto) ? {} : { requestBody: JSON.stringify(listRequestBody(dto, storeId)) },
    body: (dto, { storeId }) => (hasCustomerFilter(dto) ? listRequestBody(dto, storeId) : undefined),
    sensitive: FILTERED_CUSTOMER,
    map: readIdentityVerificationPage,
  }),

  send: defineOperation({
    api: 'v2',
    name: 'IdentityVerificationService.send',
    method: 'POST',
    path: '/identity-verifications/{identityVerificationId}/send',
    idempotency: 'key',
    input: SendIdentityVerificationDto,
    body: (dto, { storeId }) => ({
      storeId,
      channelKey: dto.channelKey,
      customer: {
        id: dto.customer.id,
        name: dto.customer.name,
        phoneNumber: dto.customer.phoneNumber,
        identityNumber: dto.customer.identityNumber,
        ipAddress: dto.customer.ipAddress,
      },
      customData: toJsonString(dto.customData),
      bypass: dto.bypass,
      operator: dto.operator,
      method: dto.method,
    }),
    sensitive: CUSTOMER,
    map: readEmptyAnswer,
  }),

  confirm: defineOperation({
    api: 'v2',
    name: 'IdentityVerificationService.confirm',
    method: 'POST',
    path: '/identity-verifications/{identityVerificationId}/confirm',
    idempotency: 'key',
    input: ConfirmIdentityVerificationDto,
    body: (dto, { storeId }) => ({ storeId, otp: dto.otp }),
    sensitive: ['otp'],
    map: readVerifiedIdentityVerification,
  }),

  resend: defineOperation({
    api: 'v2',
    name: 'IdentityVerificationService.resend',
    method: 'POST',
    path: '/identity-verifications/{identityVerificationId}/resend',
    idempotency: 'key',
    input: PortOneStoreScopeDto,
    query: (_, { storeId }) => ({ storeId }),
    map: readEmptyAnswer,
  }),
};
