/**
 * Extracts every TypeScript block of the README and the guides into files, so that CI type-checks them as
 * printed (in the spirit of doc tests): `npm run typecheck` checks them against lib/ (tsconfig.readme.json maps
 * 'nestjs-portone' there), and the packed-consumer matrix (scripts/check-package.sh) checks them again against
 * the installed tarball in a NestJS 11 CommonJS app and NestJS 12 ESM and CommonJS apps.
 *
 *   npx ts-node --transpile-only scripts/readme-blocks.ts <file.md>... <output-dir>
 *
 * Each ```ts block becomes `<output-dir>/block-NN.ts` for README.md and `<output-dir>/<name>-NN.ts` for
 * another file (docs/testing.md gives testing-01.ts...; NN counts from 01 in the file's order), so each must be
 * a complete module: its own imports, and no top-level await (CommonJS apps cannot have it). A block right
 * after an HTML comment `<!-- readme-test: NAME -->` becomes `<output-dir>/NAME` instead: the consumer apps also
 * run it with jest and Vitest, so the testing example is proved to pass when pasted into a test file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** One TypeScript block: the file name it is written to and its code. */
export interface ReadmeBlock {
  file: string;
  code: string;
}

const FENCE = /^```(ts|typescript)\s*$/;
const TEST_MARKER = /^<!--\s*readme-test:\s*([\w.-]+\.ts)\s*-->\s*$/;

/** Finds the TypeScript blocks of a Markdown text, in order; `prefix` starts the generated file names. */
export function readmeBlocks(markdown: string, prefix = 'block'): ReadmeBlock[] {
  const lines = markdown.split('\n');
  const blocks: ReadmeBlock[] = [];
  let counter = 0;
  for (let i = 0; i < lines.length; i += 1) {
    if (!FENCE.test(lines[i])) continue;
    const end = lines.findIndex((line, j) => j > i && line.startsWith('```'));
    if (end === -1) throw new Error(`line ${i + 1}: a TypeScript block is never closed`);
    counter += 1;
    const marker = TEST_MARKER.exec(lines[i - 1] ?? '');
    const file = marker ? marker[1] : `${prefix}-${String(counter).padStart(2, '0')}.ts`;
    blocks.push({ file, code: `${lines.slice(i + 1, end).join('\n')}\n` });
    i = end;
  }
  return blocks;
}

/** README.md's blocks are block-NN.ts (as the consumer checks expect); docs/webhooks.md's are webhooks-NN.ts. */
function prefixOf(markdownFile: string): string {
  const name = path.basename(markdownFile, path.extname(markdownFile));
  return name.toUpperCase() === 'README' ? 'block' : name;
}

function main(): void {
  const args = process.argv.slice(2);
  const outDir = args.pop();
  if (!outDir || args.length === 0) {
    console.error('usage: ts-node scripts/readme-blocks.ts <file.md>... <output-dir>');
    process.exit(2);
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const written = new Set<string>();
  for (const markdownFile of args) {
    const blocks = readmeBlocks(fs.readFileSync(markdownFile, 'utf8'), prefixOf(markdownFile));
    for (const block of blocks) {
      if (written.has(block.file)) throw new Error(`${markdownFile}: a second block would be ${block.file}`);
      written.add(block.file);
      fs.writeFileSync(path.join(outDir, block.file), block.code);
    }
    console.log(`${blocks.length} TypeScript blocks from ${markdownFile} written to ${outDir}`);
  }
}

if (require.main === module) main();
