#!/usr/bin/env bash
# Every test: installs what they need (Debian's chromium, the dev extra, esbuild),
# then ruff, tsc --checkJs (JSDoc types), node --test for the pure JS modules, and pytest (browser tests included).
set -euo pipefail
# Debian's chromium for the browser tests, poppler-utils' pdftoppm to read printed PDFs back.
if [ ! -x /usr/bin/chromium ] || ! command -v pdftoppm >/dev/null; then
  echo "installing Debian's chromium and poppler-utils for the browser and published-page tests"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium poppler-utils >/dev/null
fi
source "$(dirname "$0")/setup.sh" dev
ruff check .
ruff format --check src tests benchmarks scripts hatch_build.py
npx --no-install tsc -p .
node --test tests/js/
python -m pytest "$@"
