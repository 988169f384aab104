#!/usr/bin/env bash
# Shared by demo.sh and test.sh: a project venv at .venv with headwidget installed
# editable (the build hook bundles js/ with esbuild), plus the extras asked for.
# Usage: source scripts/setup.sh EXTRAS   (e.g. "lab" or "dev")
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v node >/dev/null || { echo "headwidget needs Node.js >= 18 and npm to build its front end" >&2; exit 1; }
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
[ -x node_modules/.bin/esbuild ] || npm ci --no-audit --no-fund --loglevel=error
npm run --silent build >/dev/null
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[$1]"
export PATH="$ROOT/.venv/bin:$PATH"
