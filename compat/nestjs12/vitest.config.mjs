// @ts-check
/**
 * The NestJS 12 leg: the library's own test files (../../test), run by Vitest against the NestJS 12
 * packages installed in this folder.
 *
 * Every package in this folder's package.json "dependencies" replaces the repository root's copy (NestJS 11)
 * for the test files and lib/: the alias sends `@nestjs/common` etc. here, and the packages loaded from
 * here resolve their own imports here too, so one copy of each is shared by the app, the module and Nest.
 * Anything else a test imports (supertest, fast-check...) comes from the root's node_modules.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** @type {{ dependencies: Record<string, string> }} */
const { dependencies } = JSON.parse(readFileSync(`${here}package.json`, 'utf8'));
const escape = (/** @type {string} */ name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export default defineConfig({
  root: repoRoot,
  resolve: {
    alias: Object.keys(dependencies).map(name => ({
      find: new RegExp(`^${escape(name)}$`),
      replacement: `${here}node_modules/${name}`,
    })),
  },
  // What ts-jest gets from tsconfig.json: legacy decorators with design-time type metadata (Nest's DI reads it).
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  test: {
    include: ['test/**/*.{spec,e2e-spec}.ts'],
    globals: true,
    // Every emulator response is validated against PortOne's response schemas (test/conformance/setup.ts).
    setupFiles: ['reflect-metadata', 'test/conformance/setup.ts'],
    env: { NESTJS_MAJOR: '12' },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
