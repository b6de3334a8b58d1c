#!/usr/bin/env bash
# One row of the packed-consumer matrix (see scripts/check-package.sh): in $1, the `nest new` skeleton of row $2
# (scripts/package-check/write-consumer-app.sh), installed with a plain `npm install`, then the README's install
# lines for the row's NestJS major run as printed, the tarball path replaced by $3
# (scripts/package-check/readme-install.ts). Then: type-checks with skipLibCheck false under TypeScript 5.9, 6 and
# 7 (from $5, the matrix's tool folder), runs the app with plain node, and runs its e2e tests with the skeleton's
# runner, the README's test blocks ($4, from scripts/readme-blocks.ts: *.e2e-spec.ts) among them, pasted as printed.
set -euo pipefail
app=$1
row=$2
tarball=$3
readme_dir=$4
tools=$5
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
started=$SECONDS
# No --force, --legacy-peer-deps or overrides; offline-first and quiet, which changes nothing npm resolves.
export npm_config_audit=false npm_config_fund=false npm_config_prefer_offline=true npm_config_loglevel=error

case $row in
  nest11-*) nest_cli="$repo/node_modules/.bin/nest" ;;
  *) nest_cli="$tools/node_modules/.bin/nest" ;;
esac
echo "-- $row: nest new ($("$nest_cli" --version)), app sources from scripts/package-check/consumer"
bash "$here/write-consumer-app.sh" "$app" "$row" "$nest_cli"

# The README's TypeScript blocks: all type-checked with the app (the Fastify one only where Fastify is installed);
# the test blocks also run under the app's test runner, pasted as printed (nest new 12's Vitest has globals).
mkdir -p "$app/readme"
for block in "$readme_dir"/*.ts; do
  name=$(basename "$block")
  if [[ $row != *fastify ]] && grep -q "from '@nestjs/platform-fastify'" "$block"; then continue; fi
  # Blocks for the Redis-backed extras are compiled by the repo's own typecheck only: ioredis's published .d.ts
  # import the untyped redis-errors, so no app compiles them with skipLibCheck false (ioredis's gap, not ours).
  if grep -qE "from 'nestjs-portone/(bullmq|redis)'" "$block"; then continue; fi
  case $name in
    *.e2e-spec.ts) [[ $row == nest12-cjs ]] || cp "$block" "$app/test/readme-$name" ;; # no test runner there
    *) cp "$block" "$app/readme/$name" ;;
  esac
done

(cd "$repo" && npx --no-install ts-node --transpile-only scripts/package-check/readme-install.ts README.md "$row" "$tarball") > "$app.install"
cd "$app"
echo "-- $row: npm install (the skeleton's dependencies)"
npm install
while IFS= read -r command; do
  echo "-- $row: $command"
  bash -c "$command"
done < "$app.install"
npm ls --depth=0 nestjs-portone @nestjs/common @nestjs/axios @nestjs/config @nestjs/terminus

for ts in ts5.9 ts6 ts7; do
  tsc="$tools/node_modules/$ts/bin/tsc"
  echo "-- $row: type-check with TypeScript $("$tsc" --version | sed 's/^Version //') (skipLibCheck false)"
  "$tsc" -p tsconfig.json --noEmit
done
if [[ -f tsconfig.node10.json ]]; then
  echo "-- $row: type-check with node10 resolution (typesVersions), the skeleton's TypeScript"
  npx --no-install tsc -p tsconfig.node10.json
fi

echo "-- $row: build with the skeleton's TypeScript, run with plain node $(node --version)"
npx --no-install tsc -p tsconfig.json
node dist/src/main.js

echo "-- $row: import and require see the same named exports, the same objects (one build, no dual-package hazard)"
cp "$here/consumer/esm-named-exports.mjs" .
node esm-named-exports.mjs

case $row in
  nest11-cjs)
    echo "-- $row: e2e tests with jest (npm run test:e2e): the app's, and the README's testing example"
    npm run test:e2e -- --ci
    ;;
  nest12-esm | nest12-fastify)
    echo "-- $row: e2e tests with Vitest (npm run test:e2e)"
    npm run test:e2e
    ;;
esac
echo "-- $row: passed in $((SECONDS - started))s"
