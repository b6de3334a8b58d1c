#!/usr/bin/env bash
# Installs this folder's node_modules (the NestJS 12 packages) from its own lock, on first use and whenever the
# lock changed. run.sh calls it; so does `npm test` before the jest leg, whose child-process tests load
# @nestjs/axios 12 from here (test/module/esm-only-peer.e2e-spec.ts).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
stamp="$here/node_modules/.installed-lock.json"
if ! cmp -s "$here/package-lock.json" "$stamp"; then
  echo "installing the NestJS 12 test dependencies (compat/nestjs12)"
  npm ci --prefix "$here" --no-audit --no-fund --loglevel=error
  cp "$here/package-lock.json" "$stamp"
fi
