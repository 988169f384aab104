"""The count bars of the static figure: one bar per shown layer under the composite.

Placed by :class:`~headwidget.figure.Layout` (the box under the composite's "layer"
label, as wide as the composite's cells, whose box is the whole model's); the bars'
heights follow the live view's rule (:func:`~headwidget.groups.bar_heights`).
"""

from __future__ import annotations

import numpy as np

from .groups import bar_heights
from .layout import CENTRE, COUNTS_HEIGHT, TICK_FONT_PX, Bar, Box, CountBars, Text, Tick


def count_bars(
    counts: tuple[np.ndarray, list[str], int],
    plot: Box,
    top: float,
    cell: float,
    em: float,
    first_layer: int,
    marks: tuple[float, float, float],
) -> CountBars:
    """One bar per shown layer under the composite, groups stacked from the bottom, with
    its scale where the head ticks are: 0 at the bottom, the busiest layer's count at the top.

    Parameters
    ----------
    counts : (counts, colours, busiest)
        :meth:`headwidget.snapshot.Snapshot.layer_counts`.
    plot : Box
        The composite's cells (the whole model's box); the bars span its width.
    top : float
        The bars' top, px.
    cell : float
        A shown layer's width, px (the crop's ``cell_x``).
    em : float
        The font size, px.
    first_layer : int
        The layer of the first bar.
    marks : (line, tick length, tick gap)
        The frame's line width, the tick marks' length and their gap to a label, in em.
    """
    values, colours, busiest = counts
    line, tick_length, tick_gap = marks
    height = round(COUNTS_HEIGHT * em / TICK_FONT_PX)  # the live view's 40 px at its 11 px labels
    box = Box(plot.x, top, plot.width, height)
    bars = []
    for column, (row, sizes) in enumerate(
        zip(values.tolist(), bar_heights(values, busiest, height).tolist(), strict=True)
    ):
        y = box.bottom
        for group, (n, h) in enumerate(zip(row, sizes, strict=True)):
            segment_top = max(box.y, y - h)  # a stack rounded past the top is clipped, as a canvas does
            if n and segment_top < y:
                segment = Box(plot.x + column * cell, segment_top, cell, y - segment_top)
                bars.append(Bar(first_layer + column, group, colours[group], n, segment))
            y = segment_top
    edge = plot.x - line * em / 2
    label_x = plot.x - (tick_length + tick_gap) * em
    ticks = tuple(
        Tick(value, at, (edge, at, edge - tick_length * em, at), Text(str(value), label_x, at + CENTRE * em, em, "end"))
        for value, at in ((0, box.bottom), (busiest, box.y))
        if value or at == box.bottom
    )
    return CountBars(box, busiest, tuple(bars), ticks, (edge, box.y, edge, box.bottom))
