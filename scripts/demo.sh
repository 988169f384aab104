#!/usr/bin/env bash
# The main job: install, then open the quickstart notebook (a real model's published heads, then the synthetic example) in JupyterLab.
# Extra arguments go to `jupyter lab` (e.g. --port=8899 --no-browser).
set -euo pipefail
source "$(dirname "$0")/setup.sh" lab,export
args=(--ip=127.0.0.1)
[ "$(id -u)" = 0 ] && args+=(--allow-root)
exec jupyter lab "${args[@]}" "$@" notebooks/quickstart.ipynb
