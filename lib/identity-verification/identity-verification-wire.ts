import { toJsonString } from '../validation';
import type { ListIdentityVerificationsDto } from './dto/list-identity-verifications.dto';
import type { SendIdentityVerificationDto } from './dto/send-identity-verification.dto';

/** V2 is camelCase already; only `customData` (a string on the wire) and undefined fields need care. @internal */
export function toSendBody(
  dto: SendIdentityVerificationDto,
  storeId: string | undefined,
): Record<string, unknown> {
  const { customer } = dto;
  return {
    storeId,
    channelKey: dto.channelKey,
    customer: {
      id: customer.id,
      name: customer.name,
      phoneNumber: customer.phoneNumber,
      identityNumber: customer.identityNumber,
      ipAddress: customer.ipAddress,
    },
    customData: toJsonString(dto.customData),
    bypass: dto.bypass,
    operator: dto.operator,
    method: dto.method,
  };
}

/**
 * The `requestBody` query value of `GET /identity-verifications`: JSON, with dates as RFC 3339. The query
 * form is what PortOne's SDK uses, and GET bodies do not survive every proxy.
 * @internal
 */
export function toListRequestBody(
  dto: ListIdentityVerificationsDto,
  defaultStoreId: string | undefined,
): string {
  const filter = dto.filter ?? {};
  const storeId = filter.storeId ?? defaultStoreId;
  const body = {
    page: dto.page,
    sort: dto.sort,
    filter: {
      ...filter,
      storeId,
      from: filter.from?.toISOString(),
      until: filter.until?.toISOString(),
    },
  };
  return JSON.stringify(body);
}
