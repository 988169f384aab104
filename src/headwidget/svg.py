"""The figure as a standalone SVG document, in pure Python (no matplotlib).

:func:`render_svg` draws the :class:`~headwidget.figure.Layout` of a
:class:`~headwidget.snapshot.Snapshot` at a :class:`~headwidget.size.FigureSpec`;
every position, size and tick comes from the layout, so the SVG and the matplotlib
figure (:mod:`headwidget.mpl`) are the same figure.

The root has the physical size (``width="3.25in"``) and a ``viewBox`` in CSS px (96 per
inch), so a font size of ``pt * 96 / 72`` px is that many points on the page, and
``style="max-width: 100%; height: auto"``: inline in a page it shrinks to the page's width
rather than be clipped (papers' tools ignore the style). Each panel
is a ``<g data-panel="i">``; its cells are in a ``<g class="cells">`` translated to the
panel's corner and scaled by the cell's sides (``scale(s)``, or ``scale(sx sy)`` for a crop,
whose cells fill the whole model's box), so cell coordinates are whole cells: one
grey background ``<rect>`` of (layers shown) x (heads shown), then one ``<path>`` per
colour (lower-case ``fill="#rrggbb"``) with a subpath ``M col row h n v 1 h -n z`` per
horizontal run of that colour in a head row (column = layer - first layer shown,
row = head - first head shown). All user text is XML-escaped, and the output is
byte-identical for identical input (fixed number formatting, no ids).

``draw_svg(layout, raster=True)`` is the display's static figure (:mod:`headwidget.published`): the same document,
but each panel's cells are one ``<image class="cells">`` filling the panel's box, a PNG
with one pixel per head (:func:`headwidget.png.indexed_png`, base64 in a data URI) drawn
with ``image-rendering: pixelated``; the text stays ``<text>``. A dense 126 x 128 x 12
map is then about 10 times smaller and cheaper than its vector cells.
"""

from __future__ import annotations

import base64
import re
from itertools import groupby
from xml.sax.saxutils import escape

from .figure import Layout
from .layout import BACKGROUND, FONT_FAMILY, MUTED_COLOUR, TEXT_COLOUR, Panel, Text, Tick
from .png import indexed_png
from .size import FigureSpec
from .snapshot import Snapshot

# Characters XML 1.0 forbids; replaced so any name gives a well-formed document.
_INVALID_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ATTR_ENTITIES = {'"': "&quot;", "'": "&apos;"}


def render_svg(snapshot: Snapshot, spec: FigureSpec | None = None) -> str:
    """The snapshot as a standalone SVG document (a str, ends with a newline).

    Parameters
    ----------
    snapshot : Snapshot
        What to draw, e.g. ``Snapshot.of(widget)``.
    spec : FigureSpec, optional
        Width, font size, panels, legend, axis labels (default: 7 in, 8 pt).

    Returns
    -------
    str
        ``<svg xmlns=...>`` with width and height in inches and a viewBox in px.
    """
    return draw_svg(Layout.of(snapshot, spec))


def draw_svg(layout: Layout, *, raster: bool = False) -> str:
    """A :class:`~headwidget.figure.Layout` as an SVG document; with ``raster`` each panel's
    cells are one embedded PNG (the display's static figure), else vector paths."""
    width, height, font = _num(layout.width), _num(layout.height), _num(layout.font, 3)
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_num(layout.width_in, 4)}in" '
        f'height="{_num(layout.height_in, 4)}in" viewBox="0 0 {width} {height}" '
        # Inline in a page (a notebook output, an HTML export) it shrinks to the page's width.
        'style="max-width: 100%; height: auto" '
        f'font-family="{", ".join(FONT_FAMILY)}" font-size="{font}" fill="{TEXT_COLOUR}">',
        f'<rect class="background" x="0" y="0" width="{width}" height="{height}" fill="{BACKGROUND}"/>',
    ]
    if layout.title:
        out.append(_text(layout.title, font, "title"))
    out.append('<g class="legend">')
    for row in layout.legend:
        box = row.swatch
        out.append(
            f'<g class="legend-row"><rect x="{_num(box.x)}" y="{_num(box.y)}" width="{_num(box.width)}" '
            f'height="{_num(box.height)}" fill="{_attr(str(row.colour).lower())}"/>{_text(row.text, font)}</g>'
        )
    out.append("</g>")
    for panel in layout.panels:
        out.append(_panel(panel, layout, raster))
    if layout.counts:
        out.append(_count_bars(layout))
    return "\n".join([*out, "</svg>"]) + "\n"


def _count_bars(layout: Layout) -> str:
    """The layout's count bars (one rect per group per layer), then their scale."""
    counts = layout.counts
    assert counts is not None
    rects = [
        f'<rect x="{_num(bar.box.x)}" y="{_num(bar.box.y)}" width="{_num(bar.box.width)}" '
        f'height="{_num(bar.box.height)}" fill="{_attr(bar.colour)}"/>'
        for bar in counts.bars
    ]
    parts = [f'<g class="counts" shape-rendering="crispEdges">{"".join(rects)}</g>']
    axis = _line(*counts.axis) if counts.axis else ""
    parts.append(_ticks(counts.ticks, layout, "counts-axis", "counts-scale", axis))
    return "\n".join(parts)


def _ticks(ticks: tuple[Tick, ...], layout: Layout, marks_cls: str, labels_cls: str, extra: str = "") -> str:
    """Tick marks as one path, then their labels in one group."""
    marks = " ".join([extra, *(_line(*tick.mark) for tick in ticks)]).strip()
    font = _num(layout.font, 3)
    labels = "".join(_text(tick.label, font) for tick in ticks)
    return (
        f'<path class="{marks_cls}" d="{marks}" stroke="{MUTED_COLOUR}" stroke-width="{_num(layout.line, 3)}" '
        f'fill="none"/>\n<g class="{labels_cls}">{labels}</g>'
    )


def _panel(panel: Panel, layout: Layout, raster: bool = False) -> str:
    font = _num(layout.font, 3)
    parts = [f'<g class="panel" data-panel="{panel.index}">', _text(panel.title, font, "panel-title")]
    parts.append(_image(panel) if raster else _vector_cells(panel, layout))
    frame = panel.frame
    parts.append(
        f'<rect class="frame" x="{_num(frame.x)}" y="{_num(frame.y)}" width="{_num(frame.width)}" '
        f'height="{_num(frame.height)}" fill="none" stroke="{MUTED_COLOUR}" stroke-width="{_num(panel.line, 3)}"/>'
    )
    parts.append(_ticks(panel.x_ticks + panel.y_ticks, layout, "ticks", "tick-labels"))
    if panel.x_label:
        parts.append(_text(panel.x_label, font, "x-label"))
    if panel.y_label:
        parts.append(_text(panel.y_label, font, "y-label"))
    parts.append("</g>")
    return "\n".join(parts)


def _image(panel: Panel) -> str:
    """The panel's cells as one PNG stretched over its box, a pixel per head, unsmoothed."""
    plot = panel.plot
    png = base64.b64encode(indexed_png(panel.codes, panel.lookup)).decode()
    return (
        f'<image class="cells" x="{_num(plot.x)}" y="{_num(plot.y)}" width="{_num(plot.width)}" '
        f'height="{_num(plot.height)}" preserveAspectRatio="none" style="image-rendering:pixelated" '
        f'href="data:image/png;base64,{png}"/>'
    )


def _vector_cells(panel: Panel, layout: Layout) -> str:
    """The panel's cells in whole cells (the group scaled by the cell's sides): a grey
    background, then one path per colour."""
    plot = panel.plot
    grey = str(layout.unclassified).lower()
    n_heads, n_layers = panel.codes.shape
    sx, sy = _num(layout.cell_x, 4), _num(layout.cell_y, 4)
    scale = sx if sx == sy else f"{sx} {sy}"
    parts = [
        f'<g class="cells" transform="translate({_num(plot.x)} {_num(plot.y)}) scale({scale})" '
        'shape-rendering="crispEdges">',
        f'<rect x="0" y="0" width="{n_layers}" height="{n_heads}" fill="{_attr(grey)}"/>',
    ]
    # One path per colour, a subpath per run of equal cells in a head row: a dense
    # 126 x 128 map stays a few hundred KB instead of megabytes of <rect>s.
    runs: dict[str, list[str]] = {}
    for y, colours in enumerate(panel.colours):
        col = 0
        for colour, run in groupby(str(c).lower() for c in colours):
            n = sum(1 for _ in run)
            if colour != grey:
                runs.setdefault(colour, []).append(f"M{col} {y}h{n}v1h-{n}z")
            col += n
    for colour, subpaths in runs.items():
        parts.append(f'<path fill="{_attr(colour)}" d="{"".join(subpaths)}"/>')
    parts.append("</g>")
    return "\n".join(parts)


def _text(text: Text, inherited: str, cls: str | None = None) -> str:
    """A ``<text>`` element, with its font size unless it is the enclosing element's ``inherited``."""
    x, y = _num(text.x), _num(text.y)
    attrs = [f'class="{cls}"'] if cls else []
    attrs += [f'x="{x}"', f'y="{y}"']
    if _num(text.size, 3) != inherited:
        attrs.append(f'font-size="{_num(text.size, 3)}"')
    if text.bold:
        attrs.append('font-weight="bold"')
    if text.anchor != "start":
        attrs.append(f'text-anchor="{text.anchor}"')
    if text.upright:
        attrs.append(f'transform="rotate(-90 {x} {y})"')
    return f"<text {' '.join(attrs)}>{escape(_clean(text.text))}</text>"


def _line(x0: float, y0: float, x1: float, y1: float) -> str:
    """A path segment, as a vertical or horizontal move when it is one."""
    if x0 == x1:
        return f"M{_num(x0)} {_num(y0)}v{_num(y1 - y0)}"
    if y0 == y1:
        return f"M{_num(x0)} {_num(y0)}h{_num(x1 - x0)}"
    return f"M{_num(x0)} {_num(y0)}L{_num(x1)} {_num(y1)}"


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", str(text))


def _attr(text: str) -> str:
    """Escaped attribute value (inside double quotes)."""
    return escape(_clean(text), _ATTR_ENTITIES)


def _num(value: float, digits: int = 2) -> str:
    """A number with fixed formatting: at most ``digits`` decimals, no trailing zeros."""
    text = f"{round(float(value), digits):.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
