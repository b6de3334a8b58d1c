#!/usr/bin/env bash
# The NestJS 12 leg of `npm test`: runs the repository's test files with Vitest against the NestJS 12
# packages of this folder (see vitest.config.mjs). Installs this folder's node_modules from its own lock on
# first use and whenever the lock changed. Extra arguments go to Vitest (e.g. one test file).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bash "$here/install.sh"
cd "$here/../.."
exec "$here/node_modules/.bin/vitest" run --config "$here/vitest.config.mjs" "$@"
