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
import math
import os
from pathlib import Path
from typing import Any

from .atomic import write_atomic, write_text
from .size import FigureSpec
from .snapshot import Snapshot, check_full
from .traits import synced

_STATIC = Path(__file__).parent / "static"
FORMATS = (".svg", ".png", ".pdf", ".html")
MAX_DPI = 2400
MAX_PNG_SIDE = 32768  # pixels: matplotlib's renderer refuses 2**16, and such a PNG is a mistake


def save(
    widget: Any,
    path: str | os.PathLike,
    *,
    full: bool = False,
    dpi: float = 150,
    counts: bool | None = None,
    width: float | str | None = None,
    font_size: float | None = None,
    ncols: int | None = None,
    panels: Any = None,
    legend: str | None = "left",
    xlabel: str | None = "layer",
    ylabel: str | None = "head",
) -> None:
    """Write ``widget`` to ``path``; the format follows the extension (see module doc).

    Every option is checked, and the figure made, before anything is written; the file
    is written beside ``path`` and renamed over it when complete, so a failed save leaves
    an existing file as it was. ``counts`` adds the per-layer count bars to a static
    figure (None: the widget's ``show_counts``); the size options (``width``,
    ``font_size``, ``ncols``, ``panels``, ``legend``, ``xlabel``, ``ylabel``, see
    :class:`~headwidget.size.FigureSpec`) shape the SVG, PNG and PDF. The HTML page is
    the live view, which sizes itself.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"path {str(path)!r} has extension {suffix!r}; expected one of {', '.join(FORMATS)}")
    check_dpi(dpi)
    full = check_full(full)  # "no" would be truthy: refuse rather than guess
    spec = FigureSpec.parse(width, font_size, ncols, panels, legend, xlabel, ylabel)
    if suffix == ".html":
        text = standalone_html(widget, full=full)
        write_text(path, text)
        return
    snapshot = Snapshot.of(widget, full=full, counts=resolve_counts(widget, counts))
    from .figure import Layout

    layout = Layout.of(snapshot, spec)  # every size and name checked here, before any file
    if suffix == ".svg":
        from .svg import draw_svg

        svg = draw_svg(layout)
        write_text(path, svg)
        return
    if suffix == ".png" and max(layout.width_in, layout.height_in) * dpi > MAX_PNG_SIDE:
        raise ValueError(
            f"dpi {dpi!r} makes a PNG of {layout.width_in * dpi:.0f} x {layout.height_in * dpi:.0f} pixels; "
            f"expected at most {MAX_PNG_SIDE} a side (a lower dpi or a smaller width)"
        )
    from .mpl import save_matplotlib

    write_atomic(path, lambda file: save_matplotlib(snapshot, file, spec=spec, dpi=dpi, fmt=suffix[1:]))


def check_dpi(dpi: Any) -> float:
    """``dpi`` as a float, or a ValueError / TypeError saying what is expected."""
    if isinstance(dpi, (bool, str)) or not isinstance(dpi, (int, float)) and not hasattr(dpi, "__float__"):
        raise TypeError(f"dpi must be a number of pixels per inch, e.g. 300; got {type(dpi).__name__} {dpi!r}")
    try:
        value = float(dpi)
    except OverflowError:  # an int beyond float's range
        value = math.inf
    if not (math.isfinite(value) and 0 < value <= MAX_DPI):
        raise ValueError(f"dpi must be a number of pixels per inch above 0 and at most {MAX_DPI}; got {dpi!r}")
    return value


def resolve_counts(widget: Any, counts: Any) -> bool:
    """``counts``, or with None the widget's ``show_counts`` (False when it has none)."""
    if counts is None:
        return bool(getattr(widget, "show_counts", False))
    if not isinstance(counts, bool):
        raise TypeError(
            f"counts must be True, False or None (the widget's show_counts); got {type(counts).__name__} {counts!r}"
        )
    return counts


def widget_state(widget: Any, *, full: bool = False) -> dict[str, Any]:
    """The synced state (every trait :func:`~headwidget.traits.synced` lists) as JSON,
    encoded as the comm encodes it, binary buffers as ``{"$bytes": base64}``."""
    full = check_full(full)  # before the state: "no" is not True
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
