"""Where everything goes: the figure's sizes, ticks and text, and the static figure's :class:`Layout`.

The rules the live view shares (``js/layout.js``: panel order, tick values, cell size;
the count bars' size) are written here once, and ``tests/fixtures/layout.json``, made
from this module and :mod:`headwidget.groups`, keeps the front end to them. The
static writers (:mod:`headwidget.svg`, :mod:`headwidget.mpl`) draw one :class:`Layout`,
computed here from a :class:`~headwidget.snapshot.Snapshot`: every position and size
in px (96 per inch), y down, so both draw the same figure and compute none of it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from .groups import bar_heights

if TYPE_CHECKING:
    from .snapshot import Snapshot

# Shared with the live view (the fixture's "constants").
COMPOSITE_TITLE = "All Categories"
MAX_PANEL_PX = 240  # longest side of a panel's cells, CSS px
MIN_CELL_PX = 3  # the live view wraps panels rather than draw smaller cells, CSS px
TICK_FONT_PX = 11  # the live view's tick labels
COUNTS_HEIGHT = 40  # count bars above the composite, CSS px at the busiest layer
COUNTS_GAP = 3  # between the bars and the composite's cells

# The static figure, in px.
PX_PER_INCH = 96
FONT_FAMILY = ("DejaVu Sans", "Arial", "sans-serif")  # text_width estimates DejaVu Sans
TEXT_COLOUR = "#1f1f1f"
MUTED_COLOUR = "#555555"  # frame and tick marks, as the live view's --hw-fg-muted
BACKGROUND = "#ffffff"
PAD = 8  # margin around the figure
TITLE_SIZE, TEXT_SIZE, PANEL_TITLE_SIZE, TICK_SIZE = 14, 12, 13, 11  # font sizes
TITLE_GAP = 10  # below the figure title
PANEL_TITLE_GAP = 6  # panel title baseline to the bars or the cells
TICK_LENGTH = 4
TICK_GAP = 6  # cells' edge to a tick label
AXIS_LABEL_GAP = 16  # x tick labels' baseline to the "layer" baseline
SWATCH_WIDTH, SWATCH_HEIGHT, SWATCH_GAP = 20, 10, 6  # legend swatch, and its gap to the label
LEGEND_PITCH = 19  # legend row height + gap
LEGEND_BASELINE = 13  # a legend label's baseline below its row's top: the text centred on the swatch
LEGEND_GAP = 16  # legend labels to the first panel's head axis
Y_AXIS_MIN = 40  # narrowest room left of the cells for head ticks and "head"
PANEL_GAP = 14  # one panel's right edge to the next panel's head axis


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
    ``min_plot`` px wide and a cell at least ``min_cell`` px, or what ``max_side`` allows
    when that is less (a 126-layer model's cells are smaller than a 32-layer one's): one
    row when they all fit.
    """
    cap = max_side / max(n_layers, n_heads, 1)

    def whole(cell: float) -> float:  # a cell as drawn: whole device pixels (0 when none fits)
        return cell if dpr is None else math.floor(cell * dpr) / dpr

    def cell_at(cols: int) -> float:
        return min(cap, (room / cols - extra) / max(n_layers, 1))

    if ncols is None:
        need = max(min(min_cell, whole(cap)), 1 / (dpr or math.inf))
        fits = (c for c in range(n_panels, 1, -1) if whole(cell_at(c)) >= need and cell_at(c) * n_layers >= min_plot)
        ncols = next(fits, 1)
    ncols = max(1, min(ncols, n_panels))
    return ncols, cell_at(ncols) if dpr is None else max(1 / dpr, whole(cell_at(ncols)))


def cell_pixels(n_layers: int, n_heads: int, dpr: float = 1, max_px: int = MAX_PANEL_PX) -> int:
    """Device pixels per square cell: the largest whole number that fits ``n_layers`` x
    ``n_heads`` (shown) cells into ``max_px`` CSS px a side (the static figure: dpr 1)."""
    return max(1, math.floor(max_px * dpr / max(n_layers, n_heads)))


def panel_titles(categories: Sequence[str], shown: Sequence[bool]) -> list[str]:
    """The composite's title, then each visible category's name."""
    return [COMPOSITE_TITLE, *(name for name, on in zip(categories, shown, strict=True) if on)]


def text_width(text: str, size: float, *, bold: bool = False) -> int:
    """A rough width in px of ``text`` in DejaVu Sans at ``size`` px (to leave room, not to measure)."""
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
    size: int
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
    """The per-layer count bars above the composite; ``busiest`` heads fill ``box.height``."""

    box: Box
    busiest: int
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Panel:
    """One panel: title, cells (``colours`` is (heads shown, layers shown) "#rrggbb"), axes."""

    index: int
    title: Text
    plot: Box
    colours: np.ndarray = field(compare=False, repr=False)
    x_ticks: tuple[Tick, ...] = ()
    y_ticks: tuple[Tick, ...] = ()
    x_label: Text | None = None
    y_label: Text | None = None

    @property
    def frame(self) -> Box:
        """Centre line of the 1 px frame drawn just outside the cells."""
        return Box(self.plot.x - 0.5, self.plot.y - 0.5, self.plot.width + 1, self.plot.height + 1)


@dataclass(frozen=True)
class Layout:
    """Every position and size of the static figure, in px (96 per inch), y down.

    Built once by :meth:`Layout.of`; the SVG and matplotlib writers only draw it.

    Attributes
    ----------
    width, height : int
        The figure's size.
    cell : int
        Side of a head's square cell (the live view's rule at dpr 1).
    layers, heads : (int, int)
        Inclusive ranges drawn: column 0 is layer ``layers[0]``, row 0 head ``heads[0]``.
    unclassified : str
        The cells' background colour.
    title : Text or None
        The figure's title.
    legend : tuple of LegendRow
        Swatch and label per row, in the legend's order.
    panels : tuple of Panel
        The composite, then one per visible category.
    counts : CountBars or None
        The count bars above the composite, when asked for.
    tick_length : int
        Length of the tick marks (line width 1 px, as the frame).
    """

    width: int
    height: int
    cell: int
    layers: tuple[int, int]
    heads: tuple[int, int]
    unclassified: str
    title: Text | None
    legend: tuple[LegendRow, ...]
    panels: tuple[Panel, ...]
    counts: CountBars | None = None
    tick_length: int = TICK_LENGTH

    @classmethod
    def of(cls, snapshot: Snapshot) -> Layout:
        """The layout of ``snapshot``'s figure: title, legend left, then the panels in a row,
        the count bars above the composite (every panel's cells moved down by them, so the
        titles stay on one line), as the live view places them."""
        (first, last), (first_head, last_head) = snapshot.layers, snapshot.heads
        n_layers, n_heads = last - first + 1, last_head - first_head + 1
        cell = cell_pixels(n_layers, n_heads)
        panel_w, panel_h = n_layers * cell, n_heads * cell
        n_model_layers, n_model_heads = snapshot.array.shape[:2]
        x_ticks = tick_values(first, last, n_model_layers, min_tick_step("x", last, cell, TICK_SIZE))
        y_ticks = tick_values(first_head, last_head, n_model_heads, min_tick_step("y", last_head, cell, TICK_SIZE))
        legend = snapshot.legend()

        # Rows: title, panel titles, bars, cells, x tick labels, "layer".
        top = PAD + (TITLE_SIZE + TITLE_GAP if snapshot.title else 0)
        bars = COUNTS_HEIGHT + COUNTS_GAP if snapshot.counts else 0
        plot_top = top + PANEL_TITLE_SIZE + PANEL_TITLE_GAP + 2 + bars  # titles' baselines 2 px below their size
        x_tick_base = plot_top + panel_h + TICK_GAP + TICK_SIZE
        x_label_base = x_tick_base + AXIS_LABEL_GAP
        height = x_label_base + 4 + PAD  # 4: the descent of "layer"

        # Columns: legend, then per panel its head axis, cells and what overhangs them.
        legend_w = SWATCH_WIDTH + SWATCH_GAP + max(text_width(label, TEXT_SIZE) for label, _ in legend) + LEGEND_GAP
        y_tick_w = max((text_width(str(t), TICK_SIZE) for t in y_ticks), default=0)
        y_axis = max(Y_AXIS_MIN, TICK_GAP + y_tick_w + 8 + TEXT_SIZE + 2)  # tick labels, then the upright "head"
        x_tick_overhang = math.ceil(max((text_width(str(t), TICK_SIZE) for t in x_ticks), default=0) / 2)

        panels = []
        x = PAD + legend_w
        for index, (title, grid) in enumerate(snapshot.panels()):
            spill = max(0, math.ceil((text_width(title, PANEL_TITLE_SIZE) - panel_w) / 2))  # a long title
            left = x + max(y_axis, spill)
            plot = Box(left, plot_top, panel_w, panel_h)
            centre = left + panel_w / 2
            head_label = Text(
                "head", left - y_axis + TEXT_SIZE, plot_top + panel_h / 2, TEXT_SIZE, "middle", upright=True
            )
            panels.append(
                Panel(
                    index=index,
                    title=Text(title, centre, plot_top - bars - PANEL_TITLE_GAP, PANEL_TITLE_SIZE, "middle"),
                    plot=plot,
                    colours=grid,
                    x_ticks=tuple(_x_tick(v, plot, first, cell, x_tick_base) for v in x_ticks),
                    y_ticks=tuple(_y_tick(v, plot, first_head, cell) for v in y_ticks),
                    x_label=Text("layer", centre, x_label_base, TEXT_SIZE, "middle"),
                    y_label=head_label,
                )
            )
            x = left + panel_w + max(spill, x_tick_overhang, 2) + PANEL_GAP
        width = max(x - PANEL_GAP + PAD, PAD + legend_w)
        title = None
        if snapshot.title:
            title = Text(snapshot.title, PAD, PAD + TITLE_SIZE, TITLE_SIZE, bold=True)
            width = max(width, 2 * PAD + text_width(snapshot.title, TITLE_SIZE, bold=True))

        # Legend rows centred on the cells; a taller legend makes the figure taller.
        legend_top = max(top, plot_top + (panel_h - len(legend) * LEGEND_PITCH) // 2)
        height = max(height, legend_top + len(legend) * LEGEND_PITCH + PAD)
        rows = tuple(
            LegendRow(
                label,
                colour,
                Box(PAD, y + (LEGEND_PITCH - SWATCH_HEIGHT) // 2, SWATCH_WIDTH, SWATCH_HEIGHT),
                Text(label, PAD + SWATCH_WIDTH + SWATCH_GAP, y + LEGEND_BASELINE, TEXT_SIZE),
            )
            for row, (label, colour) in enumerate(legend)
            for y in [legend_top + row * LEGEND_PITCH]
        )
        counts = _count_bars(snapshot, panels[0].plot, cell) if snapshot.counts else None
        return cls(
            width=width,
            height=height,
            cell=cell,
            layers=(first, last),
            heads=(first_head, last_head),
            unclassified=snapshot.palette["unclassified"],
            title=title,
            legend=rows,
            panels=tuple(panels),
            counts=counts,
        )


def _x_tick(layer: int, plot: Box, first: int, cell: int, base: float) -> Tick:
    at = plot.x + (layer - first + 0.5) * cell
    edge = plot.bottom + 0.5  # the frame's centre line
    return Tick(layer, at, (at, edge, at, edge + TICK_LENGTH), Text(str(layer), at, base, TICK_SIZE, "middle"))


def _y_tick(head: int, plot: Box, first_head: int, cell: int) -> Tick:
    at = plot.y + (head - first_head + 0.5) * cell
    edge = plot.x - 0.5
    label = Text(str(head), plot.x - TICK_GAP, at + 4, TICK_SIZE, "end")  # +4: digits centred on the tick
    return Tick(head, at, (edge, at, edge - TICK_LENGTH, at), label)


def _count_bars(snapshot: Snapshot, plot: Box, cell: int) -> CountBars:
    """One bar per shown layer over the composite's cells, groups stacked from the bottom."""
    counts, colours, busiest = snapshot.layer_counts()
    box = Box(plot.x, plot.y - COUNTS_GAP - COUNTS_HEIGHT, plot.width, COUNTS_HEIGHT)
    heights = bar_heights(counts, busiest, COUNTS_HEIGHT)
    bars = []
    for column, (row, sizes) in enumerate(zip(counts.tolist(), heights.tolist(), strict=True)):
        y = box.bottom
        for group, (n, h) in enumerate(zip(row, sizes, strict=True)):
            top = max(box.y, y - h)
            if n and top < y:
                segment = Box(plot.x + column * cell, top, cell, y - top)
                bars.append(Bar(snapshot.layers[0] + column, group, colours[group], n, segment))
            y = top
    return CountBars(box, busiest, tuple(bars))
