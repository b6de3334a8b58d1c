import { Transform } from 'class-transformer';

/**
 * Maps a V1 UNIX-seconds field (read from `sourceKey` of the raw object) to a `Date`. PortOne writes 0 for
 * "never happened" (e.g. `paid_at` of an unpaid payment), which becomes `undefined`.
 * @internal
 */
export function FromUnixSeconds(sourceKey: string): PropertyDecorator {
  return Transform(({ obj }: { obj: Record<string, unknown> }) => unixSecondsToDate(obj[sourceKey]), {
    toClassOnly: true,
  });
}

/** @internal */
export function unixSecondsToDate(value: unknown): Date | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0
    ? new Date(value * 1000)
    : undefined;
}

/** @internal */
export function isoToDate(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
