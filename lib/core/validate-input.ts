import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { PortOneValidationError, type PortOneValidationIssue } from '../errors';
import { messages as text } from '../errors/messages';

/**
 * Turns caller input into an instance of `dto` and checks every class-validator rule on it, rejecting
 * properties the DTO does not declare. Throws `PortOneValidationError` naming each field and rule; the
 * rejected values themselves never reach the error (they may be personal data).
 * @internal
 */
export function validateInput<T extends object>(dto: ClassConstructor<T>, input: unknown): T {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new PortOneValidationError(dto.name, [
      { field: '(root)', rules: ['isObject'], messages: [text.input.notAnObject(dto.name)] },
    ]);
  }
  // `get(id)` passes an empty scope on every call: when `{}` is known to be a valid `dto`, skip the
  // transform-and-validate round of class-transformer and class-validator, the costliest part of a call's setup.
  if (isEmptyPlainObject(input) && emptyIsValid(dto)) return new dto();
  let instance: T;
  try {
    instance = plainToInstance(dto, withoutNullFields(input as Record<string, unknown>));
  } catch {
    // A value that cannot even be read as the DTO's shape (e.g. an object whose conversion to a primitive
    // throws). The per-field transforms avoid this; this keeps any case they miss a typed error, not a crash.
    throw new PortOneValidationError(dto.name, [
      { field: '(root)', rules: ['isReadable'], messages: [text.input.unreadable(dto.name)] },
    ]);
  }
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) throw new PortOneValidationError(dto.name, flattenIssues(errors));
  return instance;
}

/**
 * Checks a path parameter (an id PortOne or the merchant assigned): a non-empty string of at most
 * `maxLength` characters without control characters, that stays exactly one path segment. Other characters
 * are allowed because ids are URL-encoded on the way out.
 * @internal
 */
export function validatePathParam(name: string, value: unknown, maxLength = 200): string {
  const rules: string[] = [];
  const messages: string[] = [];
  if (typeof value !== 'string') {
    rules.push('isString');
    messages.push(text.input.notAString(name));
  } else {
    if (value.trim().length === 0) {
      rules.push('isNotEmpty');
      messages.push(text.input.empty(name));
    }
    if (value.length > maxLength) {
      rules.push('maxLength');
      messages.push(text.input.tooLong(name, maxLength));
    }
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(value)) {
      rules.push('noControlCharacters');
      messages.push(text.input.controlCharacters(name));
    }
    if (!isSinglePathSegment(value)) {
      rules.push('isSinglePathSegment');
      messages.push(text.input.notOnePathSegment(name));
    }
  }
  if (rules.length > 0) throw new PortOneValidationError(name, [{ field: name, rules, messages }]);
  return value as string;
}

/**
 * `null` in an object field means "not given", as `undefined` does: class-validator's `@IsOptional` lets
 * both through, and PortOne's spec has no nullable request fields, so a null must never reach the wire.
 * Required fields given as null then fail as missing. Nulls inside arrays are kept so they fail validation.
 */
function withoutNullFields(value: Record<string, unknown>, depth = 0): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === null) continue;
    copy[key] = depth < 8 && isPlainObject(field) ? withoutNullFields(field, depth + 1) : field;
  }
  return copy;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function flattenIssues(errors: readonly ValidationError[], parent = ''): PortOneValidationIssue[] {
  const issues: PortOneValidationIssue[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      issues.push({
        field,
        rules: Object.keys(error.constraints),
        messages: Object.values(error.constraints),
      });
    }
    if (error.children?.length) issues.push(...flattenIssues(error.children, field));
  }
  return issues;
}

/**
 * `encodeURIComponent` leaves `.` and `..` as they are, and URL normalisation then walks up the path
 * (`GET /identity-verifications/..` is `GET /`); `/` and `\\` are encoded, but proxies and servers that
 * decode `%2F` would split the segment. PortOne's ids never hold any of these, so they are refused.
 * @internal
 */
export function isSinglePathSegment(value: string): boolean {
  return value !== '.' && value !== '..' && !/[/\\]/.test(value);
}

/** Per DTO class: whether `{}` passes every rule (true when every field is optional). */
const emptyValidity = new WeakMap<ClassConstructor<object>, boolean>();

function emptyIsValid(dto: ClassConstructor<object>): boolean {
  let valid = emptyValidity.get(dto);
  if (valid === undefined) {
    valid = validateSync(plainToInstance(dto, {}), { forbidUnknownValues: true }).length === 0;
    emptyValidity.set(dto, valid);
  }
  return valid;
}

function isEmptyPlainObject(input: object): boolean {
  if (Object.getPrototypeOf(input) !== Object.prototype) return false;
  for (const key in input) if (Object.prototype.hasOwnProperty.call(input, key)) return false;
  return true;
}
