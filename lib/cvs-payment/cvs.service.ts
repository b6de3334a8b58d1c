import { Inject, Injectable } from '@nestjs/common';
import type { PortOneCallOptions } from '../core/call-options';
import type { PortOneClient } from '../core/portone-client';
import { PORTONE_V1_CLIENT } from '../portone.constants';
import { cvsOperations as operations } from './cvs.operations';
import type { IssueCvsPaymentDto } from './dto/issue-cvs-payment.dto';
import type { PortOnePayment } from './models/payment.model';

// This folder is `cvs-payment`, not `cvs`: npm never publishes a folder named CVS (any case), a relic of
// the CVS version-control system, so `dist/cvs/` would silently vanish from the package.

/**
 * PortOne V1 convenience-store (편의점) barcode payments through Galaxia Communications: issue a barcode the
 * customer pays at the store, or revoke one that is not paid yet.
 *
 * Needs `v1` in the module options. Neither call is retried automatically: V1 has no idempotency, so a
 * blind retry could issue a second barcode or fail on an already revoked one.
 * @publicApi
 */
@Injectable()
export class CvsService {
  constructor(@Inject(PORTONE_V1_CLIENT) private readonly v1: PortOneClient) {}

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
}
