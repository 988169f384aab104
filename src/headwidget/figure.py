"""The static figure's geometry: :meth:`Layout.of` places everything once.

From a :class:`~headwidget.snapshot.Snapshot` (the data and the view) and a
:class:`~headwidget.size.FigureSpec` (width, font size, panels per row, which panels,
legend side, axis labels), :class:`Layout` holds every position and size in CSS px
(96 per inch), y down: the figure's size, title, legend rows, each panel's cells,
ticks, titles and axis labels, and the count bars. :mod:`headwidget.svg` and
:mod:`headwidget.mpl` draw it and compute nothing. The legend's rows are placed by
:mod:`headwidget.figlegend`.

The width is the spec's; the height follows. Every gap, pad and mark is in em of the
font, so a figure at 7 pt is the one at 14 pt drawn at half the size. Each text is
given its line box (:data:`~headwidget.layout.ASCENT` above the baseline,
:data:`~headwidget.layout.DESCENT` below, widths by
:func:`~headwidget.layout.text_width`, an over-estimate), and the gaps below are
chosen so that no two texts, and no text and a panel's cells, can meet.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .figcounts import count_bars
from .figlegend import LEGEND_GAP, MAX_LEGEND_COLUMNS, Entry, LegendPlacer
from .layout import (
    ASCENT,
    CENTRE,
    COMPOSITE_TITLE,
    DESCENT,
    MAX_PANEL_PX,
    Box,
    CountBars,
    LegendRow,
    Panel,
    Text,
    Tick,
    crop_cell,
    fit_panels,
    min_tick_step,
    text_width,
    tick_values,
    truncate,
)
from .size import PX_PER_INCH, FigureSpec

if TYPE_CHECKING:
    import numpy as np

    from .snapshot import Snapshot

# In em of the spec's font.
PAD = 0.5  # the figure's margin
TITLE_SCALE = 1.2  # the figure title's size
TITLE_GAP = 0.5  # below the figure title
# A panel title's line box to its cells: the top head tick label, centred on its row,
# reaches 0.59 em above the cells at most, so the title stays clear of it.
PANEL_TITLE_GAP = 0.65
TICK_LENGTH = 0.3
TICK_GAP = 0.2  # a tick mark's end to its label
Y_LABEL_GAP = 0.25  # "head" to the head tick labels
X_LABEL_GAP = 0.1  # x tick labels to "layer"
PANEL_GAP = 0.9  # one panel's x tick labels to the next panel's "head"
ROW_GAP = 0.8  # between rows of panels
COUNTS_GAP = 0.7  # "layer" to the count bars (their top label reaches 0.59 above them)
LINE = 1 / 12  # frame and tick marks: 0.58 pt at 7 pt
MIN_PLOT = 3.0  # the narrowest panel: "layer" (2.6 em) fits under it
TITLE_KEEP = 8.0  # automatic columns keep titles this wide whole ("All Categories" is 7.6 em)
# The narrowest cell when choosing panels per row, px: 0.2 mm, 2.3 device px at 300 dpi.
MIN_CELL = 0.75


@dataclass(frozen=True)
class Layout:
    """Every position and size of the static figure, in CSS px (96 per inch), y down.

    Built once by :meth:`Layout.of`; the SVG and matplotlib writers only draw it.

    Attributes
    ----------
    width, height : float
        The figure's size (``width`` is the spec's).
    font : float
        Every text's size in px (the figure title's is 1.2 times it).
    cell : float
        Side of a head's square cell for the whole model: each panel's box is the model's
        layers x heads at this side, whatever the crop.
    cell_x, cell_y : float
        A shown head's cell, ``crop_cell(cell, n, shown)`` along each axis: the crop fills
        the box, so a cropped axis has wider cells (equal to ``cell`` uncropped).
    layers, heads : (int, int)
        Inclusive ranges drawn: column 0 is layer ``layers[0]``, row 0 head ``heads[0]``.
    unclassified : str
        The cells' background colour.
    title : Text or None
        The figure's title.
    legend : tuple of LegendRow
        Swatch and label per row, in the legend's order.
    panels : tuple of Panel
        The panels, in the spec's order (default: the composite, then each visible category).
    counts : CountBars or None
        The count bars below the composite's "layer", when asked for.
    tick_length, line : float
        Length of the tick marks; width of the frame and tick lines.
    ncols : int
        Panels per row.
    """

    width: float
    height: float
    font: float
    cell: float
    cell_x: float
    cell_y: float
    layers: tuple[int, int]
    heads: tuple[int, int]
    unclassified: str
    title: Text | None
    legend: tuple[LegendRow, ...]
    panels: tuple[Panel, ...]
    counts: CountBars | None
    tick_length: float
    line: float
    ncols: int

    @property
    def width_in(self) -> float:
        return self.width / PX_PER_INCH

    @property
    def height_in(self) -> float:
        return self.height / PX_PER_INCH

    @classmethod
    def of(cls, snapshot: Snapshot, spec: FigureSpec | None = None) -> Layout:
        """The figure of ``snapshot`` at ``spec`` (default: 7 in wide, 8 pt).

        Raises
        ------
        ValueError
            A panel name that is not shown, or a width too narrow for the panels (the
            message gives the narrowest width that works).
        """
        return _Builder(snapshot, spec or FigureSpec()).build()


class _Builder:
    """One layout computation: the spec's sizes in px, then columns, rows and legend."""

    def __init__(self, snapshot: Snapshot, spec: FigureSpec) -> None:
        self.snapshot, self.spec = snapshot, spec
        self.em = em = spec.font_px
        self.pad = PAD * em
        self.legend = LegendPlacer(snapshot.legend(), spec, em, PAD * em)
        self.chosen = snapshot.panels_named(spec.panels)
        (first, last), (first_head, last_head) = snapshot.layers, snapshot.heads
        # The boxes are the whole model's; the crop only fills them (cells per axis: crop_cell).
        self.n_layers, self.n_heads = (int(n) for n in snapshot.array.shape[:2])
        self.shown_layers, self.shown_heads = last - first + 1, last_head - first_head + 1
        self.counts = snapshot.layer_counts() if snapshot.counts else None
        self.composite = next((i for i, (t, *_) in enumerate(self.chosen) if t == COMPOSITE_TITLE), None)
        if self.composite is None:
            self.counts = None  # the bars stand under the composite: none without it
        # Room for the model's widest labels, so a crop moves no box.
        digits = len(str(self.n_heads - 1))
        if self.counts is not None:
            digits = max(digits, len(str(self.n_heads)))  # the bars' scale: at most every head of a layer
        self.y_tick_width = text_width("0" * digits, em)  # DejaVu Sans digits are all one width
        self.y_label_width = (ASCENT + DESCENT + Y_LABEL_GAP) * em if spec.ylabel else 0.0
        self.left = self.y_label_width + self.y_tick_width + (TICK_GAP + TICK_LENGTH) * em  # axis left of the cells
        self.overhang = text_width(str(self.n_layers - 1), em) / 2  # a layer label past the cells' right edge, at most
        self.right = self.overhang + PANEL_GAP * em
        # A panel title may reach over its own head axis and half the gap to the next panel.
        self.title_spill = min(self.left, self.overhang + PANEL_GAP * em / 2)

    # ------------------------------------------------------------ columns

    def fit(self, room: float) -> tuple[int, float]:
        """Panels per row and cell side for ``room`` px of panels (the shared rule)."""
        n, em = len(self.chosen), self.em
        widest = max(text_width(title, em) for title, *_ in self.chosen)
        # Chosen columns keep titles whole up to TITLE_KEEP em; a longer name is cut with "…"
        # (the legend keeps it) rather than stacking every panel in one column.
        min_plot = max(MIN_PLOT * em, min(widest, TITLE_KEEP * em) - 2 * self.title_spill)
        options = {"min_cell": MIN_CELL, "min_plot": min_plot, "max_side": MAX_PANEL_PX}
        room += PANEL_GAP * em  # the last panel needs no gap after it
        extra = self.left + self.right
        ncols, cell = fit_panels(room, n, self.n_layers, self.n_heads, extra, ncols=self.spec.ncols, **options)
        capped = cell >= MAX_PANEL_PX / max(self.n_layers, self.n_heads) - 1e-9  # narrow by shape, not by width
        if cell * self.n_layers < MIN_PLOT * em - 1e-9 and not capped:
            self.too_narrow(ncols)
        return ncols, cell

    def too_narrow(self, ncols: int) -> None:
        spec, em = self.spec, self.em
        legend = self.legend.side_width(self.legend.entries(cut=False), 1)
        need = 2 * self.pad + legend + ncols * (self.left + self.right + MIN_PLOT * em) - PANEL_GAP * em
        side = f" and the legend {spec.legend}" if legend else ""
        fewer = "fewer panels per row, " if ncols > 1 else ""
        move = ", legend='top' or 'bottom'" if legend else ""
        raise ValueError(
            f"width {spec.width_in:.4g}in ({spec.width:.4g}px) is too narrow for {len(self.chosen)} panels "
            f"{ncols} per row{side} at font_size {spec.font_size:g}pt; expected at least "
            f"{math.ceil(need / PX_PER_INCH * 100) / 100:g}in (or {fewer}a smaller font_size{move})"
        )

    # ------------------------------------------------------------ the figure

    def build(self) -> Layout:
        entries = self.legend.entries()
        side = self.spec.legend in ("left", "right") and bool(entries)
        options = range(1, min(MAX_LEGEND_COLUMNS, len(entries)) + 1) if side else [1]
        best = None
        for columns in options:  # a side legend taller than the panels may take more columns
            try:
                layout = self.place(entries, columns)
            except ValueError:
                if columns == 1:
                    raise
                break
            if self.legend_fits:
                return layout
            if best is None or layout.height < best.height - 0.5:
                best = layout
        assert best is not None
        return best

    def place(self, entries: list[Entry], legend_columns: int) -> Layout:
        spec, em, pad, snapshot = self.spec, self.em, self.pad, self.snapshot
        width = spec.width
        side = self.legend.side_width(entries, legend_columns)
        ncols, cell = self.fit(width - 2 * pad - side)
        plot_w, plot_h = self.n_layers * cell, self.n_heads * cell
        self.cell_x = cell_x = crop_cell(cell, self.n_layers, self.shown_layers)
        self.cell_y = cell_y = crop_cell(cell, self.n_heads, self.shown_heads)
        slot = self.left + plot_w + self.right
        # Cells capped by MAX_PANEL_PX leave spare width: widen each slot (both sides of the
        # cells alike) until the longest title fits, or the spare width runs out.
        room = (width - 2 * pad - side + PANEL_GAP * em) / ncols
        widest = max(text_width(title, em) for title, *_ in self.chosen)
        self.more = max(0.0, min(room - slot, widest - plot_w - 2 * self.title_spill))
        slot += self.more
        panels_w = ncols * slot - PANEL_GAP * em
        offset = max(0.0, (width - 2 * pad - side - panels_w) / 2)  # capped cells: centre the figure
        panels_x = pad + offset + (side if spec.legend == "left" else 0)

        top = pad
        title = None
        if snapshot.title:
            size = TITLE_SCALE * em
            text = truncate(snapshot.title, width - 2 * pad, size, bold=True)
            title = Text(text, pad, pad + ASCENT * size, size, bold=True)
            top = pad + (ASCENT + DESCENT) * size + TITLE_GAP * em
        grid_legend = [] if side else entries
        legend_rows: list[LegendRow] = []
        if grid_legend and spec.legend == "top":
            legend_rows, bottom = self.legend.grid(grid_legend, top)
            top = bottom + LEGEND_GAP * em

        first, last = snapshot.layers
        first_head, last_head = snapshot.heads
        n_layers, n_heads = self.n_layers, self.n_heads

        # Rows of panels. "head" is centred on the cells; when it is longer than they are
        # tall, the cells move apart from the title and the tick labels to make room.
        y_label_len = text_width(spec.ylabel, em) if spec.ylabel else 0
        v_pad = max(0.0, (y_label_len - plot_h) / 2 - 0.4 * em)
        x_top = (TICK_LENGTH + TICK_GAP) * em + v_pad  # below the cells and below a long "head"
        # The whole model's first layer label may reach left under its lowest head label:
        # then the layer labels go below it (for every crop alike, so no box moves).
        whole_x = tick_values(0, n_layers - 1, n_layers, min_tick_step("x", n_layers - 1, cell, em))
        whole_y = tick_values(0, n_heads - 1, n_heads, min_tick_step("y", n_heads - 1, cell, em))
        reach = self.reach(whole_x, whole_y, (0, 0), (cell, cell), plot_h)
        if reach is not None:
            x_top = max(x_top, reach + 0.05 * em)
        # The crop's ticks, thinned for its own cells; one that would still meet is dropped.
        x_ticks = tick_values(first, last, n_layers, min_tick_step("x", last, cell_x, em))
        y_ticks = tick_values(first_head, last_head, n_heads, min_tick_step("y", last_head, cell_y, em))
        reach = self.reach(x_ticks, y_ticks, (first, first_head), (cell_x, cell_y), plot_h)
        if reach is not None and reach + 0.05 * em > x_top:
            if len(y_ticks) > 1 or len(x_ticks) == 1:
                y_ticks = y_ticks[:-1]
            else:
                x_ticks = x_ticks[1:]

        panels: list[Panel] = []
        counts = None
        n_rows = -(-len(self.chosen) // ncols)
        row_top, bottoms, plot_rows = top, [], []
        for row in range(n_rows):
            title_base = row_top + ASCENT * em
            plot_y = title_base + (DESCENT + PANEL_TITLE_GAP) * em + v_pad
            x_base = plot_y + plot_h + x_top + ASCENT * em
            x_label_base = x_base + (DESCENT + X_LABEL_GAP + ASCENT) * em
            row_bottom = (x_label_base if spec.xlabel else x_base) + DESCENT * em
            plot_rows.append((plot_y, plot_y + plot_h))
            bottom = row_bottom
            for column in range(ncols):
                index = row * ncols + column
                if index >= len(self.chosen):
                    break
                name, codes, lookup = self.chosen[index]
                plot = Box(panels_x + column * slot + self.left + self.more / 2, plot_y, plot_w, plot_h)
                panels.append(
                    self.panel(index, name, (codes, lookup), plot, (title_base, x_base, x_label_base), x_ticks, y_ticks)
                )
                if index == self.composite and self.counts is not None:
                    top_of_bars = row_bottom + COUNTS_GAP * em
                    marks = (LINE, TICK_LENGTH, TICK_GAP)
                    counts = count_bars(self.counts, plot, top_of_bars, cell_x, em, first, marks)
                    bottom = max(bottom, counts.box.bottom + (CENTRE + DESCENT) * em)
            bottoms.append(bottom)
            row_top = bottom + ROW_GAP * em
        panels_bottom = bottoms[-1]

        if side:
            x0 = panels_x - side if spec.legend == "left" else panels_x + panels_w + LEGEND_GAP * em
            centre = (plot_rows[0][0] + plot_rows[-1][1]) / 2
            legend_rows = self.legend.side(entries, legend_columns, x0, top, centre)
        elif grid_legend and spec.legend == "bottom":
            legend_rows, panels_bottom = self.legend.grid(grid_legend, panels_bottom + LEGEND_GAP * em)
        legend_bottom = max((row.text.y + DESCENT * em for row in legend_rows), default=0)
        self.legend_fits = legend_bottom <= panels_bottom + 0.01
        height = math.ceil(max(panels_bottom, legend_bottom) + pad)
        return Layout(
            width=width,
            height=height,
            font=em,
            cell=cell,
            cell_x=cell_x,
            cell_y=cell_y,
            layers=(first, last),
            heads=(first_head, last_head),
            unclassified=snapshot.palette["unclassified"],
            title=title,
            legend=tuple(legend_rows),
            panels=tuple(panels),
            counts=counts,
            tick_length=TICK_LENGTH * em,
            line=LINE * em,
            ncols=ncols,
        )

    def panel(
        self,
        index: int,
        name: str,
        cells: tuple[np.ndarray, tuple[str, ...]],
        plot: Box,
        bases: tuple[float, float, float],
        x_ticks: list[int],
        y_ticks: list[int],
    ) -> Panel:
        """A panel at ``plot``: ``cells`` its (codes, lookup), ``bases`` the baselines of its
        title, layer labels and "layer"; the shown cells fill the box."""
        spec, em = self.spec, self.em
        title_base, x_base, x_label_base = bases
        cell_x, cell_y = self.cell_x, self.cell_y
        (first, _), (first_head, _) = self.snapshot.layers, self.snapshot.heads
        centre = plot.x + plot.width / 2
        room = plot.width + 2 * self.title_spill + self.more  # titles cut only when an explicit ncols leaves no room
        line = LINE * em
        edge_x, edge_y = plot.x - line / 2, plot.bottom + line / 2
        label_x = plot.x - (TICK_LENGTH + TICK_GAP) * em
        x_marks = []
        for layer in x_ticks:
            at = plot.x + (layer - first + 0.5) * cell_x
            text = Text(str(layer), at, x_base, em, "middle")
            x_marks.append(Tick(layer, at, (at, edge_y, at, edge_y + TICK_LENGTH * em), text))
        y_marks = []
        for head in y_ticks:
            at = plot.y + (head - first_head + 0.5) * cell_y
            text = Text(str(head), label_x, at + CENTRE * em, em, "end")
            y_marks.append(Tick(head, at, (edge_x, at, edge_x - TICK_LENGTH * em, at), text))
        x_label = y_label = None
        if spec.xlabel:
            x_label = Text(truncate(spec.xlabel, room, em), centre, x_label_base, em, "middle")
        if spec.ylabel:
            y_label = Text(
                spec.ylabel, plot.x - self.left + ASCENT * em, plot.y + plot.height / 2, em, "middle", upright=True
            )
        return Panel(
            index=index,
            title=Text(truncate(name, room, em), centre, title_base, em, "middle"),
            plot=plot,
            codes=cells[0],
            lookup=tuple(cells[1]),
            x_ticks=tuple(x_marks),
            y_ticks=tuple(y_marks),
            x_label=x_label,
            y_label=y_label,
            line=line,
        )

    def reach(
        self,
        x_ticks: list[int],
        y_ticks: list[int],
        firsts: tuple[int, int],
        cells: tuple[float, float],
        plot_h: float,
    ) -> float | None:
        """How far below the cells the lowest head label reaches, when the first layer label
        would reach left under it (past the head labels' right end); None when it does not."""
        if not x_ticks or not y_ticks:
            return None
        em = self.em
        x_label_left = (x_ticks[0] - firsts[0] + 0.5) * cells[0] - text_width(str(x_ticks[0]), em) / 2
        y_label_bottom = (y_ticks[-1] - firsts[1] + 0.5) * cells[1] + (CENTRE + DESCENT) * em - plot_h
        return y_label_bottom if x_label_left < -(TICK_LENGTH + TICK_GAP) * em + 0.1 * em else None
