/**
 * Derives the request-body JSON Schemas that the PortOne emulator (`lib/testing`) validates against.
 *
 * Run from the repository root:
 *   npx ts-node --transpile-only scripts/derive-emulator-schemas.ts [spec-dir]
 *
 * Input: a folder holding PortOne's spec extracts `v1-subset.json` (Swagger 2.0) and `v2-subset.json`
 * (OpenAPI 3.0.3): either the official files, or (the default) their structure committed in `spec/` by
 * `scripts/extract-spec-structure.ts`; both derive the same output. Output:
 * `lib/testing/schema/v1-request-schemas.json` and `lib/testing/schema/v2-request-schemas.json`, keyed by
 * operationId.
 *
 * Only structure is kept (types, properties, required, enums, formats, maxLength, items, minimum and the
 * combinators). Descriptions, titles, examples and every `x-portone-*` key are dropped: the emulator must
 * validate independently of prose, and the output must be small and stable enough to commit.
 *
 * The output is deterministic: operations in a fixed order, properties in spec order, 2-space JSON and a
 * trailing newline. A jest test re-runs `deriveEmulatorSchemas()` and compares it with the committed files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { STRUCTURE_DIR } from './extract-spec-structure';

/** A JSON value as read from the spec files. */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A JSON object. */
type JsonObject = { [key: string]: Json };

/** Draft-07 schema as emitted. Structure only. */
export interface DerivedSchema {
  $schema?: string;
  type?: string | string[];
  properties?: Record<string, DerivedSchema>;
  required?: string[];
  enum?: Json[];
  format?: string;
  maxLength?: number;
  minimum?: number;
  items?: DerivedSchema;
  oneOf?: DerivedSchema[];
  anyOf?: DerivedSchema[];
  allOf?: DerivedSchema[];
}

/** The V1 operations the emulator serves that carry a request body, in output order. */
export const V1_OPERATIONS = ['getToken', 'requestOTP', 'confirmOTP', 'issueCvsPayment'] as const;

/** The V2 operations the emulator serves that carry a request body, in output order. */
export const V2_OPERATIONS = [
  'loginViaApiSecret',
  'refreshToken',
  'getIdentityVerifications',
  'sendIdentityVerification',
  'confirmIdentityVerification',
] as const;

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/**
 * Assumptions the spec forces on us. Printed when the script runs so they are visible in the log; they are
 * also listed in the emulator's report.
 */
const ASSUMPTIONS: string[] = [];

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asObject(value: Json | undefined, where: string): JsonObject {
  if (!isObject(value)) throw new Error(`Expected an object at ${where}`);
  return value;
}

/** The spec writes some maxLength values as strings ("32"); JSON Schema needs numbers. */
function toNumber(value: Json, where: string): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error(`Not a number at ${where}`);
  return n;
}

/** Copies the keys shared by Swagger parameters and schema objects. */
function copyScalarKeywords(source: JsonObject, target: DerivedSchema, where: string): void {
  if (typeof source.type === 'string') target.type = source.type;
  if (Array.isArray(source.enum)) target.enum = [...source.enum];
  if (typeof source.format === 'string') target.format = source.format;
  if (source.maxLength !== undefined) target.maxLength = toNumber(source.maxLength, `${where}.maxLength`);
  if (source.minimum !== undefined) target.minimum = toNumber(source.minimum, `${where}.minimum`);
}

// ---------------------------------------------------------------------------------------------------------
// V1 (Swagger 2.0): the request body is the set of `in: formData` parameters.
// ---------------------------------------------------------------------------------------------------------

function deriveV1Parameter(param: JsonObject, where: string): DerivedSchema {
  const schema: DerivedSchema = {};
  copyScalarKeywords(param, schema, where);
  if (schema.type === 'array') {
    if (isObject(param.items)) {
      schema.items = {};
      copyScalarKeywords(param.items, schema.items, `${where}.items`);
    } else {
      // POST /cvs notice_url is `type: array` without `items` (a spec bug). URLs are strings, so assume that.
      schema.items = { type: 'string' };
      ASSUMPTIONS.push(`${where}: array without items; assumed string items`);
    }
  }
  return schema;
}

function findOperation(paths: JsonObject, operationId: string): { op: JsonObject; where: string } {
  for (const [route, pathItem] of Object.entries(paths)) {
    if (!isObject(pathItem)) continue;
    for (const [method, op] of Object.entries(pathItem)) {
      if (isObject(op) && op.operationId === operationId)
        return { op, where: `${method.toUpperCase()} ${route}` };
    }
  }
  throw new Error(`operationId ${operationId} not found in the spec`);
}

/** Builds `{ operationId: schema }` for the V1 operations from a Swagger 2.0 document. */
export function deriveV1Schemas(spec: JsonObject): Record<string, DerivedSchema> {
  const paths = asObject(spec.paths, 'v1.paths');
  const out: Record<string, DerivedSchema> = {};
  for (const operationId of V1_OPERATIONS) {
    const { op, where } = findOperation(paths, operationId);
    const properties: Record<string, DerivedSchema> = {};
    const required: string[] = [];
    const params = Array.isArray(op.parameters) ? op.parameters : [];
    for (const raw of params) {
      const param = asObject(raw, `${where} parameter`);
      if (param.in !== 'formData' || typeof param.name !== 'string') continue;
      properties[param.name] = deriveV1Parameter(param, `${operationId}.${param.name}`);
      if (param.required === true) required.push(param.name);
    }
    const schema: DerivedSchema = { $schema: DRAFT_07, type: 'object', properties };
    if (required.length > 0) schema.required = required;
    out[operationId] = schema;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// V2 (OpenAPI 3.0): the requestBody schema with every $ref inlined.
// ---------------------------------------------------------------------------------------------------------

function resolveRef(spec: JsonObject, ref: string): JsonObject {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported: ${ref}`);
  let node: Json = spec;
  for (const part of ref.slice(2).split('/')) {
    node = asObject(node, ref)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return asObject(node, ref);
}

/** OpenAPI 3.0 `nullable: true` is not JSON Schema; express it as a union with null. */
function applyNullable(schema: DerivedSchema): DerivedSchema {
  if (typeof schema.type === 'string') {
    const nullable: DerivedSchema = { ...schema, type: [schema.type, 'null'] };
    if (schema.enum) nullable.enum = [...schema.enum, null];
    return nullable;
  }
  return { anyOf: [schema, { type: 'null' }] };
}

function deriveV2Schema(
  spec: JsonObject,
  node: JsonObject,
  where: string,
  seen: readonly string[],
): DerivedSchema {
  if (typeof node.$ref === 'string') {
    const ref = node.$ref;
    if (seen.includes(ref)) throw new Error(`Recursive $ref ${ref} at ${where}: cannot inline`);
    const resolved = deriveV2Schema(spec, resolveRef(spec, ref), ref, [...seen, ref]);
    return node.nullable === true ? applyNullable(resolved) : resolved;
  }
  const schema: DerivedSchema = {};
  copyScalarKeywords(node, schema, where);
  if (isObject(node.properties)) {
    schema.properties = {};
    for (const [name, child] of Object.entries(node.properties)) {
      schema.properties[name] = deriveV2Schema(
        spec,
        asObject(child, `${where}.${name}`),
        `${where}.${name}`,
        seen,
      );
    }
  }
  if (Array.isArray(node.required) && node.required.length > 0) {
    schema.required = node.required.filter((name): name is string => typeof name === 'string');
  }
  if (isObject(node.items)) schema.items = deriveV2Schema(spec, node.items, `${where}[]`, seen);
  for (const combinator of ['oneOf', 'anyOf', 'allOf'] as const) {
    const options = node[combinator];
    if (Array.isArray(options)) {
      schema[combinator] = options.map((option, i) =>
        deriveV2Schema(
          spec,
          asObject(option, `${where}.${combinator}[${i}]`),
          `${where}.${combinator}[${i}]`,
          seen,
        ),
      );
    }
  }
  if (isObject(node.discriminator) && schema.oneOf) constrainDiscriminator(node, schema.oneOf);
  return node.nullable === true ? applyNullable(schema) : schema;
}

/**
 * JSON Schema has no `discriminator`: each union member's discriminator property is a plain string, so a
 * body could match several members (or the wrong one). Pin every member's property to its mapping key.
 */
function constrainDiscriminator(node: JsonObject, members: DerivedSchema[]): void {
  const discriminator = node.discriminator as JsonObject;
  const propertyName = discriminator.propertyName;
  const mapping = isObject(discriminator.mapping) ? discriminator.mapping : {};
  const options = Array.isArray(node.oneOf) ? node.oneOf : [];
  if (typeof propertyName !== 'string') return;
  for (const [key, ref] of Object.entries(mapping)) {
    const index = options.findIndex(option => isObject(option) && option.$ref === ref);
    const member = members[index];
    if (!member?.properties) continue;
    member.properties[propertyName] = { ...member.properties[propertyName], enum: [key] };
  }
}

/** Builds `{ operationId: schema }` for the V2 operations from an OpenAPI 3.0 document. */
export function deriveV2Schemas(spec: JsonObject): Record<string, DerivedSchema> {
  const paths = asObject(spec.paths, 'v2.paths');
  const out: Record<string, DerivedSchema> = {};
  for (const operationId of V2_OPERATIONS) {
    const { op, where } = findOperation(paths, operationId);
    // GET /identity-verifications declares its body both as requestBody and as the `requestBody` query
    // parameter; both point at GetIdentityVerificationsBody, so the requestBody is enough.
    const requestBody = asObject(op.requestBody, `${where}.requestBody`);
    const content = asObject(requestBody.content, `${where}.requestBody.content`);
    const media = asObject(content['application/json'], `${where} application/json`);
    const body = deriveV2Schema(spec, asObject(media.schema, `${where} schema`), operationId, []);
    out[operationId] = { $schema: DRAFT_07, ...body };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Responses (both APIs): what test/conformance checks every emulator response against.
// ---------------------------------------------------------------------------------------------------------

/** One operation's responses: the JSON Schema per declared status, or null where the spec gives none. */
export interface DerivedOperation {
  method: string;
  /** The spec's path template, e.g. `/certifications/{imp_uid}`. */
  path: string;
  operationId: string;
  /**
   * Path parameters the spec marks `required: false` (V1's `payment_status` of getPaymentByMerchantUid): the
   * request may omit their segment. Present only when there are some.
   */
  optionalPathParams?: string[];
  responses: Record<string, DerivedSchema | null>;
}

function optionalPathParamsOf(op: JsonObject): string[] {
  const params = Array.isArray(op.parameters) ? op.parameters : [];
  return params
    .filter(isObject)
    .flatMap(param =>
      param.in === 'path' && param.required !== true && typeof param.name === 'string' ? [param.name] : [],
    );
}

/**
 * Swagger 2.0 cannot say "nullable", yet PortOne's V1 answers carry null for absent values (its own examples:
 * `"message": null` on success, `foreigner_v2: null` without Danal's foreigner option). So every V1 property
 * that is not `required` also accepts null; required ones stay strict.
 */
function allowNullWhereOptional(schema: DerivedSchema): DerivedSchema {
  const out: DerivedSchema = { ...schema };
  if (schema.properties) {
    out.properties = {};
    const required = new Set(schema.required ?? []);
    for (const [name, child] of Object.entries(schema.properties)) {
      const inner = allowNullWhereOptional(child);
      out.properties[name] = required.has(name) ? inner : applyNullable(inner);
    }
  }
  if (schema.items) out.items = allowNullWhereOptional(schema.items);
  for (const combinator of ['oneOf', 'anyOf', 'allOf'] as const) {
    if (schema[combinator]) out[combinator] = schema[combinator].map(allowNullWhereOptional);
  }
  return out;
}

function operationsOf(
  spec: JsonObject,
  api: 'v1' | 'v2',
  schemaOf: (response: JsonObject, where: string) => Json | undefined,
): DerivedOperation[] {
  const out: DerivedOperation[] = [];
  for (const [route, pathItem] of Object.entries(asObject(spec.paths, `${api}.paths`))) {
    for (const [method, rawOp] of Object.entries(asObject(pathItem, route))) {
      const op = asObject(rawOp, `${method} ${route}`);
      const responses: Record<string, DerivedSchema | null> = {};
      for (const [status, rawResponse] of Object.entries(asObject(op.responses, `${route}.responses`))) {
        const where = `${method.toUpperCase()} ${route} ${status}`;
        const schema = schemaOf(asObject(rawResponse, where), where);
        if (!isObject(schema)) {
          responses[status] = null;
          continue;
        }
        const derived = deriveV2Schema(spec, schema, where, []);
        responses[status] = api === 'v1' ? allowNullWhereOptional(derived) : derived;
      }
      const operationId = typeof op.operationId === 'string' ? op.operationId : '';
      const optionalPathParams = optionalPathParamsOf(op);
      out.push({
        method: method.toUpperCase(),
        path: route,
        operationId,
        ...(optionalPathParams.length > 0 ? { optionalPathParams } : {}),
        responses,
      });
    }
  }
  return out;
}

/**
 * Every operation's response schemas, from both spec extracts, plus V1's `ResponseAnnotation` (the
 * `{ code, message }` envelope every V1 answer carries), for the V1 statuses whose body the spec leaves out.
 */
export function deriveResponseSchemas(
  v1: JsonObject,
  v2: JsonObject,
): { v1Envelope: DerivedSchema; v1: DerivedOperation[]; v2: DerivedOperation[] } {
  const envelope = asObject(
    asObject(v1.definitions, 'v1.definitions').ResponseAnnotation,
    'ResponseAnnotation',
  );
  return {
    v1Envelope: allowNullWhereOptional(deriveV2Schema(v1, envelope, 'ResponseAnnotation', [])),
    v1: operationsOf(v1, 'v1', response => response.schema),
    v2: operationsOf(v2, 'v2', response => {
      const content = isObject(response.content) ? response.content : {};
      const media = content['application/json'];
      return isObject(media) ? media.schema : undefined;
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------------------

/** Where the outputs live, relative to the repository root. */
export const OUTPUT_DIR = path.join('lib', 'testing', 'schema');

/** Where the response schemas live (only the tests read them), relative to the repository root. */
export const RESPONSE_OUTPUT = path.join('test', 'conformance', 'response-schemas.json');

/** Serialises a schema map exactly as it is committed. */
export function serialize(schemas: Record<string, DerivedSchema>): string {
  return `${JSON.stringify(schemas, null, 2)}\n`;
}

/**
 * Reads both spec extracts from `specDir` and returns the two output files' contents keyed by file name.
 */
export function deriveEmulatorSchemas(specDir: string): Record<string, string> {
  const { v1, v2 } = readSpecs(specDir);
  return {
    'v1-request-schemas.json': serialize(deriveV1Schemas(v1)),
    'v2-request-schemas.json': serialize(deriveV2Schemas(v2)),
  };
}

/** Reads both spec extracts from `specDir` and returns the response-schema file's contents. */
export function deriveResponseSchemaFile(specDir: string): string {
  const { v1, v2 } = readSpecs(specDir);
  return `${JSON.stringify(deriveResponseSchemas(v1, v2), null, 2)}\n`;
}

function readSpecs(specDir: string): { v1: JsonObject; v2: JsonObject } {
  const read = (file: string): JsonObject =>
    asObject(JSON.parse(fs.readFileSync(path.join(specDir, file), 'utf8')) as Json, file);
  return { v1: read('v1-subset.json'), v2: read('v2-subset.json') };
}

function main(): void {
  const repoRoot = path.resolve(__dirname, '..');
  const specDir = path.resolve(process.argv[2] ?? path.join(repoRoot, STRUCTURE_DIR));
  console.log(`reading ${specDir}`);
  const outputs = deriveEmulatorSchemas(specDir);
  fs.mkdirSync(path.join(repoRoot, OUTPUT_DIR), { recursive: true });
  for (const [file, text] of Object.entries(outputs)) {
    fs.writeFileSync(path.join(repoRoot, OUTPUT_DIR, file), text);
    console.log(`wrote ${path.join(OUTPUT_DIR, file)}`);
  }
  fs.mkdirSync(path.dirname(path.join(repoRoot, RESPONSE_OUTPUT)), { recursive: true });
  fs.writeFileSync(path.join(repoRoot, RESPONSE_OUTPUT), deriveResponseSchemaFile(specDir));
  console.log(`wrote ${RESPONSE_OUTPUT}`);
  for (const assumption of ASSUMPTIONS) console.log(`assumption: ${assumption}`);
}

if (require.main === module) main();
