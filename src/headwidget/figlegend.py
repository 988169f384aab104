"""The static figure's legend, placed: :class:`LegendPlacer`, used by :mod:`headwidget.figure`.

Rows are a swatch and a label, in the legend's order (:func:`headwidget.groups.legend_entries`).
Left or right of the panels they stand in columns of equal rows, top to bottom, then
left to right; above or below they flow into as many columns as fit the width, left
to right, then top to bottom. Sizes in em of the spec's font, positions in CSS px.
"""

from __future__ import annotations

from typing import NamedTuple

from .layout import ASCENT, CENTRE, DESCENT, Box, LegendRow, Text, text_width, truncate
from .size import FigureSpec

SWATCH_WIDTH, SWATCH_HEIGHT, SWATCH_GAP = 1.5, 0.75, 0.4
LEGEND_PITCH = 1.3  # rows, baseline to baseline (a line box is 1.17)
LEGEND_COLUMN_GAP = 1.0
LEGEND_GAP = 1.0  # the legend to the panels
SIDE_LEGEND_SHARE = 0.35  # a legend left or right takes at most this much of the width
MAX_LEGEND_COLUMNS = 3  # a side legend taller than the panels may take up to this many columns


class Entry(NamedTuple):
    """A legend row before it is placed: its label (cut to fit), colour and width in px."""

    label: str
    colour: str
    width: float


class LegendPlacer:
    """The legend rows of one figure: ``rows`` is [(label, colour)], ``pad`` the figure's margin."""

    def __init__(self, rows: list[tuple[str, str]], spec: FigureSpec, em: float, pad: float) -> None:
        self.rows, self.spec, self.em, self.pad = rows, spec, em, pad

    def entries(self, *, cut: bool = True) -> list[Entry]:
        """One entry per row (none without a legend), labels cut with "…" to the room they have."""
        spec, em = self.spec, self.em
        if spec.legend is None:
            return []
        room = spec.width - 2 * self.pad
        if spec.legend in ("left", "right"):
            room = max(8 * em, SIDE_LEGEND_SHARE * room)
        swatch = (SWATCH_WIDTH + SWATCH_GAP) * em
        entries = []
        for label, colour in self.rows:
            text = truncate(label, room - swatch, em) if cut else label
            entries.append(Entry(text, colour, swatch + text_width(text, em)))
        return entries

    def side_width(self, entries: list[Entry], columns: int) -> float:
        """Width a left or right legend of ``columns`` takes from the panels (0 for the others)."""
        if self.spec.legend not in ("left", "right") or not entries:
            return 0.0
        widest = max(entry.width for entry in entries)
        return columns * widest + (columns - 1) * LEGEND_COLUMN_GAP * self.em + LEGEND_GAP * self.em

    def row(self, entry: Entry, x: float, base: float) -> LegendRow:
        """A swatch centred on the label's line box, the label after it."""
        em = self.em
        centre = base - CENTRE * em
        swatch = Box(x, centre - SWATCH_HEIGHT * em / 2, SWATCH_WIDTH * em, SWATCH_HEIGHT * em)
        text = Text(entry.label, x + (SWATCH_WIDTH + SWATCH_GAP) * em, base, em)
        return LegendRow(entry.label, entry.colour, swatch, text)

    def side(self, entries: list[Entry], columns: int, x0: float, top: float, centre: float) -> list[LegendRow]:
        """Left or right of the panels from ``x0``: column by column, centred on ``centre``
        (the cells' middle), never above ``top``."""
        em = self.em
        per_column = -(-len(entries) // columns)
        height = (per_column - 1) * LEGEND_PITCH * em + (ASCENT + DESCENT) * em
        first = max(top, centre - height / 2) + ASCENT * em
        column = max(entry.width for entry in entries) + LEGEND_COLUMN_GAP * em
        return [
            self.row(entry, x0 + (i // per_column) * column, first + (i % per_column) * LEGEND_PITCH * em)
            for i, entry in enumerate(entries)
        ]

    def grid(self, entries: list[Entry], top: float) -> tuple[list[LegendRow], float]:
        """Above or below the panels from ``top``: as many columns as fit the width, row by
        row, the rows as even as they can be, centred. Also returns the legend's bottom."""
        em, width = self.em, self.spec.width
        gap = LEGEND_COLUMN_GAP * em
        column = max(entry.width for entry in entries)
        fit = max(1, int((width - 2 * self.pad + gap) // (column + gap)))
        rows = -(-len(entries) // min(fit, len(entries)))
        columns = -(-len(entries) // rows)
        x0 = (width - (columns * column + (columns - 1) * gap)) / 2
        first = top + ASCENT * em
        placed = [
            self.row(entry, x0 + (i % columns) * (column + gap), first + (i // columns) * LEGEND_PITCH * em)
            for i, entry in enumerate(entries)
        ]
        return placed, top + (rows - 1) * LEGEND_PITCH * em + (ASCENT + DESCENT) * em
