"""Static snapshots and the standalone page: ``widget.save(path)`` by extension.

* ``.svg`` — pure Python (:mod:`headwidget.svg`), deterministic;
* ``.png`` / ``.pdf`` — through matplotlib (``pip install "headwidget[export]"``);
* ``.html`` — one self-contained page: the front-end bundle inlined, the state
  embedded, fully interactive from ``file://`` with no kernel and no network.
"""

from __future__ import annotations

import base64
import html
import json
import os
from pathlib import Path
from typing import Any

from .snapshot import Snapshot
from .traits import synced

_STATIC = Path(__file__).parent / "static"
FORMATS = (".svg", ".png", ".pdf", ".html")


def save(
    widget: Any,
    path: str | os.PathLike,
    *,
    full: bool = False,
    dpi: float = 150,
    scale: float = 1.0,
    counts: bool = False,
) -> None:
    """Write ``widget`` to ``path``; the format follows the extension (see module doc).

    ``counts`` adds the per-layer count bars to a static figure (the HTML page is the
    live view, which always has them)."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"path {str(path)!r} has extension {suffix!r}; expected one of {', '.join(FORMATS)}")
    if not (isinstance(dpi, (int, float)) and dpi > 0) or not (isinstance(scale, (int, float)) and scale > 0):
        raise ValueError(f"dpi and scale must be positive numbers; got dpi={dpi!r}, scale={scale!r}")
    snapshot = Snapshot.of(widget, full=full, counts=counts)
    if suffix == ".svg":
        from .svg import render_svg

        Path(path).write_text(render_svg(snapshot), encoding="utf-8")
    elif suffix == ".html":
        Path(path).write_text(standalone_html(widget, full=full), encoding="utf-8")
    else:
        from .mpl import save_matplotlib

        save_matplotlib(snapshot, path, dpi=dpi, scale=scale, fmt=suffix[1:])


def widget_state(widget: Any, *, full: bool = False) -> dict[str, Any]:
    """The synced state (every trait :func:`~headwidget.traits.synced` lists) as JSON,
    encoded as the comm encodes it, binary buffers as ``{"$bytes": base64}``."""
    state = {key: _json(value) for key, value in widget.get_state(key=list(synced(type(widget)))).items()}
    if full:
        state["layer_range"] = [0, widget.shape[0] - 1]
        state["head_range"] = [0, widget.shape[1] - 1]
        state["visible"] = list(widget.categories)
    return state


def _json(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$bytes": base64.b64encode(bytes(value)).decode()}
    if isinstance(value, dict):
        return {key: _json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json(item) for item in value]
    return value


def script_json(value: Any) -> str:
    """JSON safe inside a ``<script>`` element: no ``<``, ``>``, ``&`` or line separators
    survive literally, so a name like ``</script><script>…`` cannot end the element."""
    text = json.dumps(value, ensure_ascii=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):  # fmt: skip
        text = text.replace(char, escape)
    return text


def standalone_html(widget: Any, *, full: bool = False) -> str:
    """One self-contained, interactive page of the widget (bundle and state inlined)."""
    bundle = (_STATIC / "standalone.js").read_text(encoding="utf-8")
    css = (_STATIC / "widget.css").read_text(encoding="utf-8")
    if "</script" in bundle.lower() or "</style" in css.lower():
        raise RuntimeError("the front-end bundle contains a closing tag and cannot be inlined")
    title = html.escape(widget.title or "headwidget")
    state = script_json(widget_state(widget, full=full))
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>\nbody {{ margin: 16px; background: #fff; }}\n{css}</style>\n</head>\n<body>\n"
        '<div id="headwidget"></div>\n'
        f'<script type="application/json" id="headwidget-state">{state}</script>\n'
        f'<script type="module">\n{bundle}</script>\n</body>\n</html>\n'
    )
