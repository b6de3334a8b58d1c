// Readers of PortOne's JSON for the mappers: each returns the value when it has the expected JSON type and
// undefined otherwise, so a model never holds a value of another type than it declares. The `OrNull`
// variants keep PortOne's explicit `null` (V1 models declare `| null` where the spec says nullable).

/** A JSON object. @internal */
export type Json = Readonly<Record<string, unknown>>;

/** Whether a value is a JSON object: not null, not an array. The one such check lib/ uses. @internal */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @internal */
export function object(value: unknown): Json | undefined {
  return isJsonObject(value) ? value : undefined;
}

/** @internal */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** @internal */
export function textOrNull(value: unknown): string | null | undefined {
  return value === null ? null : text(value);
}

/** @internal */
export function number(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** @internal */
export function numberOrNull(value: unknown): number | null | undefined {
  return value === null ? null : number(value);
}

/** @internal */
export function flag(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** @internal */
export function flagOrNull(value: unknown): boolean | null | undefined {
  return value === null ? null : flag(value);
}

/** Each item read by `read`; items it cannot read are dropped. @internal */
export function list<T>(value: unknown, read: (item: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items: T[] = [];
  for (const item of value) {
    const mapped = read(item);
    if (mapped !== undefined) items.push(mapped);
  }
  return items;
}

/**
 * A V1 UNIX-seconds timestamp as a `Date`. PortOne writes 0 for "never happened" (e.g. `paid_at` of an
 * unpaid payment), which becomes `undefined`.
 * @internal
 */
export function unixSecondsToDate(value: unknown): Date | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0
    ? new Date(value * 1000)
    : undefined;
}

/** A V2 RFC 3339 timestamp as a `Date`. @internal */
export function isoToDate(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
