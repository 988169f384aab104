"""Hatch build hook: bundle js/ with esbuild into src/headwidget/static/.

Runs for wheels and editable installs, so ``pip install -e .`` in a fresh clone
and ``python -m build`` both produce a package that carries its front end.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

BUNDLE = ("widget.js", "standalone.js", "widget.css")


class EsbuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        static = root / "src" / "headwidget" / "static"
        sources = sorted((root / "js").glob("*.[jc]s*"))
        if not sources:  # a wheel built from an sdist that already holds the bundle
            self._require(static)
            return
        newest_source = max(p.stat().st_mtime for p in sources)
        built = [static / name for name in BUNDLE]
        if all(p.exists() and p.stat().st_mtime >= newest_source for p in built):
            return
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError("building headwidget's front end needs npm (Node.js >= 18) on PATH")
        if not (root / "node_modules" / ".bin" / "esbuild").exists():
            subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=root, check=True)
        subprocess.run([npm, "run", "build"], cwd=root, check=True)
        self._require(static)

    @staticmethod
    def _require(static: Path) -> None:
        missing = [name for name in BUNDLE if not (static / name).exists()]
        if missing:
            raise RuntimeError(f"front-end bundle missing from {static}: {missing}")
