import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..');
const fixtures = join(repo, 'test/support/fixtures/esm-only-peer');
const nestjs12Axios = join(repo, 'compat/nestjs12/node_modules/@nestjs/axios');

/** Runs a command to its end (bounded) and resolves to its exit code and combined output. */
function run(file: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise(resolve => {
    execFile(
      file,
      args,
      { cwd: repo, timeout: 25_000, env: { ...process.env, FORCE_COLOR: '0' } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
    );
  });
}

const TRANSPILE_ONLY = {
  isolatedModules: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  esModuleInterop: true,
  target: 'es2022',
  module: 'commonjs',
};

// The cause and the fix, as lib/errors/messages.ts words them.
const CAUSE = /could not load @nestjs\/axios 12\.\d+\.\d+: that release is an ES module only/;
const FIX = /npm install @nestjs\/axios@\^4/;

// A NestJS 11 app whose `npm install @nestjs/axios` picked 12 (ESM-only): its CommonJS test runner cannot load
// it. nestjs-portone must fail with the cause and the fix, not a bare ERR_REQUIRE_ESM / "Unexpected token".
describe('a CommonJS runtime that cannot load the app’s ESM-only @nestjs/axios 12', () => {
  beforeAll(() => {
    if (!existsSync(join(nestjs12Axios, 'package.json'))) {
      throw new Error(
        'compat/nestjs12 is not installed: run bash compat/nestjs12/install.sh (npm test does)',
      );
    }
  });

  it('jest (a child jest, @nestjs/axios mapped to 12.x): the test fails naming the cause and the fix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'esm-only-peer-'));
    try {
      const config = join(dir, 'jest.config.json');
      writeFileSync(
        config,
        JSON.stringify({
          rootDir: repo,
          roots: [fixtures],
          testRegex: 'load-module\\.check\\.ts$',
          testEnvironment: 'node',
          // Transpile only, as fast as ts-jest goes.
          transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: TRANSPILE_ONLY }] },
          moduleNameMapper: { '^@nestjs/axios$': join(nestjs12Axios, 'dist/index.js') },
          setupFiles: ['reflect-metadata'],
          cacheDirectory: join(tmpdir(), 'nestjs-portone-esm-only-peer-jest'),
        }),
      );
      const { code, output } = await run(process.execPath, [
        join(repo, 'node_modules/jest/bin/jest.js'),
        '--config',
        config,
        '--ci',
      ]);
      expect(code).not.toBe(0);
      expect(output).toMatch(CAUSE);
      expect(output).toMatch(FIX);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('node without require(esm) (--no-experimental-require-module): the same error, at require time', async () => {
    const { code, output } = await run(process.execPath, [
      '--no-experimental-require-module',
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      join(fixtures, 'use-nestjs12-axios.ts'),
      '-e',
      "require('./lib/core/portone-http')", // see load-module.check.ts
    ]);
    expect(code).not.toBe(0);
    expect(output).toMatch(CAUSE);
    expect(output).toMatch(FIX);
    expect(output).toContain('PortOneConfigurationError');
  });
});
