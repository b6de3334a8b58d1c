/**
 * Extracts the structure of PortOne's official OpenAPI spec extracts into `spec/`, so the repository's tests
 * and scripts never need anything beside the repo.
 *
 * Run from the repository root, with the folder that holds PortOne's `v1-subset.json` (Swagger 2.0),
 * `v2-subset.json` (OpenAPI 3.0.3) and the full V1 spec `v1.openapi.json` as the argument:
 *   npx ts-node --transpile-only scripts/extract-spec-structure.ts <spec-dir>
 *
 * Only structure survives: paths, operations and their operationIds, parameters, request bodies, schemas
 * (types, properties, required, enums, formats, maxLength, minimum, items, $ref, combinators, nullable,
 * discriminators). Every description, title, summary, example and `x-*` extension (PortOne's prose lives
 * there) is dropped; the output keeps the input's file names, so `scripts/derive-emulator-schemas.ts` reads
 * either folder and derives the same schemas (test/emulator/schema-derivation.spec.ts checks the committed
 * output).
 *
 * PortOne's v1-subset.json has no /payments paths, so the V1 operations in {@link V1_OPERATIONS_FROM_FULL_SPEC}
 * (the payment lookups the emulator serves) are copied into the V1 extract from `v1.openapi.json`, with the
 * definitions they reference that the subset lacks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The spec files this repository uses, by name. */
export const SPEC_FILES = ['v1-subset.json', 'v2-subset.json'] as const;

/** V1 operations the extract takes from the full V1 spec, because v1-subset.json leaves them out. */
export const V1_OPERATIONS_FROM_FULL_SPEC = [
  'getPaymentByImpUid',
  'getPaymentByMerchantUid',
  'getPaymentsByStatus',
] as const;

/** The full V1 spec's file name in the input folder. */
const FULL_V1_SPEC = 'v1.openapi.json';

/** Where the extract is committed, relative to the repository root. */
export const STRUCTURE_DIR = 'spec';

/** Keywords kept wherever they appear as a key of a spec object. */
const STRUCTURAL_KEYWORDS = new Set([
  'swagger',
  'openapi',
  'paths',
  'definitions',
  'components',
  'schemas',
  'get',
  'put',
  'post',
  'delete',
  'patch',
  'operationId',
  'parameters',
  'requestBody',
  'responses',
  'content',
  'schema',
  'in',
  'name',
  'required',
  'type',
  'format',
  'enum',
  'maxLength',
  'minLength',
  'minimum',
  'maximum',
  'pattern',
  'items',
  'properties',
  'additionalProperties',
  '$ref',
  'oneOf',
  'anyOf',
  'allOf',
  'nullable',
  'discriminator',
  'propertyName',
  'mapping',
]);

/** Keys whose children are names (routes, schema names, property names, media types, status codes). */
const NAME_MAPS = new Set([
  'paths',
  'definitions',
  'schemas',
  'properties',
  'content',
  'responses',
  'mapping',
]);

/** Returns `node` with every non-structural key removed. */
export function extractStructure(node: Json, parentKey = ''): Json {
  if (Array.isArray(node)) return node.map(item => extractStructure(item, parentKey));
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  const namesOnly = NAME_MAPS.has(parentKey);
  for (const [key, value] of Object.entries(node)) {
    // `required` is a list of names in a schema but a boolean on a parameter; both are structure.
    if (namesOnly || STRUCTURAL_KEYWORDS.has(key)) out[key] = extractStructure(value, namesOnly ? '' : key);
  }
  return out;
}

type JsonObject = { [key: string]: Json };

/** Every `#/definitions/<name>` that `node` references, directly or through the definitions it reaches. */
function referencedDefinitions(node: Json, definitions: JsonObject, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) referencedDefinitions(item, definitions, found);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      const name = key === '$ref' && typeof value === 'string' ? value.replace('#/definitions/', '') : null;
      if (name === null) referencedDefinitions(value, definitions, found);
      else if (!found.has(name)) {
        found.add(name);
        referencedDefinitions(definitions[name], definitions, found);
      }
    }
  }
  return found;
}

/** Returns `subset` with the given operations (and what they reference) copied in from `full`. */
export function withOperationsFrom(
  subset: JsonObject,
  full: JsonObject,
  operationIds: readonly string[],
): JsonObject {
  const paths = { ...(subset.paths as JsonObject) };
  const definitions = { ...(subset.definitions as JsonObject) };
  const fullDefinitions = full.definitions as JsonObject;
  for (const operationId of operationIds) {
    const match = Object.entries(full.paths as JsonObject).flatMap(([route, item]) =>
      Object.entries(item as JsonObject)
        .filter(([, op]) => (op as JsonObject)?.operationId === operationId)
        .map(([method, op]) => ({ route, method, op })),
    )[0];
    if (!match) throw new Error(`operationId ${operationId} not found in ${FULL_V1_SPEC}`);
    paths[match.route] = { ...(paths[match.route] as JsonObject), [match.method]: match.op };
    for (const name of referencedDefinitions(match.op, fullDefinitions)) {
      definitions[name] ??= fullDefinitions[name];
    }
  }
  return { ...subset, paths, definitions };
}

function readJson(dir: string, file: string): JsonObject {
  return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as JsonObject;
}

function main(): void {
  const input = process.argv[2];
  if (!input) {
    console.error(
      'usage: ts-node scripts/extract-spec-structure.ts <folder with v1-subset.json, v2-subset.json and v1.openapi.json>',
    );
    process.exit(2);
  }
  const repoRoot = path.resolve(__dirname, '..');
  fs.mkdirSync(path.join(repoRoot, STRUCTURE_DIR), { recursive: true });
  for (const file of SPEC_FILES) {
    let spec = readJson(input, file);
    if (file === 'v1-subset.json') {
      spec = withOperationsFrom(spec, readJson(input, FULL_V1_SPEC), V1_OPERATIONS_FROM_FULL_SPEC);
    }
    const target = path.join(STRUCTURE_DIR, file);
    fs.writeFileSync(path.join(repoRoot, target), `${JSON.stringify(extractStructure(spec), null, 2)}\n`);
    console.log(`wrote ${target}`);
  }
}

if (require.main === module) main();
