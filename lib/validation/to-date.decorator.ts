import { Transform } from 'class-transformer';

/**
 * Turns an ISO string or epoch milliseconds into a `Date` before validation. Unlike `@Type(() => Date)`,
 * anything else is left as it is, so `@IsDate()` reports it against the field instead of `new Date(value)`
 * throwing on an object that cannot become a primitive.
 * @internal
 */
export function ToDate(): PropertyDecorator {
  return Transform(
    ({ value }: { value: unknown }) =>
      typeof value === 'string' || typeof value === 'number' ? new Date(value) : value,
    { toClassOnly: true },
  );
}
