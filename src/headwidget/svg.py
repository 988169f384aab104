"""The figure as a standalone SVG document, in pure Python (no matplotlib).

:func:`render_svg` draws a :class:`~headwidget.snapshot.Snapshot` the way the
live view does (``js/draw.js``, ``static/widget.css``): optional title, the
legend on the left, then one panel per :meth:`Snapshot.panels` entry in a row,
square cells (``max(1, 240 // max(layers shown, heads shown))`` px, the front
end's rule at device pixel ratio 1), x = layer, y = head with the first head shown
at the top, and ticks thinned as the live view thins them where labels would overlap.

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

import math
import re
from itertools import groupby
from xml.sax.saxutils import escape

from .layout import min_tick_step, tick_values
from .snapshot import Snapshot

FONT_FAMILY = "DejaVu Sans, Arial, sans-serif"
TEXT_COLOUR = "#1f1f1f"
MUTED_COLOUR = "#555555"  # frame and tick marks, as the live view's --hw-fg-muted
MAX_PANEL_PX = 240

_PAD = 8  # margin around the figure
_TITLE_SIZE = 14
_TEXT_SIZE = 12
_PANEL_TITLE_SIZE = 13
_TICK_SIZE = 11
_TICK_LEN = 4
_TICK_GAP = 6  # panel edge to tick label
_SWATCH_W, _SWATCH_H = 20, 10
_LEGEND_PITCH = 19  # legend row height + gap
_PANEL_GAP = 14  # between one panel's right edge and the next panel's y area
_COUNTS_H, _COUNTS_GAP = 40, 3  # count bars above the composite, as js/counts.js and widget.css

# Characters XML 1.0 forbids; replaced so any name gives a well-formed document.
_INVALID_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ATTR_ENTITIES = {'"': "&quot;", "'": "&apos;"}


def cell_size(n_layers_shown: int, n_heads: int, max_px: int = MAX_PANEL_PX) -> int:
    """Pixels per (square) cell for ``n_layers_shown`` x ``n_heads`` (shown) cells:
    the front end's ``cellPixels`` at dpr 1."""
    return max(1, max_px // max(n_layers_shown, n_heads))


def ticks(snapshot: Snapshot, cell: float) -> tuple[list[int], list[int]]:
    """Layer and head ticks as the live view places them for ``cell`` px cells:
    :meth:`Snapshot.x_ticks` / :meth:`Snapshot.y_ticks`, thinned (``min_tick_step``)
    where labels that close would overlap."""
    first, last = snapshot.layers
    first_head, last_head = snapshot.heads
    return (
        tick_values(first, last, min_tick_step("x", last, cell)),
        tick_values(first_head, last_head, min_tick_step("y", last_head, cell)),
    )


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
    panels = snapshot.panels()
    legend = snapshot.legend()
    first, last = snapshot.layers
    first_head, last_head = snapshot.heads
    n_shown = last - first + 1
    n_heads = last_head - first_head + 1
    cell = cell_size(n_shown, n_heads)
    x_ticks, y_ticks = ticks(snapshot, cell)
    panel_w, panel_h = n_shown * cell, n_heads * cell
    grey = str(snapshot.palette["unclassified"]).lower()

    # Vertical layout.
    top = _PAD + (_TITLE_SIZE + 10 if snapshot.title else 0)
    bars = _COUNTS_H + _COUNTS_GAP if snapshot.counts else 0  # every panel's plot moves down, as in the view
    plot_top = top + _PANEL_TITLE_SIZE + 8 + bars
    x_label_base = plot_top + panel_h + _TICK_GAP + _TICK_SIZE + 16
    height = x_label_base + 4 + _PAD

    # Horizontal layout: legend, then one slot per panel.
    label_w = max((_text_width(label, _TEXT_SIZE) for label, _ in legend), default=0)
    legend_w = _SWATCH_W + 6 + label_w + 16
    y_tick_w = max((_text_width(str(t), _TICK_SIZE) for t in y_ticks), default=0)
    y_area = max(40, _TICK_GAP + y_tick_w + 8 + _TEXT_SIZE + 2)  # tick labels, then the rotated "head"
    x_tick_overhang = math.ceil(max((_text_width(str(t), _TICK_SIZE) for t in x_ticks), default=0) / 2)

    out: list[str] = []
    x = _PAD + legend_w
    for index, (title, grid) in enumerate(panels):
        title_w = _text_width(title, _PANEL_TITLE_SIZE)
        spill = max(0, math.ceil((title_w - panel_w) / 2))  # a long title reaching past the panel
        left = x + max(y_area, spill)
        origin = (first, first_head)
        panel = _panel(index, title, grid, left, plot_top, cell, grey, origin, x_ticks, y_ticks, y_area, bars)
        out.append(panel)
        if index == 0 and snapshot.counts:
            out.append(_count_bars(snapshot, left, plot_top - _COUNTS_GAP, cell))
        x = left + panel_w + max(spill, x_tick_overhang, 2) + _PANEL_GAP
    width = max(x - _PANEL_GAP + _PAD, _PAD + legend_w)
    if snapshot.title:
        width = max(width, _PAD * 2 + _text_width(snapshot.title, _TITLE_SIZE, bold=True))

    # Legend rows, centred on the panels' height; a taller legend makes the figure taller.
    legend_top = max(top, plot_top + (panel_h - len(legend) * _LEGEND_PITCH) // 2)
    height = max(height, legend_top + len(legend) * _LEGEND_PITCH + _PAD)

    head: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family="{FONT_FAMILY}" font-size="{_TEXT_SIZE}" fill="{TEXT_COLOUR}">',
        f'<rect class="background" x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    if snapshot.title:
        head.append(
            f'<text class="title" x="{_PAD}" y="{_PAD + _TITLE_SIZE}" font-size="{_TITLE_SIZE}" '
            f'font-weight="bold">{_text(snapshot.title)}</text>'
        )
    head.append('<g class="legend">')
    for row, (label, colour) in enumerate(legend):
        y = legend_top + row * _LEGEND_PITCH
        head.append(
            f'<g class="legend-row"><rect x="{_PAD}" y="{y + 4}" width="{_SWATCH_W}" height="{_SWATCH_H}" '
            f'fill="{_attr(str(colour).lower())}"/><text x="{_PAD + _SWATCH_W + 6}" y="{y + 13}">'
            f"{_text(label)}</text></g>"
        )
    head.append("</g>")
    return "\n".join([*head, *out, "</svg>"]) + "\n"


def _count_bars(snapshot: Snapshot, left: int, base: int, cell: int) -> str:
    """Per-layer count bars standing on ``base``: one rect per group per layer, stacked
    as the live view stacks them (heights rounded half up, as JavaScript rounds)."""
    counts, colours, busiest = snapshot.layer_counts()
    rects = []
    for column, row in enumerate(counts):
        y = base
        for n, colour in zip(row.tolist(), colours, strict=True):
            if not n:
                continue
            h = math.floor(n / busiest * _COUNTS_H + 0.5)
            rects.append(
                f'<rect x="{left + column * cell}" y="{y - h}" width="{cell}" height="{h}" fill="{_attr(colour)}"/>'
            )
            y -= h
    return f'<g class="counts" shape-rendering="crispEdges">{"".join(rects)}</g>'


def _panel(
    index: int,
    title: str,
    grid: object,
    left: int,
    top: int,
    cell: int,
    grey: str,
    origin: tuple[int, int],
    x_ticks: list[int],
    y_ticks: list[int],
    y_area: int,
    bars: int = 0,
) -> str:
    n_heads, n_shown = grid.shape  # type: ignore[attr-defined]
    first, first_head = origin  # the layer and head at the panel's top-left cell
    w, h = n_shown * cell, n_heads * cell
    centre = left + w / 2
    parts = [
        f'<g class="panel" data-panel="{index}">',
        f'<text class="panel-title" x="{_num(centre)}" y="{top - bars - 6}" font-size="{_PANEL_TITLE_SIZE}" '
        f'text-anchor="middle">{_text(title)}</text>',
        # Cell coordinates are relative to the panel's top-left corner (shorter numbers).
        f'<g class="cells" transform="translate({left} {top})" shape-rendering="crispEdges">',
        f'<rect x="0" y="0" width="{w}" height="{h}" fill="{_attr(grey)}"/>',
    ]
    # One path per colour, a subpath per run of equal cells in a head row: a dense
    # 126 x 128 map stays a few hundred KB instead of megabytes of <rect>s.
    runs: dict[str, list[str]] = {}
    for y in range(n_heads):
        col = 0
        for colour, run in groupby(str(c).lower() for c in grid[y]):  # type: ignore[index]
            n = sum(1 for _ in run)
            if colour != grey:
                runs.setdefault(colour, []).append(f"M{col * cell} {y * cell}h{n * cell}v{cell}h-{n * cell}z")
            col += n
    for colour, subpaths in runs.items():
        parts.append(f'<path fill="{_attr(colour)}" d="{"".join(subpaths)}"/>')
    parts.append("</g>")
    parts.append(
        f'<rect class="frame" x="{_num(left - 0.5)}" y="{_num(top - 0.5)}" width="{w + 1}" height="{h + 1}" '
        f'fill="none" stroke="{MUTED_COLOUR}" stroke-width="1"/>'
    )
    # Ticks: marks outside the frame, labels at cell centres.
    marks, labels = [], []
    bottom = top + h
    for layer in x_ticks:
        cx = _num(left + (layer - first + 0.5) * cell)
        marks.append(f"M{cx} {_num(bottom + 0.5)}v{_TICK_LEN}")
        labels.append(f'<text x="{cx}" y="{bottom + _TICK_GAP + _TICK_SIZE}" text-anchor="middle">{layer}</text>')
    for head in y_ticks:
        cy = top + (head - first_head + 0.5) * cell
        marks.append(f"M{_num(left - 0.5)} {_num(cy)}h-{_TICK_LEN}")
        labels.append(f'<text x="{left - _TICK_GAP}" y="{_num(cy + 4)}" text-anchor="end">{head}</text>')
    parts.append(f'<path class="ticks" d="{" ".join(marks)}" stroke="{MUTED_COLOUR}" stroke-width="1" fill="none"/>')
    parts.append(f'<g class="tick-labels" font-size="{_TICK_SIZE}">{"".join(labels)}</g>')
    label_y = bottom + _TICK_GAP + _TICK_SIZE + 16
    parts.append(f'<text class="x-label" x="{_num(centre)}" y="{label_y}" text-anchor="middle">layer</text>')
    ly = _num(top + h / 2)
    lx = left - y_area + _TEXT_SIZE
    parts.append(
        f'<text class="y-label" x="{lx}" y="{ly}" text-anchor="middle" transform="rotate(-90 {lx} {ly})">head</text>'
    )
    parts.append("</g>")
    return "\n".join(parts)


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", str(text))


def _text(text: str) -> str:
    """Escaped element content."""
    return escape(_clean(text))


def _attr(text: str) -> str:
    """Escaped attribute value (inside double quotes)."""
    return escape(_clean(text), _ATTR_ENTITIES)


def _num(value: float) -> str:
    """A coordinate with fixed formatting: integers bare, else one decimal."""
    value = round(float(value), 1)
    return str(int(value)) if value.is_integer() else f"{value:.1f}"


def _text_width(text: str, size: float, *, bold: bool = False) -> int:
    """A rough width in px of ``text`` in DejaVu Sans (used for layout only)."""
    em = 0.0
    for char in str(text):
        if char in "iljI.,;:!|'` ":
            em += 0.32
        elif char in "fstr()[]{}":
            em += 0.42
        elif char in "mwMW@%":
            em += 0.9
        elif char.isupper() or char in "&#<>=+~_":
            em += 0.7
        elif ord(char) > 0x2E7F:  # CJK and other wide scripts
            em += 1.0
        else:
            em += 0.6
    return math.ceil(em * size * (1.1 if bold else 1.0))
