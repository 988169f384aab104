"""The front end's module as anywidget imports it: the bundle loaded once per page.

anywidget imports a widget's ``_esm`` text anew for every model (a new blob URL each
time), so each display parsed, compiled and ran the whole bundle again; its compile hint
(``//# allFunctionsCalledOnLoad``) makes the compile eager: 7-15 ms per display on a
2-core machine, 3-15 ms of it on the page's main thread (the loader's import: 3-6 ms).
The loader below is what anywidget imports
instead: a string constant and one import. The first display in a page puts the bundle
at a blob URL kept on ``globalThis`` under a key naming this bundle's contents; every
later display imports that same URL, which the browser's module map answers without
loading anything. It needs nothing anywidget's own loading does not (a blob URL and a
module import), so it works wherever the widget did: JupyterLab, Notebook 7, VS Code,
Colab, marimo and saved widget state.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

# Far above the bundle's size (tens of KB): a file this big is no bundle of ours.
MAX_BUNDLE_BYTES = 8 * 1024 * 1024


def js_string(text: str) -> str:
    """``text`` as a single-quoted JavaScript string literal."""
    escaped = (
        text.replace("\\", "\\\\")
        .replace("'", "\\'")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
    return f"'{escaped}'"


def esm_loader(bundle: Path) -> str | Path:
    """The ``_esm`` of the widget whose module is ``bundle``: the loader described above.

    With ``ANYWIDGET_HMR`` set (anywidget's hot reload while developing the front end)
    it is the file itself, which anywidget watches.

    Raises
    ------
    ValueError
        If ``bundle`` is larger than :data:`MAX_BUNDLE_BYTES`.
    """
    if os.environ.get("ANYWIDGET_HMR"):
        return bundle
    size = bundle.stat().st_size
    if size > MAX_BUNDLE_BYTES:
        raise ValueError(f"bundle: {bundle} is {size:,} bytes; expected at most {MAX_BUNDLE_BYTES:,}")
    source = bundle.read_text(encoding="utf-8")
    key = f"headwidget.bundle.{hashlib.sha256(source.encode()).hexdigest()[:16]}"
    return (
        f"const key = Symbol.for('{key}');\n"
        f"globalThis[key] ??= URL.createObjectURL(new Blob([{js_string(source)}], {{ type: 'text/javascript' }}));\n"
        "export default (await import(globalThis[key])).default;\n"
    )
