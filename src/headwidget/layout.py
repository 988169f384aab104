"""The figure's shared rules: panel order, ticks, cell size, the text-width estimate, and
the shapes a static figure is made of.

The rules the live view shares (``js/layout.js``: panel order, tick values, panels per
row and cell size, the count bars' size) are written here once, and
``tests/fixtures/layout.json``, made from this module and :mod:`headwidget.groups`,
keeps the front end to them. The static figure's geometry (:class:`~headwidget.figure.Layout`)
is computed in :mod:`headwidget.figure` from these rules and the shapes below: every
position and size in CSS px (96 per inch), y down.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

# Shared with the live view (the fixture's "constants").
COMPOSITE_TITLE = "All Categories"
MAX_PANEL_PX = 240  # longest side of a panel's cells, CSS px
MIN_CELL_PX = 3  # the live view wraps panels rather than draw smaller cells, CSS px
TICK_FONT_PX = 11  # the live view's tick labels
COUNTS_HEIGHT = 40  # the count bars' height at the busiest layer, CSS px at the live view's 11 px text
COUNTS_GAP = 3  # between the bars and the composite's cells

# The static figure's look (its geometry is in headwidget.figure, in em of its font).
FONT_FAMILY = ("DejaVu Sans", "Arial", "sans-serif")  # text_width estimates DejaVu Sans
TEXT_COLOUR = "#1f1f1f"
MUTED_COLOUR = "#555555"  # frame and tick marks, as the live view's --hw-fg-muted
BACKGROUND = "#ffffff"
# A line of DejaVu Sans as browsers box it (hhea ascender 1901, descender 483 of 2048
# units), in em: every text gets this much room above and below its baseline.
ASCENT, DESCENT = 0.93, 0.24
CENTRE = 0.35  # a label's baseline below the point its line box is centred on, in em


def tick_step(n: int, min_step: float = 1) -> int:
    """The step of an axis of ``n`` values: ``n // 5`` (at least 1), doubled until it is at
    least ``min_step``, so a thinned axis keeps every other tick of the same series."""
    step = max(1, n // 5)
    while step < min_step:
        step *= 2
    return step


def tick_values(first: int, last: int, n: int, min_step: float = 1) -> list[int]:
    """Ticks of the shown values ``first..last`` of an axis of ``n``: the axis's own
    multiples of :func:`tick_step` (0..31 of 32 -> 0, 6, ..., 30; a crop to 18..31 -> 18,
    24, 30), the same series however the axis is cropped or thinned. A crop between two
    ticks of the series marks its ends instead (its first alone when they would touch),
    so no shown axis is bare."""
    step = tick_step(n, min_step)
    ticks = list(range(-(-first // step) * step, last + 1, step))
    return ticks or ([first, last] if last - first >= max(min_step, 1) else [first])


def min_tick_step(axis: str, last: int, cell: float, font_px: float = TICK_FONT_PX) -> float:
    """Fewest values between two tick labels so they do not touch, for cells ``cell`` px
    wide and labels ``font_px`` px tall: along x the widest label (0.64 em a digit, a DejaVu
    Sans digit is 0.6) and 0.7 em of gap, along y 1.3 lines."""
    label = font_px * (0.64 * len(str(last)) + 0.7) if axis == "x" else font_px * 1.3
    return label / cell


def fit_panels(
    room: float,
    n_panels: int,
    n_layers: int,
    n_heads: int,
    extra: float,
    *,
    min_cell: float = MIN_CELL_PX,
    min_plot: float = 0,
    ncols: int | None = None,
    max_side: float = MAX_PANEL_PX,
    dpr: float | None = None,
) -> tuple[int, float]:
    """Panels per row and the side of a head's square cell, in px.

    Each of ``ncols`` panels in a row takes ``room / ncols`` px: ``extra`` px of axis and
    gap, then its cells, ``n_layers`` across. A cell never makes a panel's longest side
    exceed ``max_side``; with ``dpr`` (the live view) it is whole device pixels, at least
    one. Without ``ncols``, a row holds as many panels as keep the cells at least
    ``min_plot`` px wide and a cell at least ``min_cell`` px, or, for a model too big for
    that within ``max_side``, at least what ``max_side`` allows up to 1 px (and one device
    pixel): one row when they all fit, else as few rows as fit, evened out (3 + 2, not 4 + 1).
    """
    cap = max_side / max(n_layers, n_heads, 1)

    def whole(cell: float) -> float:  # a cell as drawn: whole device pixels (0 when none fits)
        return cell if dpr is None else math.floor(cell * dpr) / dpr

    def cell_at(cols: int) -> float:
        return min(cap, (room / cols - extra) / max(n_layers, 1))

    if ncols is None:
        need = min_cell if whole(cap) >= min_cell else max(min(whole(cap), 1), 1 / (dpr or math.inf))
        fits = (c for c in range(n_panels, 1, -1) if whole(cell_at(c)) >= need and cell_at(c) * n_layers >= min_plot)
        ncols = next(fits, 1)
        ncols = -(-n_panels // -(-n_panels // ncols))  # the same rows, evened out
    ncols = max(1, min(ncols, n_panels))
    return ncols, cell_at(ncols) if dpr is None else max(1 / dpr, whole(cell_at(ncols)))


def crop_cell(cell: float, n: int, shown: int) -> float:
    """The side along one axis of a head's cell when ``shown`` of the axis's ``n`` values fill
    a box sized for all ``n`` at ``cell`` px each: ``cell * n / shown``. A crop zooms inside
    a fixed box, so cells grow (and may be non-square); the live view's ``cropCell`` is the same."""
    return cell * n / max(shown, 1)


def panel_titles(categories: Sequence[str], shown: Sequence[bool]) -> list[str]:
    """The composite's title, then each visible category's name."""
    return [COMPOSITE_TITLE, *(name for name, on in zip(categories, shown, strict=True) if on)]


# DejaVu Sans advance widths of " " .. "~" (ASCII 32..126), in 1/2048 em, regular and bold,
# read from the font matplotlib ships (the font the SVG names first and the PNG/PDF use).
_ADVANCE = {
    False: (
        651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690, 1303, 1303, 1303, 1303,
        1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087, 2048, 1401, 1405, 1430, 1577, 1294,
        1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612, 1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025,
        1403, 1251, 1403, 799, 690, 799, 1716, 1024, 1024, 1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569, 569,
        1186, 569, 1995, 1298, 1253, 1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690, 1303,
        1716,
    ),
    True: (
        713, 934, 1067, 1716, 1425, 2052, 1786, 627, 936, 936, 1071, 1716, 778, 850, 778, 748, 1425, 1425, 1425, 1425,
        1425, 1425, 1425, 1425, 1425, 1425, 819, 819, 1716, 1716, 1716, 1188, 2048, 1585, 1561, 1503, 1700, 1399,
        1399, 1681, 1714, 762, 762, 1587, 1305, 2038, 1714, 1741, 1501, 1741, 1577, 1475, 1397, 1663, 1585, 2259,
        1579, 1483, 1485, 936, 748, 936, 1716, 1024, 1024, 1382, 1466, 1214, 1466, 1389, 891, 1466, 1458, 702, 702,
        1362, 702, 2134, 1458, 1407, 1466, 1466, 1010, 1219, 979, 1458, 1335, 1892, 1321, 1335, 1192, 1458, 748, 1458,
        1716,
    ),
}  # fmt: skip
_WIDE = 2048 * 1.15  # any other character ("…", accents, CJK): no DejaVu glyph is wider than this but a few symbols
# Hinting rounds advances to whole pixels at small sizes: matplotlib at 96 dpi draws 5 pt
# bold up to 7 % wider than the advances say. 8 % and 0.1 em more covers it (checked
# against matplotlib at 96 to 300 dpi, 5 to 12 pt, and Chromium in the tests).
TEXT_MARGIN, TEXT_EXTRA = 1.08, 0.1


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """An over-estimate of the width in px of ``text`` in DejaVu Sans at ``size`` px: the
    font's advances (kerning only narrows), 8 % and 0.1 em more, rounded up to a whole px."""
    advances = _ADVANCE[bool(bold)]
    units = sum(advances[ord(c) - 32] if 32 <= ord(c) < 127 else _WIDE for c in str(text))
    return math.ceil((units / 2048 * TEXT_MARGIN + TEXT_EXTRA) * size)


def truncate(text: str, room: float, size: float, *, bold: bool = False) -> str:
    """``text`` if it fits ``room`` px at ``size`` px, else its longest start that fits with "…"
    added ("…" alone when nothing does)."""
    if text_width(text, size, bold=bold) <= room:
        return text
    keep = len(text)
    while keep and text_width(text[:keep].rstrip() + "\u2026", size, bold=bold) > room:
        keep -= 1
    return text[:keep].rstrip() + "\u2026"


@dataclass(frozen=True)
class Box:
    """A rectangle in px: top-left corner, width and height."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height


@dataclass(frozen=True)
class Text:
    """One line of text: ``(x, y)`` is on its baseline, ``anchor`` as SVG's text-anchor."""

    text: str
    x: float
    y: float
    size: float  # px
    anchor: str = "start"  # "start", "middle" or "end"
    bold: bool = False
    upright: bool = False  # turned 90 degrees about (x, y) to read upwards


@dataclass(frozen=True)
class Tick:
    """A tick: its value (layer or head), the cell centre it marks, its mark and label."""

    value: int
    at: float  # px along the axis
    mark: tuple[float, float, float, float]  # line from (x0, y0) to (x1, y1), outside the frame
    label: Text


@dataclass(frozen=True)
class LegendRow:
    label: str
    colour: str
    swatch: Box
    text: Text


@dataclass(frozen=True)
class Bar:
    """One segment of a layer's count bar (one group), clipped to the bars' box."""

    layer: int
    group: int
    colour: str
    count: int
    box: Box


@dataclass(frozen=True)
class CountBars:
    """The per-layer count bars below the composite; ``busiest`` heads fill ``box.height``.

    ``ticks`` is their scale, left of the bars: 0 at the bottom, ``busiest`` at the top;
    ``axis`` the scale's line, (x0, y0, x1, y1)."""

    box: Box
    busiest: int
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...] = ()
    axis: tuple[float, float, float, float] | None = None


@dataclass(frozen=True)
class Panel:
    """One panel: title, cells, axes.

    ``codes`` is a (heads shown, layers shown) uint8 array of indices into ``lookup``
    ("#rrggbb" colours, the unclassified grey first); ``colours`` spells them out.
    ``plot`` is the panel's box, sized for the whole model: the shown cells fill it.
    """

    index: int
    title: Text
    plot: Box
    codes: np.ndarray = field(compare=False, repr=False)
    lookup: tuple[str, ...] = ()
    x_ticks: tuple[Tick, ...] = ()
    y_ticks: tuple[Tick, ...] = ()
    x_label: Text | None = None
    y_label: Text | None = None
    line: float = 1.0  # the frame's line width, px

    @cached_property
    def colours(self) -> np.ndarray:
        """(heads shown, layers shown) object array of "#rrggbb"."""
        return np.array(self.lookup, dtype=object)[self.codes]

    @property
    def frame(self) -> Box:
        """Centre line of the frame drawn just outside the cells."""
        h = self.line / 2
        return Box(self.plot.x - h, self.plot.y - h, self.plot.width + 2 * h, self.plot.height + 2 * h)
