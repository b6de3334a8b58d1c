import type { ParsedQuery } from '../http/context';

/**
 * The query and path parameters of `GET /payments/{imp_uid}` (getPaymentByImpUid) and
 * `GET /payments/find/{merchant_uid}/{payment_status}` (getPaymentByMerchantUid), as PortOne's V1 spec
 * declares them (types and enums only).
 */
export const PAYMENT_STATUSES = ['ready', 'paid', 'failed', 'cancelled'] as const;
export const PAYMENT_SORTINGS = ['-started', 'started', '-paid', 'paid', '-updated', 'updated'] as const;

export type PaymentSorting = (typeof PAYMENT_SORTINGS)[number];

/** Parsed lookup parameters, or the 400 message naming the parameter and its rule. */
export type LookupParams =
  { ok: true; includeSandbox: boolean; sorting: PaymentSorting } | { ok: false; message: string };

function single(query: ParsedQuery, name: string): string | undefined | null {
  const value = query[name];
  if (Array.isArray(value)) return null; // repeated: ambiguous
  return value;
}

/**
 * `include_sandbox` is a boolean (default false). `sorting` exists only on the find operation. The spec
 * declares `include_sandbox` only on getPaymentByImpUid; whether find filters sandbox payments too is
 * UNVERIFIED, and the emulator treats both lookups alike (the client sends the flag to both).
 */
export function parseLookupParams(query: ParsedQuery, withSorting: boolean): LookupParams {
  const includeSandbox = single(query, 'include_sandbox');
  if (
    includeSandbox === null ||
    (includeSandbox !== undefined && !['true', 'false'].includes(includeSandbox))
  ) {
    return { ok: false, message: 'include_sandbox must be of type boolean' };
  }
  const sorting = withSorting ? single(query, 'sorting') : undefined;
  if (
    sorting === null ||
    (sorting !== undefined && !(PAYMENT_SORTINGS as readonly string[]).includes(sorting))
  ) {
    return {
      ok: false,
      message: `sorting must be one of the allowed values: ${PAYMENT_SORTINGS.join(', ')}`,
    };
  }
  return {
    ok: true,
    includeSandbox: includeSandbox === 'true',
    sorting: (sorting ?? '-started') as PaymentSorting,
  };
}
