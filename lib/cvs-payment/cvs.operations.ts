import { defineOperation } from '../core/operation';
import { toJsonString } from '../core/wire';
import { expectRecord } from '../mapping/expect-shape';
import { IssueCvsPaymentDto } from './dto/issue-cvs-payment.dto';
import { mapPayment } from './models/map-payment';
import type { PortOnePayment } from './models/payment.model';

// V1 convenience-store payment endpoints (api.iamport.kr). Neither is retried: V1 has no idempotency, so a
// blind retry could issue a second barcode or fail on an already revoked one.

// A record with its `imp_uid`, whose histories are lists of records: a nested list there is hostile.
const toPayment = (payload: unknown): PortOnePayment =>
  mapPayment(
    expectRecord(payload, 'payment', {
      strings: ['imp_uid'],
      recordArrays: ['cancel_history', 'deposit_history'],
    }),
  );

/** @internal */
export const cvsOperations = {
  issue: defineOperation({
    api: 'v1',
    name: 'CvsService.issue',
    method: 'POST',
    path: '/cvs',
    idempotency: 'none',
    input: IssueCvsPaymentDto,
    // `notice_url` has no item type in the spec (UNVERIFIED); we send strings.
    body: dto => ({
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
    }),
    sensitive: ['name', 'buyerName', 'buyerEmail', 'buyerTel', 'buyerAddr', 'buyerPostcode'],
    map: toPayment,
  }),

  revoke: defineOperation({
    api: 'v1',
    name: 'CvsService.revoke',
    method: 'DELETE',
    path: '/cvs/{impUid}',
    idempotency: 'none',
    map: toPayment,
  }),
};
