"""The script that draws HeadMapWidget views live in published pages, offline.

``static/embed.js`` (built from ``js/embed.js``) is a classic script: it reads the page's
saved widget state (``application/vnd.jupyter.widget-state+json``, as nbconvert and myst-nb
write it) and draws every HeadMapWidget view with the bundled widget code, with no kernel
and no network. :mod:`headwidget.sphinx` serves it from a Sphinx site's ``_static``, and
:mod:`headwidget.nbconvert` inlines it into one HTML page (or PDF). Other widgets are not
drawn by it. Importing this module imports neither Sphinx nor nbconvert.
"""

from __future__ import annotations

from pathlib import Path

from .atomic import write_bytes

SCRIPT = Path(__file__).parent / "static" / "embed.js"


def script_bytes() -> bytes:
    """The built ``embed.js``; a missing bundle says how to build it."""
    try:
        return SCRIPT.read_bytes()
    except FileNotFoundError:
        hint = "reinstall headwidget, or run `npm run build` in a checkout"
        raise FileNotFoundError(f"{SCRIPT} is missing: {hint}") from None


def inline_script() -> str:
    """``embed.js`` as text safe inside an HTML ``<script>`` element (checked, not rewritten)."""
    text = script_bytes().decode("utf-8")
    lowered = text.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise RuntimeError(f"{SCRIPT} contains '</script' or '<!--' and cannot be inlined")
    return text


def copy_script(target: str | Path) -> Path:
    """Write ``embed.js`` to ``target`` (a temporary file beside it, renamed when complete)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(target, script_bytes())
    return target
