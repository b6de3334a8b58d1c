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
readme_dir=${4:-}
[[ -n $readme_dir ]] && cp -R "$readme_dir" "$app/readme"
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
