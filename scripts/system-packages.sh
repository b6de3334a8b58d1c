#!/usr/bin/env bash
# The programs the test suite drives for real, besides Node: Debian's Chromium (the emulator inspector's browser
# test), redis-server (the webhook claim store shared by two app instances) and openssl (the proxy test makes a
# certificate). `npm test` runs this first (pretest) and .ci/run calls it, so a fresh machine needs nothing by
# hand: missing packages are installed with apt-get when we can (root on Debian/Ubuntu); otherwise it says what
# to install and stops before the suite starts, rather than letting three suites fail obscurely.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
[ ${#missing[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing the system packages the tests use: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  exit 0
fi

echo "The tests need these programs, which are not installed: ${missing[*]}" >&2
echo "Install them (Debian/Ubuntu: sudo apt-get install -y ${missing[*]}) and run npm test again." >&2
exit 1
