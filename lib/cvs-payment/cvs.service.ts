import { Inject, Injectable } from '@nestjs/common';
import { UNVERIFIED_PATH, type PortOneCallOptions } from '../core/call-options';
import type { PortOneClient } from '../core/portone-client';
import type { ResolvedPortOneOptions } from '../options/resolve-options';
import { PORTONE_RESOLVED_OPTIONS, PORTONE_V1_CLIENT } from '../portone.constants';
import { cvsOperations as operations } from './cvs.operations';
import type { IssueCvsPaymentDto } from './dto/issue-cvs-payment.dto';
import type { ListPaymentsByStatusDto, PortOnePaymentListStatus } from './dto/list-payments-by-status.dto';
import type { PaymentLookupQueryDto } from './dto/payment-lookup-query.dto';
import type { PortOnePayment } from './models/payment.model';
import type { PortOnePaymentPage } from './models/payment-page.model';
import type {
  FindPaymentOptions,
  ListPaymentsByStatusOptions,
  PaymentLookupOptions,
} from './payment-lookup-options';

// This folder is `cvs-payment`, not `cvs`: npm never publishes a folder named CVS (any case), a relic of
// the CVS version-control system, so `dist/cvs/` would silently vanish from the package.

/**
 * PortOne V1 convenience-store (편의점) barcode payments through Galaxia Communications: issue a barcode the
 * customer pays at the store, look the payment up, or revoke one that is not paid yet. The confirm call and
 * the paid notice arrive as webhooks (see `@OnCvsConfirm()` and `@OnPortOneWebhook()`).
 *
 * Needs `v1` in the module options. Lookups are retried on transient failures; issue and revoke are not:
 * V1 has no idempotency, so a blind retry could issue a second barcode or fail on an already revoked one.
 * @publicApi
 */
@Injectable()
export class CvsService {
  /** @internal Nest constructs the service; apps inject it. */
  constructor(
    @Inject(PORTONE_V1_CLIENT) private readonly v1: PortOneClient,
    @Inject(PORTONE_RESOLVED_OPTIONS) private readonly options: ResolvedPortOneOptions,
  ) {}

  /**
   * Issues a barcode (`POST /cvs`) and resolves to the `ready` payment. The barcode is in `vbankNum`.
   * @throws PortOneValidationError for invalid input; PortOneApiError for PortOne's refusals (some arrive
   * as HTTP 200 with a non-zero `code`, e.g. an order that is already paid).
   */
  issue(dto: IssueCvsPaymentDto, options?: PortOneCallOptions): Promise<PortOnePayment> {
    return this.v1.call(operations.issue, {}, dto, options);
  }

  /**
   * Revokes an unpaid barcode (`DELETE /cvs/{imp_uid}`) and resolves to the `cancelled` payment.
   * @throws PortOneApiError for an unknown payment, or one already revoked or paid.
   */
  revoke(impUid: string, options?: PortOneCallOptions): Promise<PortOnePayment> {
    return this.v1.call(operations.revoke, { impUid }, undefined, options);
  }

  /**
   * Reads a payment (`GET /payments/{imp_uid}`), with every field of PortOne's answer mapped.
   * Test-channel payments are included unless `includeSandbox` (per call or `v1.includeSandbox`) is false.
   * @throws PortOneApiError with status 404 for an unknown `impUid` (or a sandbox payment when excluded).
   */
  get(impUid: string, options?: PaymentLookupOptions): Promise<PortOnePayment> {
    return this.v1.call(operations.get, { impUid }, this.lookupQuery(options), callOptionsOf(options));
  }

  /**
   * Reads the latest payment of an order (`GET /payments/find/{merchant_uid}/{payment_status}`, newest
   * started first), optionally only one in `status`.
   * @throws PortOneApiError with status 404 when the order has no (such) payment.
   */
  findByMerchantUid(merchantUid: string, options?: FindPaymentOptions): Promise<PortOnePayment> {
    const query = this.lookupQuery(options);
    return query.status === undefined
      ? this.v1.call(operations.findByMerchantUid, { merchantUid }, query, callOptionsOf(options))
      : this.v1.call(
          operations.findByMerchantUidInStatus,
          // The DTO check runs after the path is built; an invalid status fails there, before sending.
          { merchantUid, status: String(query.status) },
          query,
          callOptionsOf(options),
        );
  }

  /**
   * Lists payments in a status (`GET /payments/status/{payment_status}`; `all` for every status), one page
   * at a time: `{ total, previous, next, list }`, where `next` is 0 on the last page. `from`/`to` select by
   * the time of each payment's status (when it was paid, cancelled, …), at most 90 days apart.
   *
   * Test-channel payments: the spec declares no `include_sandbox` here and whether PortOne lists them is
   * UNVERIFIED; the flag is sent as for `get` (`includeSandbox`, default `v1.includeSandbox`, else true).
   * @throws PortOneValidationError for an unknown status, a page below 1, a limit outside 1-1000 or a window
   * over 90 days, before anything is sent; PortOneApiError (400) for a page past the data.
   */
  listByStatus(
    status: PortOnePaymentListStatus,
    options?: ListPaymentsByStatusOptions,
  ): Promise<PortOnePaymentPage> {
    const { timeoutMs: _timeoutMs, signal: _signal, ...query } = options ?? {};
    const dto: ListPaymentsByStatusDto = {
      ...query,
      status,
      includeSandbox: this.includeSandbox(options),
    };
    // The DTO check runs after the path is built; an invalid status fails there, before sending.
    return this.v1.call(operations.listByStatus, { status }, dto, callOptionsOf(options));
  }

  /**
   * The call's `includeSandbox`, else the module's `v1.includeSandbox` (its default is resolved with the other
   * option defaults). Without V1 configured there is none, and the call is refused before sending anyway.
   */
  private includeSandbox(options: { readonly includeSandbox?: boolean } | undefined): boolean {
    return options?.includeSandbox ?? this.options.v1?.includeSandbox ?? false;
  }

  private lookupQuery(options: FindPaymentOptions | undefined): PaymentLookupQueryDto {
    const query: PaymentLookupQueryDto = { includeSandbox: this.includeSandbox(options) };
    if (options?.status !== undefined) query.status = options.status;
    return query;
  }
}

/** The transport's part of the lookup options. */
function callOptionsOf(options: PaymentLookupOptions | undefined): PortOneCallOptions | undefined {
  if (!options || typeof options !== 'object') return options;
  const unverified = (options as { [UNVERIFIED_PATH]?: true })[UNVERIFIED_PATH];
  return {
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    ...(unverified && { [UNVERIFIED_PATH]: true }),
  };
}
