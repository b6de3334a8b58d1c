import { defineOperation } from '../core/operation';
import { toJsonString } from '../core/wire';
import { IssueCvsPaymentDto } from './dto/issue-cvs-payment.dto';
import { ListPaymentsByStatusDto } from './dto/list-payments-by-status.dto';
import { PaymentLookupQueryDto } from './dto/payment-lookup-query.dto';
import { readPayment } from './models/read-payment';
import type { PortOnePayment } from './models/payment.model';
import { readPaymentPage } from './models/read-payment-page';

// V1 convenience-store payment endpoints (api.iamport.kr). Issue and revoke are never retried: V1 has no
// idempotency, so a blind retry could issue a second barcode or fail on an already revoked one. Lookups are.

// include_sandbox is declared only on GET /payments/{imp_uid}; whether find honours it is UNVERIFIED.
// Sending it is harmless if ignored, and needed if it is not.
const lookupQuery = (query: PaymentLookupQueryDto) => ({ include_sandbox: String(query.includeSandbox) });

// Every operation here answers a payment, checked by readPayment (models/read-payment.ts).
const toPayment = (payload: unknown): PortOnePayment => readPayment(payload);

// The spec declares no include_sandbox on the status list either, and whether PortOne lists test-channel
// payments there is UNVERIFIED. We send the same flag as the other lookups (default true): harmless if
// PortOne ignores it, and it keeps test-channel payments listed if PortOne filters them like `get`.
const listQuery = (query: ListPaymentsByStatusDto) => ({
  include_sandbox: String(query.includeSandbox),
  page: query.page === undefined ? undefined : String(query.page),
  limit: query.limit === undefined ? undefined : String(query.limit),
  from: unixSeconds(query.from),
  to: unixSeconds(query.to),
  sorting: query.sorting,
});

/** PortOne's times are whole UNIX seconds; `from` and `to` are both inclusive. */
const unixSeconds = (date: Date | undefined): string | undefined =>
  date === undefined ? undefined : String(Math.floor(date.getTime() / 1000));

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

  get: defineOperation({
    api: 'v1',
    name: 'CvsService.get',
    method: 'GET',
    path: '/payments/{impUid}',
    idempotency: 'natural',
    input: PaymentLookupQueryDto,
    query: lookupQuery,
    map: toPayment,
  }),

  findByMerchantUid: defineOperation({
    api: 'v1',
    name: 'CvsService.findByMerchantUid',
    method: 'GET',
    path: '/payments/find/{merchantUid}',
    idempotency: 'natural',
    input: PaymentLookupQueryDto,
    query: lookupQuery,
    map: toPayment,
  }),

  findByMerchantUidInStatus: defineOperation({
    api: 'v1',
    name: 'CvsService.findByMerchantUid',
    method: 'GET',
    path: '/payments/find/{merchantUid}/{status}',
    idempotency: 'natural',
    input: PaymentLookupQueryDto,
    query: lookupQuery,
    map: toPayment,
  }),

  listByStatus: defineOperation({
    api: 'v1',
    name: 'CvsService.listByStatus',
    method: 'GET',
    path: '/payments/status/{status}',
    idempotency: 'natural',
    input: ListPaymentsByStatusDto,
    query: listQuery,
    map: readPaymentPage,
  }),
};
