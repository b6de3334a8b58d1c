#!/usr/bin/env bash
# `npm run test:node-matrix`: the whole suite, both legs (jest on NestJS 11, Vitest on NestJS 12), on every Node
# in scripts/node-matrix/versions (or only those in $NODE_MATRIX, e.g. NODE_MATRIX=22.23.5), one after another
# (each run already uses every core). Each Node comes from the npm registry's node-<os>-<arch> package, installed
# once into a cache folder outside the repository (${XDG_CACHE_HOME:-~/.cache}/nestjs-portone/node/<version>),
# so a clean CI machine fills it on its first run. Prints each Node's time and test counts; any failure fails the
# run after every Node has been tried.
set -euo pipefail
cd "$(dirname "$0")/.."
cache=${XDG_CACHE_HOME:-$HOME/.cache}/nestjs-portone/node
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x64 ;;
  Linux-aarch64) platform=linux-arm64 ;;
  Darwin-x86_64) platform=darwin-x64 ;;
  Darwin-arm64) platform=darwin-arm64 ;;
  *) echo "no node package for $(uname -s) $(uname -m)" >&2; exit 2 ;;
esac
read -r -a versions <<< "${NODE_MATRIX:-$(grep -v '^#' scripts/node-matrix/versions | tr '\n' ' ')}"

# The node binary of version $1, installed from the npm registry when the cache does not hold it.
node_bin() {
  local dir="$cache/$1"
  local bin="$dir/node_modules/node-$platform/bin/node"
  if [[ ! -x $bin ]]; then
    echo "-- installing node-$platform@$1 into $dir" >&2
    npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "node-$platform@$1" >&2
  fi
  "$bin" --version > /dev/null
  echo "$bin"
}

source scripts/node-matrix/test-counts.sh

bash scripts/system-packages.sh
bash compat/nestjs12/install.sh # the jest leg's child-process tests load NestJS 12 packages from there
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
summary=()
failed=()
for version in "${versions[@]}"; do
  bin_dir=$(dirname "$(node_bin "$version")")
  echo "== Node $version ($bin_dir)"
  started=$SECONDS
  status=passed
  # Both legs see this Node first on PATH: jest and Vitest, and every child process the tests spawn.
  PATH="$bin_dir:$PATH" node node_modules/jest/bin/jest.js --ci 2>&1 | tee "$logs/$version-jest.log" || status=failed
  PATH="$bin_dir:$PATH" bash compat/nestjs12/run.sh 2>&1 | tee "$logs/$version-vitest.log" || status=failed
  jest_counts=$(test_counts "$logs/$version-jest.log" '^Tests:')
  vitest_counts=$(test_counts "$logs/$version-vitest.log" '^ +Tests ')
  summary+=("Node $version: $status in $((SECONDS - started))s; jest (NestJS 11): ${jest_counts:-no result}; Vitest (NestJS 12): ${vitest_counts:-no result}")
  [[ $status == passed ]] || failed+=("$version")
done
echo "== Node matrix"
printf '   %s\n' "${summary[@]}"
if (( ${#failed[@]} > 0 )); then
  echo "Node matrix failed on: ${failed[*]}" >&2
  exit 1
fi
