/**
 * Extracts the structure of PortOne's official OpenAPI spec extracts into `spec/`, so the repository's tests
 * and scripts never need anything beside the repo.
 *
 * Run from the repository root, with the folder that holds PortOne's `v1-subset.json` (Swagger 2.0) and
 * `v2-subset.json` (OpenAPI 3.0.3) as the argument:
 *   npx ts-node --transpile-only scripts/extract-spec-structure.ts <spec-dir>
 *
 * Only structure survives: paths, operations and their operationIds, parameters, request bodies, schemas
 * (types, properties, required, enums, formats, maxLength, minimum, items, $ref, combinators, nullable,
 * discriminators). Every description, title, summary, example and `x-*` extension (PortOne's prose lives
 * there) is dropped; the output keeps the input's file names, so `scripts/derive-emulator-schemas.ts` reads
 * either folder and derives the same schemas (test/emulator/schema-derivation.spec.ts checks the committed
 * output).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The spec files this repository uses, by name. */
export const SPEC_FILES = ['v1-subset.json', 'v2-subset.json'] as const;

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

function main(): void {
  const input = process.argv[2];
  if (!input) {
    console.error(
      'usage: ts-node scripts/extract-spec-structure.ts <folder with v1-subset.json and v2-subset.json>',
    );
    process.exit(2);
  }
  const repoRoot = path.resolve(__dirname, '..');
  fs.mkdirSync(path.join(repoRoot, STRUCTURE_DIR), { recursive: true });
  for (const file of SPEC_FILES) {
    const spec = JSON.parse(fs.readFileSync(path.join(input, file), 'utf8')) as Json;
    const target = path.join(STRUCTURE_DIR, file);
    fs.writeFileSync(path.join(repoRoot, target), `${JSON.stringify(extractStructure(spec), null, 2)}\n`);
    console.log(`wrote ${target}`);
  }
}

if (require.main === module) main();
