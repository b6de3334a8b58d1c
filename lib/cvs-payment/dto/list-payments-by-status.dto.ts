import {
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  MaxDate,
  Min,
  MinDate,
  ValidateBy,
  type ValidationArguments,
} from 'class-validator';
import { ToDate } from '../../validation';
import type { PortOnePaymentStatus } from '../models/payment.model';
import { PAYMENT_STATUSES } from './payment-lookup-query.dto';

/** What `CvsService.listByStatus` lists: one status, or `all`. @publicApi */
export type PortOnePaymentListStatus = PortOnePaymentStatus | 'all';

/** The statuses `GET /payments/status/{payment_status}` accepts. @internal */
export const PAYMENT_LIST_STATUSES: readonly PortOnePaymentListStatus[] = ['all', ...PAYMENT_STATUSES];

/**
 * How `GET /payments/status/...` orders payments: by start, payment or last change (`updated`), ascending,
 * or descending with a leading `-`. @publicApi
 */
export type PortOnePaymentSorting = '-started' | 'started' | '-paid' | 'paid' | '-updated' | 'updated';

/** @internal */
export const PAYMENT_SORTINGS: readonly PortOnePaymentSorting[] = [
  '-started',
  'started',
  '-paid',
  'paid',
  '-updated',
  'updated',
];

/** PortOne's page size limit. @internal */
export const PAYMENT_LIST_MAX_LIMIT = 1000;

/** The longest `from`..`to` window PortOne searches. @internal */
export const PAYMENT_LIST_MAX_WINDOW_DAYS = 90;

const DAY_MS = 86_400_000;
/** UNIX seconds fit in int32 until 2038; PortOne declares these as integers. */
const EARLIEST = new Date(0);
const LATEST = new Date(2_147_483_647_000);
const INT32_MAX = 2_147_483_647;

/** `to` is not before `from`, and at most 90 days after it (PortOne's window). */
function WithinWindowOfFrom(): PropertyDecorator {
  return ValidateBy({
    name: 'withinWindowOfFrom',
    validator: {
      validate: (to: unknown, args?: ValidationArguments): boolean => {
        const from = (args?.object as { from?: unknown } | undefined)?.from;
        if (!(to instanceof Date) || !(from instanceof Date)) return true;
        const span = to.getTime() - from.getTime();
        return span >= 0 && span <= PAYMENT_LIST_MAX_WINDOW_DAYS * DAY_MS;
      },
      defaultMessage: () =>
        `to must not be before from, and at most ${PAYMENT_LIST_MAX_WINDOW_DAYS} days after it`,
    },
  });
}

/**
 * What `CvsService.listByStatus` sends: the status and the query, built from its options and validated like
 * any input before the request leaves.
 * @internal
 */
export class ListPaymentsByStatusDto {
  @IsIn(PAYMENT_LIST_STATUSES)
  status!: PortOnePaymentListStatus;

  @IsBoolean()
  includeSandbox!: boolean;

  @IsOptional()
  @ToDate()
  @IsDate()
  @MinDate(EARLIEST)
  @MaxDate(LATEST)
  from?: Date;

  @IsOptional()
  @ToDate()
  @IsDate()
  @MinDate(EARLIEST)
  @MaxDate(LATEST)
  @WithinWindowOfFrom()
  to?: Date;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  page?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(PAYMENT_LIST_MAX_LIMIT)
  limit?: number;

  @IsOptional()
  @IsIn(PAYMENT_SORTINGS)
  sorting?: PortOnePaymentSorting;
}
