#!/usr/bin/env bash
# Checks the package as npm would publish it. Run after `npm run build` (CI does).
#  1. `npm pack`: the tarball holds package.json, README/LICENSE and dist/ only, all of dist/ (npm silently
#     drops some folder names), every entry point and the emulator's JSON schemas; every relative import
#     resolves and every package the code imports is declared.
#  2. A fresh NestJS 11 app in a temp folder installs the tarball like a user would, type-checks against the
#     published .d.ts (skipLibCheck off, node16 and node10 resolution), then runs with plain node: it boots
#     PortOneModule.forRootAsync with ConfigModule and calls every service against nestjs-portone/testing.
# Needs the npm registry, or an npm cache that already holds the dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

if [[ ! -f dist/index.js || ! -f dist/testing/index.js ]]; then
  echo "dist/ is missing or incomplete: run 'npm run build' first" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "-- npm pack"
npm pack --pack-destination "$work" --silent > "$work/pack-name"
tarball="$work/$(tail -n 1 "$work/pack-name")"
mkdir "$work/extracted"
tar -xzf "$tarball" -C "$work/extracted"
npx --no-install ts-node --transpile-only scripts/package-check/check-tarball.ts "$work/extracted/package" .

echo "-- fresh NestJS 11 app: install the tarball"
app="$work/consumer"
bash scripts/package-check/write-consumer-app.sh "$app"
# The versions this repo develops and tests with, so the check is reproducible.
read -r -a dependencies <<< "$(node -p '
  const dev = require("./package.json").devDependencies;
  ["@nestjs/common", "@nestjs/core", "@nestjs/platform-express", "@nestjs/config", "@nestjs/axios", "axios",
    "rxjs", "reflect-metadata", "class-validator", "class-transformer", "typescript", "@types/node"]
    .map(name => `${name}@${dev[name]}`).join(" ")')"
(cd "$app" && npm install --prefer-offline --no-audit --no-fund --loglevel=error "$tarball" "${dependencies[@]}")

echo "-- type-check and build the app against the published .d.ts"
(cd "$app" && npx --no-install tsc -p tsconfig.node10.json && npx --no-install tsc -p tsconfig.json)

echo "-- run it with plain node"
(cd "$app" && node dist/main.js)

echo "package check passed in $((SECONDS - started))s"
