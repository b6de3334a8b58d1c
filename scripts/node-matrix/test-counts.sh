# Sourced by scripts/node-matrix.sh (and its test).
# test_counts LOG PATTERN: the last test-count line of a runner's log ("1143 passed, 1143 total"), or nothing.
# The logs are coloured (Vitest colours even when piped), and a leg that died early has no such line: neither
# may stop the matrix, which runs under `set -euo pipefail` and must try every Node and print every summary.
test_counts() {
  sed -E 's/\x1b\[[0-9;]*m//g' "$1" | { grep -E "$2" || true; } | tail -n 1 | sed -E "s/$2 *//"
}
