import type { ParsedQuery } from '../http/context';
import { PAYMENT_SORTINGS, PAYMENT_STATUSES, type PaymentSorting } from './payment-lookup-params';

/**
 * The parameters of `GET /payments/status/{payment_status}` (getPaymentsByStatus) as PortOne's V1 spec
 * declares them: `page` (from 1, default 1), `limit` (1 to 1000, default 20), `from`/`to` (UNIX seconds,
 * inclusive; `to` defaults to now, `from` to 90 days before `to`; the window is at most 90 days) and `sorting`
 * (default `-started`).
 */
export const PAYMENT_LIST_STATUSES = ['all', ...PAYMENT_STATUSES] as const;

export type PaymentListStatus = (typeof PAYMENT_LIST_STATUSES)[number];

/** The query parameters the route accepts (strict mode rejects any other; see include_sandbox below). */
export const PAYMENT_LIST_QUERY = ['page', 'limit', 'from', 'to', 'sorting', 'include_sandbox'] as const;

const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 20;
const WINDOW_SECONDS = 90 * 86_400;

export interface PaymentListParams {
  readonly status: PaymentListStatus;
  readonly page: number;
  readonly limit: number;
  readonly from: number;
  readonly to: number;
  readonly sorting: PaymentSorting;
  readonly includeSandbox: boolean;
}

/** Parsed parameters, or the 400 message naming the parameter and its rule. */
export type PaymentListParse = { ok: true; params: PaymentListParams } | { ok: false; message: string };

/**
 * The spec declares no `include_sandbox` on this route, and whether PortOne lists test-channel payments here
 * is UNVERIFIED. The emulator treats it like the other lookups (the client sends the flag to all three):
 * sandbox payments are listed only with `include_sandbox=true`.
 */
export function parsePaymentListParams(
  status: string | undefined,
  query: ParsedQuery,
  nowSeconds: number,
): PaymentListParse {
  if (!(PAYMENT_LIST_STATUSES as readonly (string | undefined)[]).includes(status)) {
    return fail(`payment_status must be one of the allowed values: ${PAYMENT_LIST_STATUSES.join(', ')}`);
  }
  const page = integer(query, 'page', 1);
  const limit = integer(query, 'limit', DEFAULT_LIMIT);
  const to = integer(query, 'to', nowSeconds);
  if (page === null || page < 1) return fail('page must be an integer of at least 1');
  if (limit === null || limit < 1 || limit > MAX_LIMIT) {
    return fail(`limit must be an integer from 1 to ${MAX_LIMIT}`);
  }
  if (to === null) return fail('to must be of type integer');
  const from = integer(query, 'from', to - WINDOW_SECONDS);
  if (from === null) return fail('from must be of type integer');
  if (from > to || to - from > WINDOW_SECONDS) {
    return fail('from must not be after to, and the window at most 90 days');
  }
  const sorting = single(query, 'sorting') ?? '-started';
  if (!(PAYMENT_SORTINGS as readonly string[]).includes(sorting)) {
    return fail(`sorting must be one of the allowed values: ${PAYMENT_SORTINGS.join(', ')}`);
  }
  const includeSandbox = single(query, 'include_sandbox');
  if (includeSandbox !== undefined && !['true', 'false'].includes(includeSandbox)) {
    return fail('include_sandbox must be of type boolean');
  }
  return {
    ok: true,
    params: {
      status: status as PaymentListStatus,
      page,
      limit,
      from,
      to,
      sorting: sorting as PaymentSorting,
      includeSandbox: includeSandbox === 'true',
    },
  };
}

function fail(message: string): PaymentListParse {
  return { ok: false, message };
}

/** A repeated parameter is ambiguous: treated as invalid (`''`, which no rule accepts). */
function single(query: ParsedQuery, name: string): string | undefined {
  const value = query[name];
  return Array.isArray(value) ? '' : value;
}

/** The parameter as an integer, `fallback` when absent, null when it is not an integer. */
function integer(query: ParsedQuery, name: string, fallback: number): number | null {
  const value = single(query, name);
  if (value === undefined) return fallback;
  return /^-?\d{1,15}$/.test(value) ? Number(value) : null;
}
