"""The figure as a standalone SVG document, in pure Python (no matplotlib).

:func:`render_svg` draws the :class:`~headwidget.layout.Layout` of a
:class:`~headwidget.snapshot.Snapshot`; every position, size and tick comes from
the layout, so the SVG and the matplotlib figure (:mod:`headwidget.mpl`) are the
same figure.

Each panel is a ``<g data-panel="i">``; its cells are in a ``<g class="cells">``:
one grey background ``<rect>``, then one ``<path>`` per colour (lower-case
``fill="#rrggbb"``) with a subpath ``M x y h w v cell h -w z`` per horizontal run
of that colour in a head row; the group is translated to the panel's corner, so
cell coordinates are
``column * cell`` and ``row * cell`` (column = layer - first layer shown,
row = head - first head shown).
All user text is XML-escaped, and the output is byte-identical for identical
input (integer geometry, fixed number formatting, no ids).
"""

from __future__ import annotations

import re
from itertools import groupby
from xml.sax.saxutils import escape

from .layout import BACKGROUND, FONT_FAMILY, MUTED_COLOUR, TEXT_COLOUR, TEXT_SIZE, Layout, Panel, Text
from .snapshot import Snapshot

# Characters XML 1.0 forbids; replaced so any name gives a well-formed document.
_INVALID_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ATTR_ENTITIES = {'"': "&quot;", "'": "&apos;"}


def render_svg(snapshot: Snapshot) -> str:
    """The snapshot as a standalone SVG document (a str, ends with a newline).

    Parameters
    ----------
    snapshot : Snapshot
        What to draw, e.g. ``Snapshot.of(widget)``.

    Returns
    -------
    str
        ``<svg xmlns=...>`` with width, height and viewBox set from the content.
    """
    layout = Layout.of(snapshot)
    width, height = layout.width, layout.height
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family="{", ".join(FONT_FAMILY)}" font-size="{TEXT_SIZE}" fill="{TEXT_COLOUR}">',
        f'<rect class="background" x="0" y="0" width="{width}" height="{height}" fill="{BACKGROUND}"/>',
    ]
    if layout.title:
        out.append(_text(layout.title, "title"))
    out.append('<g class="legend">')
    for row in layout.legend:
        box = row.swatch
        out.append(
            f'<g class="legend-row"><rect x="{_num(box.x)}" y="{_num(box.y)}" width="{_num(box.width)}" '
            f'height="{_num(box.height)}" fill="{_attr(str(row.colour).lower())}"/>{_text(row.text)}</g>'
        )
    out.append("</g>")
    for panel in layout.panels:
        out.append(_panel(panel, layout))
        if panel.index == 0 and layout.counts:
            out.append(_count_bars(layout))
    return "\n".join([*out, "</svg>"]) + "\n"


def _count_bars(layout: Layout) -> str:
    """The layout's count bars: one rect per group per layer."""
    rects = [
        f'<rect x="{_num(bar.box.x)}" y="{_num(bar.box.y)}" width="{_num(bar.box.width)}" '
        f'height="{_num(bar.box.height)}" fill="{_attr(bar.colour)}"/>'
        for bar in layout.counts.bars  # type: ignore[union-attr]
    ]
    return f'<g class="counts" shape-rendering="crispEdges">{"".join(rects)}</g>'


def _panel(panel: Panel, layout: Layout) -> str:
    plot, cell = panel.plot, layout.cell
    grey = str(layout.unclassified).lower()
    parts = [
        f'<g class="panel" data-panel="{panel.index}">',
        _text(panel.title, "panel-title"),
        # Cell coordinates are relative to the panel's top-left corner (shorter numbers).
        f'<g class="cells" transform="translate({_num(plot.x)} {_num(plot.y)})" shape-rendering="crispEdges">',
        f'<rect x="0" y="0" width="{_num(plot.width)}" height="{_num(plot.height)}" fill="{_attr(grey)}"/>',
    ]
    # One path per colour, a subpath per run of equal cells in a head row: a dense
    # 126 x 128 map stays a few hundred KB instead of megabytes of <rect>s.
    runs: dict[str, list[str]] = {}
    for y, colours in enumerate(panel.colours):
        col = 0
        for colour, run in groupby(str(c).lower() for c in colours):
            n = sum(1 for _ in run)
            if colour != grey:
                runs.setdefault(colour, []).append(f"M{col * cell} {y * cell}h{n * cell}v{cell}h-{n * cell}z")
            col += n
    for colour, subpaths in runs.items():
        parts.append(f'<path fill="{_attr(colour)}" d="{"".join(subpaths)}"/>')
    parts.append("</g>")
    frame = panel.frame
    parts.append(
        f'<rect class="frame" x="{_num(frame.x)}" y="{_num(frame.y)}" width="{_num(frame.width)}" '
        f'height="{_num(frame.height)}" fill="none" stroke="{MUTED_COLOUR}" stroke-width="1"/>'
    )
    ticks = panel.x_ticks + panel.y_ticks
    marks = " ".join(_line(*tick.mark) for tick in ticks)
    size = ticks[0].label.size if ticks else TEXT_SIZE
    labels = "".join(_text(tick.label, inherited=size) for tick in ticks)
    parts.append(f'<path class="ticks" d="{marks}" stroke="{MUTED_COLOUR}" stroke-width="1" fill="none"/>')
    parts.append(f'<g class="tick-labels" font-size="{size}">{labels}</g>')
    if panel.x_label:
        parts.append(_text(panel.x_label, "x-label"))
    if panel.y_label:
        parts.append(_text(panel.y_label, "y-label"))
    parts.append("</g>")
    return "\n".join(parts)


def _text(text: Text, cls: str | None = None, *, inherited: int = TEXT_SIZE) -> str:
    """A ``<text>`` element, with its font size unless it is the enclosing element's ``inherited``."""
    x, y = _num(text.x), _num(text.y)
    attrs = [f'class="{cls}"'] if cls else []
    attrs += [f'x="{x}"', f'y="{y}"']
    if text.size != inherited:
        attrs.append(f'font-size="{text.size}"')
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


def _num(value: float) -> str:
    """A coordinate with fixed formatting: integers bare, else one decimal."""
    value = round(float(value), 1)
    return str(int(value)) if value.is_integer() else f"{value:.1f}"
