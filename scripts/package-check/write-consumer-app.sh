#!/usr/bin/env bash
# Writes a fresh app for row $2 of the packed-consumer matrix into $1: the skeleton `nest new` of the row's
# NestJS major writes (its package.json, jest or Vitest setup), with the app's sources replaced by
# scripts/package-check/consumer/ (they import 'nestjs-portone' by name, which only resolves once the tarball is
# installed, so the repo's own type-check and lint leave that folder out). $3 is the `nest` CLI of that major.
#   nest11-cjs      nest new 11: CommonJS, jest 30
#   nest12-esm      nest new 12: "type": "module", Vitest 4
#   nest12-cjs      nest new 12 without "type": "module" (CommonJS), run with plain node
#   nest12-fastify  nest new 12 on @nestjs/platform-fastify: webhooks, exception filter and health under Vitest
# Kept from the skeleton: dependencies and the devDependencies that build and test an app; dropped: its
# lint/format/CLI tooling (eslint, oxlint, prettier, @nestjs/cli...), which never touches nestjs-portone.
# tsconfig.json is ours for every row: strict, skipLibCheck false (the published .d.ts are checked as a
# consumer's compiler sees them), module node16 (NestJS 11) or nodenext (NestJS 12), no baseUrl (TypeScript 7
# removed it), so that TypeScript 5.9, 6 and 7 all check the same project.
set -euo pipefail
app_dir=$1
row=$2
nest_cli=$3
here=$(cd "$(dirname "$0")" && pwd)
parent=$(dirname "$app_dir")
mkdir -p "$parent"
(cd "$parent" && "$nest_cli" new "$(basename "$app_dir")" --skip-install --skip-git --package-manager npm > /dev/null)

cd "$app_dir"
rm -rf src test/*.ts
cp -R "$here/consumer/src" src
mkdir -p test
case $row in
  nest12-fastify) cp "$here/consumer/test-fastify/"*.ts test/ ;;
  nest12-cjs) ;; # no test runner in this row
  *) cp "$here/consumer/test/"*.ts test/ ;;
esac

node - "$row" <<'JS'
const fs = require('node:fs');
const row = process.argv[2];
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const tooling = /^(@nestjs\/(cli|schematics|mau)|eslint.*|@eslint\/.*|typescript-eslint|globals|prettier|oxlint.*|ts-loader|ts-node|tsconfig-paths|source-map-support|@vitest\/coverage-v8)$/;
for (const name of Object.keys(pkg.devDependencies)) if (tooling.test(name)) delete pkg.devDependencies[name];
if (row === 'nest12-cjs') delete pkg.type;
pkg.name = `portone-consumer-${row}`;
fs.writeFileSync('package.json', `${JSON.stringify(pkg, null, 2)}\n`);

const major = row.startsWith('nest11') ? 11 : 12;
const types = major === 11 ? ['node', 'jest'] : row === 'nest12-cjs' ? ['node'] : ['node', 'vitest/globals'];
const module = major === 11 ? 'node16' : 'nodenext';
const tsconfig = {
  compilerOptions: {
    target: 'ES2022',
    module,
    moduleResolution: module,
    types,
    strict: true,
    isolatedModules: true,
    skipLibCheck: false,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    rootDir: '.',
    outDir: 'dist',
  },
  include: ['src', 'test', 'readme'],
};
fs.writeFileSync('tsconfig.json', `${JSON.stringify(tsconfig, null, 2)}\n`);
if (major === 11) {
  // The older resolution many existing NestJS 11 apps still use: `nestjs-portone/testing` then resolves through
  // package.json "typesVersions" instead of "exports". Type-check only, with the TypeScript the skeleton installs.
  fs.writeFileSync(
    'tsconfig.node10.json',
    `${JSON.stringify({ extends: './tsconfig.json', compilerOptions: { module: 'commonjs', moduleResolution: 'node10', noEmit: true } }, null, 2)}\n`,
  );
  // The skeleton's e2e config (test/jest-e2e.json), plus the usual mapping of ESM-style './x.js' specifiers and a
  // hook limit that allows for a loaded CI machine.
  const e2e = JSON.parse(fs.readFileSync('test/jest-e2e.json', 'utf8'));
  Object.assign(e2e, { moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' }, testTimeout: 30000 });
  fs.writeFileSync('test/jest-e2e.json', `${JSON.stringify(e2e, null, 2)}\n`);
} else {
  // The skeleton's e2e Vitest config, with the same hook limit.
  const file = 'vitest.config.e2e.ts';
  const config = fs.readFileSync(file, 'utf8');
  if (!config.includes('globals: true')) throw new Error(`${file}: the skeleton changed (no globals: true)`);
  fs.writeFileSync(file, config.replace('globals: true,', 'globals: true,\n    testTimeout: 30000,\n    hookTimeout: 30000,'));
}
JS
