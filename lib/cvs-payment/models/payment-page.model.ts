import type { PortOnePayment } from './payment.model';

/**
 * One page of `CvsService.listByStatus`: PortOne's `PagedPaymentAnnotation`.
 * @publicApi
 */
export interface PortOnePaymentPage {
  /** How many payments match, over every page. */
  readonly total: number;
  /** The previous page's number; 0 on the first page. */
  readonly previous: number;
  /** The next page's number; 0 on the last page. */
  readonly next: number;
  /** The payments of this page. Contain buyers' personal data: do not log them. */
  readonly list: readonly PortOnePayment[];
}
