import * as fs from 'node:fs';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');

/** Every environment variable the sample reads: `process.env.X`, and the `PORTONE_*` names it asks ConfigService for. */
function variablesReadBySample(): string[] {
  const names = new Set<string>();
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith('.ts')) {
        const code = fs.readFileSync(file, 'utf8');
        for (const match of code.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) names.add(match[1]);
        for (const match of code.matchAll(/'(PORTONE_[A-Z0-9_]+)'/g)) names.add(match[1]);
      }
    }
  };
  visit(path.join(repoRoot, 'sample', 'src'));
  return [...names].sort();
}

describe('the sample documents every environment variable it reads', () => {
  const variables = variablesReadBySample();

  it('finds the variables (the scan works)', () => {
    expect(variables).toEqual(
      expect.arrayContaining(['HOST', 'PORT', 'PORTONE_V1_API_KEY', 'PORTONE_DANAL_CHANNEL_KEY']),
    );
  });

  it('the sample app guide (docs/sample-app.md) lists each one', () => {
    const guide = fs.readFileSync(path.join(repoRoot, 'docs/sample-app.md'), 'utf8');
    expect(variables.filter(name => !guide.includes(`\`${name}\``))).toEqual([]);
  });

  it('sample/.env.example lists each one', () => {
    const example = fs.readFileSync(path.join(repoRoot, 'sample', '.env.example'), 'utf8');
    expect(variables.filter(name => !new RegExp(`^#? ?${name}=`, 'm').test(example))).toEqual([]);
  });
});
