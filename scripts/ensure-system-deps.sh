#!/usr/bin/env bash
# `npm test` needs three things from the system: Chromium for the end-to-end tests (Playwright's own browser
# download is not used), redis-server for the Redis scale-out test (tests/scale-out-redis.test.ts), and
# Poppler's pdftotext and pdftoppm, with which the tests read and look at the PDFs Pantau prints.
# Installs the missing Debian packages when we may; otherwise says what to do.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
redis="${REDIS_SERVER:-redis-server}"
missing=()
[ -x "$browser" ] || missing+=(chromium)
command -v "$redis" >/dev/null 2>&1 || missing+=(redis-server)
{ command -v pdftotext && command -v pdftoppm; } >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${missing[*]} for the tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "The tests need ${missing[*]}: install (Debian/Ubuntu) with: sudo apt-get install ${missing[*]}" >&2
[[ " ${missing[*]} " == *" chromium "* ]] && echo "or point CHROMIUM_PATH at a Chromium/Chrome binary (now: $browser)." >&2
[[ " ${missing[*]} " == *" redis-server "* ]] && echo "or point REDIS_SERVER at a redis-server binary." >&2
exit 1
