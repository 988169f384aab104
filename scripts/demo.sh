#!/usr/bin/env bash
# The main job: install, then open the quickstart notebook (a real model's published heads,
# then the synthetic example) in JupyterLab. The server's root is the repository, and the
# URL it prints is the notebook's. Extra arguments go to `jupyter lab` (e.g. --port=8899
# --no-browser).
set -euo pipefail
source "$(dirname "$0")/setup.sh" lab,export
args=(--ip=127.0.0.1 --ServerApp.root_dir="$ROOT" --LabApp.default_url=/lab/tree/notebooks/quickstart.ipynb)
[ "$(id -u)" = 0 ] && args+=(--allow-root)
exec jupyter lab "${args[@]}" "$@"
