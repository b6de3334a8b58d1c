/**
 * The README's install lines, the one source of what the packed-consumer matrix installs: each row of
 * scripts/check-package.sh runs the `npm install` lines of the README blocks it names, as printed, except that
 * the tarball path becomes the freshly packed one (test/package/readme-install-lines.spec.ts checks both ends).
 *
 *   npx ts-node --transpile-only scripts/package-check/readme-install.ts <README.md> <row> <tarball>
 *
 * prints the row's commands, one per line. A block is found by the HTML comment `<!-- install: NAME -->` right
 * above its ```bash fence; its `npm install` lines count, `# comments` dropped.
 */
import * as fs from 'node:fs';

/** The rows of the consumer matrix: their NestJS major and the README install blocks they run, in order. */
export const CONSUMER_ROWS = {
  'nest11-cjs': { major: 11, blocks: ['nestjs11'] },
  'nest12-esm': { major: 12, blocks: ['nestjs12'] },
  'nest12-cjs': { major: 12, blocks: ['nestjs12'] },
  'nest12-fastify': { major: 12, blocks: ['nestjs12', 'fastify'] },
} as const satisfies Record<string, { major: 11 | 12; blocks: readonly string[] }>;

export type ConsumerRow = keyof typeof CONSUMER_ROWS;

const MARKER = /^<!--\s*install:\s*([\w.-]+)\s*-->\s*$/;
/** The tarball path as the README prints it. */
export const README_TARBALL = /\S*nestjs-portone-\d+\.\d+\.\d+\.tgz/;

/** Every marked install block of a Markdown text: its name and its `npm install` lines, comments dropped. */
export function readmeInstallBlocks(markdown: string): Map<string, string[]> {
  const lines = markdown.split('\n');
  const blocks = new Map<string, string[]>();
  lines.forEach((line, i) => {
    const name = MARKER.exec(line)?.[1];
    if (!name) return;
    if (!/^```(bash|sh)\s*$/.test(lines[i + 1] ?? '')) {
      throw new Error(`README line ${i + 1}: <!-- install: ${name} --> must sit right above a bash block`);
    }
    const end = lines.findIndex((candidate, j) => j > i + 1 && candidate.startsWith('```'));
    blocks.set(
      name,
      lines
        .slice(i + 2, end)
        .map(command => command.replace(/\s+#.*$/, '').trim())
        .filter(command => command.startsWith('npm install ')),
    );
  });
  return blocks;
}

/**
 * What a row runs: its blocks' lines in order (from a block that gives one line per major, such as
 * `fastify`, the line of the row's major), with the README's tarball path replaced by `tarball`.
 */
export function consumerInstallCommands(markdown: string, row: ConsumerRow, tarball: string): string[] {
  const blocks = readmeInstallBlocks(markdown);
  const { major, blocks: names } = CONSUMER_ROWS[row];
  return names.flatMap(name => {
    const lines = blocks.get(name);
    if (!lines?.length)
      throw new Error(`README.md has no <!-- install: ${name} --> block with npm install lines`);
    const chosen = name === 'fastify' ? lines.filter(line => line.includes(`@^${major}`)) : lines;
    return chosen.map(line => line.replace(README_TARBALL, tarball));
  });
}

function main(): void {
  const [readme, row, tarball] = process.argv.slice(2);
  if (!readme || !row || !tarball || !(row in CONSUMER_ROWS)) {
    console.error(`usage: readme-install.ts <README.md> <${Object.keys(CONSUMER_ROWS).join('|')}> <tarball>`);
    process.exit(2);
  }
  for (const command of consumerInstallCommands(
    fs.readFileSync(readme, 'utf8'),
    row as ConsumerRow,
    tarball,
  )) {
    console.log(command);
  }
}

if (require.main === module) main();
