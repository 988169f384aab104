"""Hatch build hook: the front-end bundle in src/headwidget/static/ (gitignored).

Runs for the sdist, the wheel and editable installs, before hatch collects files,
with one rule:

- In a source tree (a git checkout or a source archive: no ``PKG-INFO`` at the
  root), build the bundle when one of its files is missing or older than an input
  (``js/``, ``package.json``, ``package-lock.json``): ``npm ci`` if esbuild is not
  installed yet, then ``npm run build``. A fresh bundle is left alone, so no npm is
  needed then.
- In an unpacked sdist (hatch writes ``PKG-INFO`` at its root, a source tree has
  none), use the bundle the sdist carries and never call npm. The sdist holds no
  ``js/`` to build from, and hatch stamps every file in it with one fixed
  (reproducible) mtime, so comparing times there would mean nothing.

Either way the three bundle files must exist afterwards; ``artifacts`` in
pyproject.toml then puts them into the sdist and the wheel although git ignores them.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

BUNDLE = ("widget.js", "standalone.js", "widget.css", "embed.js")
INPUTS = ("package.json", "package-lock.json")


class EsbuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name not in ("sdist", "wheel"):
            return
        root = Path(self.root)
        static = root / "src" / "headwidget" / "static"
        if not (root / "PKG-INFO").exists():
            reason = _stale(root, [static / name for name in BUNDLE])
            if reason:
                _build(root, reason)
        missing = [name for name in BUNDLE if not (static / name).is_file()]
        if missing:
            raise RuntimeError(
                f"headwidget's front-end bundle is missing from {static}: {', '.join(missing)}. "
                "An sdist must carry it: build the sdist from a source checkout, where this hook bundles js/."
            )


def _stale(root: Path, bundle: list[Path]) -> str | None:
    """Why the bundle must be (re)built, or None when every file is newer than every input."""
    missing = [p.name for p in bundle if not p.is_file()]
    if missing:
        return f"{', '.join(missing)} missing from src/headwidget/static/"
    inputs = [p for p in (root / "js").rglob("*") if p.is_file()]
    inputs += [root / name for name in INPUTS if (root / name).exists()]
    oldest_output = min(p.stat().st_mtime for p in bundle)
    newer = [p for p in inputs if p.stat().st_mtime > oldest_output]
    return f"it is older than {newer[0].relative_to(root)}" if newer else None


def _build(root: Path, reason: str) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError(
            f"headwidget's front-end bundle must be built ({reason}), which needs Node.js >= 18 with "
            "npm on PATH. Install Node.js, or install headwidget from an sdist or a wheel: both carry "
            "the built bundle."
        )
    if not (root / "node_modules" / ".bin" / "esbuild").exists():
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=root, check=True)
    subprocess.run([npm, "run", "build"], cwd=root, check=True)
