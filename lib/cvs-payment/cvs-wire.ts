import { toJsonString } from '../validation';
import type { IssueCvsPaymentDto } from './dto/issue-cvs-payment.dto';

/**
 * The snake_case body of `POST /cvs`. `notice_url` has no item type in the spec (UNVERIFIED); we send strings.
 * @internal
 */
export function toIssueCvsBody(dto: IssueCvsPaymentDto): Record<string, unknown> {
  return {
    channel_key: dto.channelKey,
    merchant_uid: dto.merchantUid,
    amount: dto.amount,
    barcode: dto.barcode,
    expired_at: dto.expiredAt ? Math.floor(dto.expiredAt.getTime() / 1000) : undefined,
    name: dto.name,
    buyer_name: dto.buyerName,
    buyer_email: dto.buyerEmail,
    buyer_tel: dto.buyerTel,
    buyer_addr: dto.buyerAddr,
    buyer_postcode: dto.buyerPostcode,
    confirm_url: dto.confirmUrl,
    notice_url: dto.noticeUrl,
    custom_data: toJsonString(dto.customData),
  };
}
