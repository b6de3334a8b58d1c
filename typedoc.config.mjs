// The API reference: `npm run docs` writes it to docs-api/ (ignored by git) from the JSDoc of the public entry
// points, and fails on any warning, so an export without a description or a broken {@link} stops CI (.ci/run).
// The entry points are read from package.json `exports`, so a new subpath is documented (and checked) the day
// it is added.
import { readFileSync } from 'node:fs';
import { OptionDefaults } from 'typedoc';

const { exports } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
// "." is lib/index.ts; "./testing" is lib/testing/index.ts; "./package.json" is not code.
const entryPoints = Object.keys(exports)
  .filter(subpath => subpath !== './package.json')
  .map(subpath => (subpath === '.' ? 'lib/index.ts' : `lib/${subpath.slice(2)}/index.ts`));

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'nestjs-portone',
  entryPoints,
  tsconfig: 'tsconfig.build.json',
  out: 'docs-api',
  readme: 'none',
  excludePrivate: true,
  excludeProtected: true,
  // `@internal` marks what apps never call: constructors Nest or the module calls, wiring helpers.
  excludeInternal: true,
  treatWarningsAsErrors: true,
  validation: { notExported: true, invalidLink: true, notDocumented: true },
  // The unique symbol that PortOneV2UnrecognizedWebhookType is the type of: a name only TypeScript sees (as in
  // PortOne's SDK), never a value an app reads.
  intentionallyNotExported: ['_unrecognized'],
  // Every export, constructor, method and accessor needs a description (a comment with only a tag such as
  // `@publicApi` does not count). Fields of models and options are not required: many mirror PortOne's own
  // field names one to one.
  requiredToBeDocumented: [
    'Module',
    'Namespace',
    'Enum',
    'EnumMember',
    'Variable',
    'Function',
    'Class',
    'Interface',
    'Constructor',
    'Method',
    'Accessor',
    'TypeAlias',
  ],
  jsDocCompatibility: true,
  // `@publicApi` is NestJS's marker of what is public; it carries no text.
  modifierTags: [...OptionDefaults.modifierTags, '@publicApi'],
};
