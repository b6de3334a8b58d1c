import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONSUMER_ROWS,
  README_TARBALL,
  consumerInstallCommands,
  readmeInstallBlocks,
  type ConsumerRow,
} from '../../scripts/package-check/readme-install';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = readmeInstallBlocks(readme);
const script = (name: string) => readFileSync(join(root, 'scripts/package-check', name), 'utf8');

/** `name@range` of every package a command names (the tarball and flags left out). */
function specs(command: string): string[] {
  return command
    .split(/\s+/)
    .slice(2)
    .filter(word => !word.startsWith('-') && !README_TARBALL.test(word));
}

// The README's install lines are the one source of what users type and what the consumer matrix installs.
describe("the README's install lines", () => {
  it.each([
    ['nestjs11', ['@nestjs/axios@^4', '@nestjs/config@^4', '@nestjs/terminus@^11']],
    ['nestjs12', ['@nestjs/axios@^12', '@nestjs/config@^12', '@nestjs/terminus@^12']],
  ])('%s names the majors of the packages whose NestJS 12 release is ESM-only', (block, expected) => {
    const named = (blocks.get(block) ?? []).flatMap(specs);
    expect(named).toEqual(expect.arrayContaining(expected));
    // Every @nestjs/* package with a version: unversioned, npm picks 12.x even in a NestJS 11 app.
    expect(named.filter(spec => spec.startsWith('@nestjs/') && !/@\^\d+$/.test(spec.slice(1)))).toEqual([]);
    expect(named).toEqual(expect.arrayContaining(['axios', 'class-validator', 'class-transformer', 'ajv']));
  });

  it('give @nestjs/platform-fastify per major', () => {
    expect(blocks.get('fastify')).toEqual([
      'npm install @nestjs/platform-fastify@^11',
      'npm install @nestjs/platform-fastify@^12',
    ]);
  });

  it.each(Object.keys(CONSUMER_ROWS) as ConsumerRow[])(
    'are what the %s consumer row runs, verbatim but for the tarball path',
    row => {
      const commands = consumerInstallCommands(readme, row, '/tmp/x/nestjs-portone-9.9.9.tgz');
      const { major, blocks: names } = CONSUMER_ROWS[row];
      const printed = names.flatMap(name =>
        (blocks.get(name) ?? []).filter(line => name !== 'fastify' || line.endsWith(`@^${major}`)),
      );
      expect(commands).toEqual(
        printed.map(line => line.replace(README_TARBALL, '/tmp/x/nestjs-portone-9.9.9.tgz')),
      );
      expect(commands.join('\n')).toContain(`@nestjs/axios@^${major === 11 ? 4 : 12}`);
      if (row.endsWith('fastify'))
        expect(commands).toContain(`npm install @nestjs/platform-fastify@^${major}`);
    },
  );

  it('are the only packages the consumer apps install besides the `nest new` skeleton', () => {
    const runner = script('run-consumer-app.sh');
    // Exactly two installs in a row: the skeleton's own `npm install`, then the README's lines.
    expect(runner.match(/^\s*npm install\b.*$/gm)).toEqual(['npm install']);
    expect(runner).toContain('scripts/package-check/readme-install.ts README.md "$row" "$tarball"');
    expect(runner).toContain('bash -c "$command"');
    expect(script('write-consumer-app.sh')).not.toMatch(/npm (install|i) /);
  });
});
