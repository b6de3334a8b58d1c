import * as fs from 'node:fs';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');

/** Every `from '…'`, `import('…')` and `require('…')` specifier in the TypeScript files below `dir`. */
function specifiers(dir: string): Array<{ file: string; specifier: string }> {
  const found: Array<{ file: string; specifier: string }> = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...specifiers(file));
    else if (entry.name.endsWith('.ts')) {
      const code = fs.readFileSync(file, 'utf8');
      for (const match of code.matchAll(/(?:from\s+|import\(\s*|require\(\s*)'([^']+)'/g)) {
        found.push({ file: path.relative(repoRoot, file), specifier: match[1] });
      }
    }
  }
  return found;
}

// NestJS 12's packages have exports maps that refuse deep imports (`@nestjs/common/utils/...`), so code that
// must run on NestJS 11 and 12 imports every @nestjs package through its root only.
describe('NestJS is imported through package roots only', () => {
  it.each(['lib', 'sample', 'test'])('%s/ has no deep import into an @nestjs package', folder => {
    const deep = specifiers(path.join(repoRoot, folder)).filter(({ specifier }) =>
      /^@nestjs\/[^/]+\/./.test(specifier),
    );
    expect(deep).toEqual([]);
  });

  it('the scan sees imports (it is not vacuous)', () => {
    expect(specifiers(path.join(repoRoot, 'lib')).map(({ specifier }) => specifier)).toContain(
      '@nestjs/common',
    );
  });
});
