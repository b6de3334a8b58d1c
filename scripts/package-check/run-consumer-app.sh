#!/usr/bin/env bash
# One row of the packed-consumer matrix: writes a fresh app of flavour $2 into $1, installs the tarball $3
# with a plain `npm install` (no --force, no --legacy-peer-deps, no overrides), type-checks it with
# skipLibCheck false, runs it with plain node, and runs its e2e test with the flavour's test runner.
set -euo pipefail
app=$1
flavour=$2
tarball=$3
here=$(cd "$(dirname "$0")" && pwd)
started=$SECONDS

read -r -a packages <<< "$(bash "$here/write-consumer-app.sh" "$app" "$flavour")"
# The README's TypeScript blocks ($4, from scripts/readme-blocks.ts): type-checked with the app; its test
# blocks (*.e2e-spec.ts) also run under the app's test runner, with Vitest's imports added as the README says.
readme_dir=${4:-}
if [[ -n $readme_dir ]]; then
  cp -R "$readme_dir" "$app/readme"
  for test_file in "$app"/readme/*.e2e-spec.ts; do
    case $flavour in
      nest12-esm)
        { echo "import { afterAll, beforeAll, describe, expect, it } from 'vitest';"; cat "$test_file"; } > "$test_file.tmp"
        mv "$test_file.tmp" "$test_file"
        ;;
      nest12-cjs) rm "$test_file" ;; # no test runner in this row
    esac
  done
fi
cd "$app"
echo "-- $flavour: npm install the tarball with ${packages[*]}"
npm install --prefer-offline --no-audit --no-fund --loglevel=error "$tarball" "${packages[@]}"
npm ls --depth=0 nestjs-portone @nestjs/common @nestjs/axios

echo "-- $flavour: type-check and build against the published .d.ts (skipLibCheck false)"
npx --no-install tsc -p tsconfig.json
[[ -f tsconfig.node10.json ]] && npx --no-install tsc -p tsconfig.node10.json

echo "-- $flavour: run it with plain node $(node --version)"
node dist/src/main.js

echo "-- $flavour: import and require see the same named exports, the same objects (one build, no dual-package hazard)"
cp "$here/consumer/esm-named-exports.mjs" .
node esm-named-exports.mjs

case $flavour in
  nest11-cjs)
    echo "-- $flavour: e2e test with jest"
    npx --no-install jest --ci
    ;;
  nest12-esm)
    echo "-- $flavour: e2e test with Vitest"
    npx --no-install vitest run
    ;;
esac
echo "-- $flavour: passed in $((SECONDS - started))s"
