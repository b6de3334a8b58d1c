import type { default as AjvInstance, ErrorObject, ValidateFunction } from 'ajv';
import { Ajv, addFormats } from './load-ajv';
import { unknownBodyFields } from './strict';
// Imported (not read from disk) so tsc copies the JSON into dist/testing/schema/ with the compiled code.
import v1Schemas from './v1-request-schemas.json';
import v2Schemas from './v2-request-schemas.json';

/**
 * Validates request bodies against the schemas derived from PortOne's own spec
 * (`scripts/derive-emulator-schemas.ts`). The emulator checks requests independently of the client library's
 * DTOs, so a client bug cannot hide behind a shared definition.
 */

/** V1 operations that have a request body schema. */
export type V1OperationId = keyof typeof v1Schemas;
/** V2 operations that have a request body schema. */
export type V2OperationId = keyof typeof v2Schemas;

/** A validation outcome: the (possibly coerced) body, or a message naming the field and the rule. */
export type ValidationResult = { ok: true; value: unknown } | { ok: false; message: string };

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

function createAjv(coerce: boolean): AjvInstance {
  // allErrors off: the first error is enough for the message and it is faster.
  const ajv = new Ajv({
    allErrors: false,
    strict: true,
    allowUnionTypes: true,
    coerceTypes: coerce ? 'array' : false,
  });
  addFormats(ajv, ['date-time', 'date']);
  // OpenAPI's int32 is not a JSON Schema format; check the range it implies.
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX,
  });
  return ajv;
}

function compileAll<K extends string>(
  ajv: AjvInstance,
  schemas: Record<K, object>,
): Record<K, ValidateFunction> {
  const out = {} as Record<K, ValidateFunction>;
  for (const id of Object.keys(schemas) as K[]) out[id] = ajv.compile(schemas[id]);
  return out;
}

/** Compiled validators for every emulated operation. Compiled once per process (see {@link getSchemaValidator}). */
export class SchemaValidator {
  private readonly v1Json: Record<V1OperationId, ValidateFunction>;
  private readonly v1Form: Record<V1OperationId, ValidateFunction>;
  private readonly v2Json: Record<V2OperationId, ValidateFunction>;

  constructor() {
    const strict = createAjv(false);
    // Form-encoded values are all strings ("true", "1000"); the coercing instance turns them into the declared
    // booleans and numbers, and a lone value into a one-element array where the schema wants an array.
    const coercing = createAjv(true);
    this.v1Json = compileAll(strict, v1Schemas);
    this.v1Form = compileAll(coercing, v1Schemas);
    this.v2Json = compileAll(strict, v2Schemas);
  }

  /** Validates a V1 body. `fromForm` selects coercion; the caller's object is never mutated. */
  validateV1(operationId: V1OperationId, body: unknown, fromForm: boolean): ValidationResult {
    const value = body === undefined ? {} : fromForm && isPlainObject(body) ? { ...body } : body;
    const validate = fromForm ? this.v1Form[operationId] : this.v1Json[operationId];
    return validate(value) ? { ok: true, value } : { ok: false, message: describe(validate.errors) };
  }

  /** Strict mode: the dotted paths of fields in a V1 body that the operation's schema does not declare. */
  unknownV1Fields(operationId: V1OperationId, body: unknown): string[] {
    return unknownBodyFields(v1Schemas[operationId], body);
  }

  /** Strict mode: the dotted paths of fields in a V2 body that the operation's schema does not declare. */
  unknownV2Fields(operationId: V2OperationId, body: unknown): string[] {
    return unknownBodyFields(v2Schemas[operationId], body);
  }

  /** Validates a V2 JSON body (strict: V2 bodies are always JSON). */
  validateV2(operationId: V2OperationId, body: unknown): ValidationResult {
    const value = body === undefined ? {} : body;
    const validate = this.v2Json[operationId];
    return validate(value) ? { ok: true, value } : { ok: false, message: describe(validate.errors) };
  }
}

let shared: SchemaValidator | undefined;

/** The process-wide validator. Compiling ajv schemas is the expensive part, so every emulator shares one. */
export function getSchemaValidator(): SchemaValidator {
  shared ??= new SchemaValidator();
  return shared;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns the first ajv error into "field: rule". It names the field and the schema's rule but never echoes the
 * submitted value: request bodies carry names, phone numbers and birth dates.
 */
export function describe(errors: ErrorObject[] | null | undefined): string {
  const error = errors?.[0];
  if (!error) return 'Invalid request body';
  const field = error.instancePath === '' ? '' : error.instancePath.slice(1).replace(/\//g, '.');
  const params = error.params as Record<string, unknown>;
  const at = (name: string): string => (field === '' ? name : `${field}.${name}`);
  switch (error.keyword) {
    case 'required':
      return `${at(String(params.missingProperty))} is required`;
    case 'type':
      return `${field || 'body'} must be of type ${String(params.type)}`;
    case 'enum': {
      const allowed = params.allowedValues;
      const list =
        Array.isArray(allowed) && allowed.length <= 10 ? `: ${allowed.map(String).join(', ')}` : '';
      return `${field || 'body'} must be one of the allowed values${list}`;
    }
    case 'maxLength':
      return `${field} must be at most ${String(params.limit)} characters`;
    case 'minimum':
      return `${field} must be >= ${String(params.limit)}`;
    case 'format':
      return `${field} must be a valid ${String(params.format)}`;
    default:
      return `${field || 'body'} ${error.message ?? 'is invalid'}`;
  }
}
