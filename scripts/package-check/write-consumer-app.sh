#!/usr/bin/env bash
# Writes a fresh app that uses nestjs-portone the way the README tells users to, into $1, for flavour $2:
#   nest11-cjs  NestJS 11, CommonJS, module node16 (+ a node10-resolution type-check), e2e test with jest
#   nest12-esm  NestJS 12, "type": "module", module nodenext, e2e test with Vitest (NestJS 12's default)
#   nest12-cjs  NestJS 12, CommonJS, module nodenext, no test runner (plain node only)
# All three: strict, skipLibCheck false (the published .d.ts are checked as a consumer's compiler sees them),
# and the same sources from scripts/package-check/consumer/ (they import 'nestjs-portone' by name, which only
# resolves once the tarball is installed, so the repo's own type-check and lint leave that folder out).
# Prints the packages the app needs, as `name@version` words for `npm install`.
set -euo pipefail
app_dir=$1
flavour=$2
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
mkdir -p "$app_dir"
cp -R "$here/consumer/src" "$here/consumer/test" "$app_dir/"

# Exact versions: NestJS 11 ones from the root's devDependencies, NestJS 12 ones from compat/nestjs12, so the
# check is reproducible and runs from the npm cache that `npm ci` filled.
versions() {
  node -e '
    const [manifest, ...names] = process.argv.slice(1);
    const pkg = require(manifest);
    const all = { ...pkg.dependencies, ...pkg.devDependencies };
    console.log(names.map(name => `${name}@${all[name]}`).join(" "));' "$@"
}
# ajv and ajv-formats: optional peers of nestjs-portone, needed by nestjs-portone/testing (the emulator).
common="typescript @types/node ajv ajv-formats"
runtime="axios rxjs reflect-metadata class-validator class-transformer"
nest="@nestjs/common @nestjs/core @nestjs/config @nestjs/axios @nestjs/testing @nestjs/terminus"

case $flavour in
  nest11-cjs)
    type_field=''
    module=node16
    packages="$(versions "$repo/package.json" $nest $runtime $common jest ts-jest @types/jest)"
    ;;
  nest12-esm)
    type_field='"type": "module",'
    module=nodenext
    packages="$(versions "$repo/compat/nestjs12/package.json" $nest $runtime vitest vite) $(versions "$repo/package.json" $common)"
    ;;
  nest12-cjs)
    type_field=''
    module=nodenext
    packages="$(versions "$repo/compat/nestjs12/package.json" $nest $runtime) $(versions "$repo/package.json" $common)"
    ;;
  *)
    echo "unknown flavour $flavour" >&2
    exit 2
    ;;
esac

cat > "$app_dir/package.json" <<JSON
{ "name": "portone-consumer-$flavour", "version": "0.0.0", "private": true, $type_field "license": "UNLICENSED" }
JSON

types='"node"'
[[ $flavour == nest11-cjs ]] && types='"node", "jest"'
cat > "$app_dir/tsconfig.json" <<JSON
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "$module",
    "moduleResolution": "$module",
    "types": [$types],
    "strict": true,
    "isolatedModules": true,
    "skipLibCheck": false,
    "experimentalDecorators": true,
    "emitDecoratorMetadata": true,
    "rootDir": ".",
    "outDir": "dist"
  },
  "include": ["src", "test", "readme"]
}
JSON

case $flavour in
  nest11-cjs)
    # The older resolution many existing Nest 11 apps still use: `nestjs-portone/testing` then resolves
    # through package.json "typesVersions" instead of "exports". Type-check only.
    cat > "$app_dir/tsconfig.node10.json" <<'JSON'
{
  "extends": "./tsconfig.json",
  "compilerOptions": { "module": "commonjs", "moduleResolution": "node10", "ignoreDeprecations": "6.0", "noEmit": true }
}
JSON
    # jest as `nest new` (NestJS 11) sets it up, plus the usual mapping of ESM-style './x.js' specifiers.
    cat > "$app_dir/jest.config.js" <<'JS'
module.exports = {
  testEnvironment: 'node',
  testRegex: '\\.(spec|e2e-spec)\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 30000,
};
JS
    ;;
  nest12-esm)
    # Vitest as NestJS 12 sets it up: oxc transforms the TypeScript, with legacy decorators and their metadata.
    cat > "$app_dir/vitest.config.mjs" <<'JS'
import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  test: { include: ['{test,readme}/**/*.{spec,e2e-spec}.ts'], testTimeout: 30000, hookTimeout: 30000 },
});
JS
    for file in "$app_dir"/test/*.ts; do
      { echo "import { afterAll, beforeAll, describe, expect, it } from 'vitest';"; cat "$file"; } > "$file.tmp"
      mv "$file.tmp" "$file"
    done
    ;;
  nest12-cjs)
    # No test runner in this row: it proves the CommonJS build and types under NestJS 12 with plain node.
    rm -rf "$app_dir/test"
    ;;
esac
echo "$packages"
