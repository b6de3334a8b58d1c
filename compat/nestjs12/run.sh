#!/usr/bin/env bash
# The NestJS 12 leg of `npm test`: runs the repository's test files with Vitest against the NestJS 12
# packages of this folder (see vitest.config.mjs). Installs this folder's node_modules from its own lock on
# first use and whenever the lock changed. Extra arguments go to Vitest (e.g. one test file).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
stamp="$here/node_modules/.installed-lock.json"
if ! cmp -s "$here/package-lock.json" "$stamp"; then
  echo "installing the NestJS 12 test dependencies (compat/nestjs12)"
  npm ci --prefix "$here" --no-audit --no-fund --loglevel=error
  cp "$here/package-lock.json" "$stamp"
fi
cd "$here/../.."
exec "$here/node_modules/.bin/vitest" run --config "$here/vitest.config.mjs" "$@"
