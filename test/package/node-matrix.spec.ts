import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
const matrix = read('scripts/node-matrix/versions')
  .split('\n')
  .map(line => line.trim())
  .filter(line => line !== '' && !line.startsWith('#'));

type Version = [number, number, number];
const parse = (text: string): Version => text.split('.').map(Number) as Version;
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
/** The `engines` ranges this package uses: `^x.y.z` (same major, at least x.y.z) and `>=x.y.z`. */
const ranges = engines.split('||').map(part => {
  const match = /^(\^|>=)(\d+\.\d+\.\d+)$/.exec(part.trim());
  if (!match) throw new Error(`engines.node part ${part} is not ^x.y.z or >=x.y.z`);
  return { caret: match[1] === '^', floor: parse(match[2]) };
});
const satisfies = (version: Version) =>
  ranges.some(({ caret, floor }) => compare(version, floor) >= 0 && (!caret || version[0] === floor[0]));

// `engines`, the README's compatibility table and `npm run test:node-matrix` must say the same thing.
describe('the Node matrix', () => {
  it('starts at the oldest Node that engines allows and covers every line it allows', () => {
    expect(matrix.length).toBeGreaterThanOrEqual(4);
    expect(matrix.map(parse).every(satisfies)).toBe(true);
    expect(matrix[0]).toBe(ranges[0].floor.join('.'));
    // Each caret line of engines, and every even (LTS) major from the open-ended range up to the newest tested.
    const majors = matrix.map(version => parse(version)[0]);
    for (const { caret, floor } of ranges) {
      if (caret) expect(majors).toContain(floor[0]);
      else
        for (let major = floor[0]; major <= Math.max(...majors); major += 2) expect(majors).toContain(major);
    }
  });

  it('is what docs/compatibility.md claims in its table, beside the engines range', () => {
    const row = read('docs/compatibility.md')
      .split('\n')
      .find(line => line.startsWith('| Node.js |'));
    expect(row).toBeDefined();
    // Cells split on unescaped pipes; the range's `||` is printed escaped.
    const [, , range, tested] = row!.replace(/\\\|/g, '¦').split('|');
    expect(tested.split(':')[0].match(/\d+\.\d+\.\d+/g)).toEqual(matrix); // the list before the colon
    const printedRange = range.replace(/¦/g, '|');
    const short = engines.replace(/(\.0)+(?=\s|$)/g, '');
    expect(printedRange).toContain(short);
  });

  it('is not claimed as run by CI while .ci/run does not run it', () => {
    const ci = read('.ci/run');
    const runsMatrix = ci
      .split('\n')
      .some(line => !line.trim().startsWith('#') && /\bnpm run test:node-matrix\b/.test(line));
    const row = read('docs/compatibility.md')
      .split('\n')
      .find(line => line.startsWith('| Node.js |'))!;
    expect(row.includes('not yet run by CI')).toBe(!runsMatrix);
  });

  it("reads each leg's counts from coloured logs, and an empty log does not stop the run", () => {
    const dir = mkdtempSync(join(tmpdir(), 'node-matrix-'));
    try {
      const log = (name: string, text: string) => {
        writeFileSync(join(dir, name), text);
        return join(dir, name);
      };
      const esc = '\u001b';
      const jest = log(
        'jest.log',
        `PASS a.spec.ts\n${esc}[1mTests:${esc}[22m       ${esc}[32m3 passed${esc}[39m, 3 total\n`,
      );
      const vitest = log(
        'vitest.log',
        ` ${esc}[2m Test Files ${esc}[22m ${esc}[32m2 passed${esc}[39m (2)\n${esc}[2m      Tests ${esc}[22m ${esc}[1m${esc}[32m3 passed${esc}[39m${esc}[22m${esc}[90m (3)${esc}[39m\n`,
      );
      const empty = log('empty.log', 'Error: cannot find module\n');
      const counts = (file: string, pattern: string) =>
        execFileSync(
          'bash',
          [
            '-c',
            'set -euo pipefail; source scripts/node-matrix/test-counts.sh; test_counts "$1" "$2"; echo "<end>"',
            '-',
            file,
            pattern,
          ],
          { cwd: root, encoding: 'utf8' },
        );
      expect(counts(jest, '^Tests:')).toBe('3 passed, 3 total\n<end>\n');
      expect(counts(vitest, '^ +Tests ')).toBe('3 passed (3)\n<end>\n');
      expect(counts(empty, '^ +Tests ')).toBe('<end>\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
