import { isJsonObject } from './json-readers';
/**
 * PortOne answered 2xx, but not with what the operation's type promises (a string where a record should
 * be, a READY record from `confirm`, a status that is not a string). The transport turns it into a typed
 * `PortOneNetworkError` (`invalid-response`) saying PortOne answered something unexpected. Its message
 * names fields and kinds only, never values.
 * @internal
 */
export class UnexpectedAnswer extends Error {}

type Json = Record<string, unknown>;

/** What a record must hold. Fields not named are not checked (the mapping copies what it declares). */
export interface RecordShape {
  /** Fields that must be non-empty strings. */
  readonly strings?: readonly string[];
  /** Fields that must be finite numbers. */
  readonly numbers?: readonly string[];
  /** Fields that, when present and not null, must be arrays of records (PortOne's histories). */
  readonly recordArrays?: readonly string[];
  /** Field that must hold exactly one of these values. */
  readonly oneOf?: { readonly field: string; readonly values: readonly string[] };
}

/**
 * Returns `value` as a record when it has `shape`, or throws `UnexpectedAnswer` describing the first
 * mismatch as `what.field`.
 * @internal
 */
export function expectRecord(value: unknown, what: string, shape: RecordShape = {}): Json {
  if (!isJsonObject(value)) throw new UnexpectedAnswer(`${what} is ${kindOf(value)}, not an object`);
  for (const field of shape.strings ?? []) {
    const fieldValue = value[field];
    if (typeof fieldValue !== 'string' || fieldValue === '') {
      throw new UnexpectedAnswer(`${what}.${field} is ${kindOf(fieldValue)}, not a string`);
    }
  }
  for (const field of shape.numbers ?? []) {
    if (!Number.isFinite(value[field])) {
      throw new UnexpectedAnswer(`${what}.${field} is ${kindOf(value[field])}, not a finite number`);
    }
  }
  for (const field of shape.recordArrays ?? []) {
    const list = value[field];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list) || !list.every(isJsonObject)) {
      throw new UnexpectedAnswer(`${what}.${field} is not a list of objects`);
    }
  }
  if (shape.oneOf) {
    const { field, values } = shape.oneOf;
    if (!values.includes(value[field] as string)) {
      throw new UnexpectedAnswer(`${what}.${field} is not ${values.join(' or ')}`);
    }
  }
  return value;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
