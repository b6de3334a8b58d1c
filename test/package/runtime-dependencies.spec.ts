import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dependencies?: Record<string, string> }>;
};

// A library declares ranges, so an app takes its dependencies' fixes (undici's security releases) without
// waiting for a release of this package; the lockfile pins the exact versions CI tests, the floor of each range.
describe('runtime dependencies', () => {
  const entries = Object.entries(manifest.dependencies);

  it('are declared', () => {
    expect(entries.map(([name]) => name).sort()).toEqual(['standardwebhooks', 'undici']);
  });

  it.each(entries)('%s is a caret range whose floor is the version the lockfile pins', (name, range) => {
    expect(range).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(lock.packages[''].dependencies?.[name]).toBe(range);
    expect(lock.packages[`node_modules/${name}`].version).toBe(range.slice(1));
  });
});
