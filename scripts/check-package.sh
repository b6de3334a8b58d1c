#!/usr/bin/env bash
# Checks the package as npm would publish it. Run after `npm run build` (CI does).
#  1. `npm pack`: the tarball holds package.json, README/LICENSE and dist/ only, all of dist/ (npm silently
#     drops some folder names), every entry point and the emulator's JSON schemas; every relative import
#     resolves and every package the code imports is declared.
#  2. The packed-consumer matrix: three fresh apps (NestJS 11 CommonJS, NestJS 12 ESM, NestJS 12 CommonJS)
#     install the tarball with a plain `npm install`, type-check against the published .d.ts (skipLibCheck off),
#     then boot PortOneModule.forRootAsync with ConfigModule under plain node and call every method of the
#     three services against nestjs-portone/testing; the NestJS 11 app also runs its e2e test with jest, the
#     NestJS 12 ESM app with Vitest. See scripts/package-check/run-consumer-app.sh.
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

# The TypeScript blocks of the README and its guides (docs/) go into every app: type-checked there against the installed tarball, and the
# testing example also runs under the app's test runner.
npx --no-install ts-node --transpile-only scripts/readme-blocks.ts README.md docs/*.md "$work/readme"

# The packed-consumer matrix: three fresh apps install the tarball and use it, in parallel (each row mostly
# waits on npm and tsc). Every row is bounded by `timeout`; each row's log is printed whole.
rows=(nest11-cjs nest12-esm nest12-cjs)
declare -A pids
for row in "${rows[@]}"; do
  timeout 900 bash scripts/package-check/run-consumer-app.sh "$work/$row" "$row" "$tarball" "$work/readme" > "$work/$row.log" 2>&1 &
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
