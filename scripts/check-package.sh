#!/usr/bin/env bash
# Checks the package as npm would publish it. Run after `npm run build` (CI does).
#  1. `npm pack`: the tarball holds package.json, README/LICENSE and dist/ only, all of dist/ (npm silently
#     drops some folder names), every entry point and the emulator's JSON schemas; every relative import
#     resolves and every package the code imports is declared.
#  2. The packed-consumer matrix: four fresh apps from `nest new` (NestJS 11 CommonJS with jest 30, NestJS 12 ESM
#     with Vitest 4, NestJS 12 CommonJS with plain node, NestJS 12 on Fastify with Vitest 4) install the tarball
#     with the README's install lines for their major, as printed (scripts/package-check/readme-install.ts),
#     type-check against the published .d.ts (skipLibCheck off) with TypeScript 5.9, 6 and 7, boot
#     PortOneModule.forRootAsync with ConfigModule under plain node and call every method of the three services
#     against nestjs-portone/testing, and run their e2e tests (the README's testing example among them; the
#     Fastify row: webhooks, exception filter, health). See scripts/package-check/run-consumer-app.sh.
# Needs the npm registry, or an npm cache that already holds the dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

if [[ ! -f dist/index.js || ! -f dist/testing/index.js ]]; then
  echo "dist/ is missing or incomplete: run 'npm run build' first" >&2
  exit 1
fi

work=$(mktemp -d)
# KEEP_PACKAGE_CHECK=1 keeps the apps for a look.
[[ -n ${KEEP_PACKAGE_CHECK:-} ]] || trap 'rm -rf "$work"' EXIT

echo "-- npm pack"
npm pack --pack-destination "$work" --silent > "$work/pack-name"
tarball="$work/$(tail -n 1 "$work/pack-name")"
mkdir "$work/extracted"
tar -xzf "$tarball" -C "$work/extracted"
npx --no-install ts-node --transpile-only scripts/package-check/check-tarball.ts "$work/extracted/package" .

# The TypeScript blocks of the README and its guides (docs/) go into every app: type-checked there against the installed tarball, and the
# testing example also runs under the app's test runner.
npx --no-install ts-node --transpile-only scripts/readme-blocks.ts README.md docs/*.md "$work/readme"

# What the rows share: `nest new` 12 (NestJS 11's CLI is a devDependency) and the three TypeScript majors.
echo "-- tools: @nestjs/cli 12, TypeScript 5.9, 6 and 7"
timeout 600 npm install --prefix "$work/tools" --no-audit --no-fund --loglevel=error --prefer-offline \
  @nestjs/cli@^12 ts5.9@npm:typescript@~5.9.0 ts6@npm:typescript@^6 ts7@npm:typescript@^7

# The packed-consumer matrix: four fresh apps install the tarball and use it, in parallel (each row mostly
# waits on npm and tsc). Every row is bounded by `timeout`; each row's log is printed whole.
rows=(nest11-cjs nest12-esm nest12-cjs nest12-fastify)
declare -A pids
for row in "${rows[@]}"; do
  timeout 1500 bash scripts/package-check/run-consumer-app.sh "$work/$row" "$row" "$tarball" "$work/readme" "$work/tools" > "$work/$row.log" 2>&1 &
  pids[$row]=$!
done
failed=()
for row in "${rows[@]}"; do
  if wait "${pids[$row]}"; then result=passed; else result="FAILED (exit $?)"; failed+=("$row"); fi
  echo "== consumer $row: $result"
  sed 's/^/   /' "$work/$row.log"
done
if (( ${#failed[@]} > 0 )); then
  echo "consumer matrix failed: ${failed[*]}" >&2
  exit 1
fi

echo "package check passed in $((SECONDS - started))s"
