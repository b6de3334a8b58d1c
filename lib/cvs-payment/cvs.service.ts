import { Inject, Injectable } from '@nestjs/common';
import type { PortOneApiClient } from '../client/portone-api-client';
import type { PortOneCallOptions } from '../http/call-options.interface';
import { encodePath } from '../http/encode-path';
import { toModel } from '../mapping/to-model';
import { PORTONE_V1_CLIENT } from '../portone.constants';
import { collectSensitiveValues } from '../redaction';
import { validateInput, validatePathParam } from '../validation';
import { toIssueCvsBody } from './cvs-wire';
import { IssueCvsPaymentDto } from './dto/issue-cvs-payment.dto';
import { Payment } from './models/payment.model';

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
  constructor(@Inject(PORTONE_V1_CLIENT) private readonly v1: PortOneApiClient) {}

  /**
   * Issues a barcode (`POST /cvs`) and resolves to the `ready` payment. The barcode is in `vbankNum`.
   * @throws PortOneValidationError for invalid input; PortOneApiError for PortOne's refusals (some arrive
   * as HTTP 200 with a non-zero `code`, e.g. an order that is already paid).
   */
  async issue(dto: IssueCvsPaymentDto, options?: PortOneCallOptions): Promise<Payment> {
    const input = validateInput(IssueCvsPaymentDto, dto);
    const body = toIssueCvsBody(input);
    const raw = await this.v1.request<unknown>(
      {
        method: 'POST',
        path: '/cvs',
        data: body,
        retrySafe: false,
        sensitiveValues: collectSensitiveValues(body),
        options,
      },
      'CvsService.issue',
    );
    return toModel(Payment, raw);
  }

  /**
   * Revokes an unpaid barcode (`DELETE /cvs/{imp_uid}`) and resolves to the `cancelled` payment.
   * @throws PortOneApiError for an unknown payment, or one already revoked or paid.
   */
  async revoke(impUid: string, options?: PortOneCallOptions): Promise<Payment> {
    const id = validatePathParam('impUid', impUid);
    const raw = await this.v1.request<unknown>(
      { method: 'DELETE', path: encodePath`/cvs/${id}`, retrySafe: false, options },
      'CvsService.revoke',
    );
    return toModel(Payment, raw);
  }
}
