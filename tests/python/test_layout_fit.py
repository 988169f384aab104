"""The static layout's plan, for any shape, crop and size option (hypothesis): every text's
line box (estimated width, ascent and descent) clear of every other, of the cells, the
count bars and the swatches, and inside the figure; or a clear "too narrow" error.
(The faces as drawn: ``test_figure_overlap.py`` for matplotlib, ``tests/browser/test_svg_layout.py``.)"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from headwidget.figure import Layout
from headwidget.palette import palette_for
from headwidget.size import FigureSpec
from headwidget.snapshot import Snapshot
from tests.helpers.figures import NAMES, layout_boxes, overlaps


@st.composite
def figures(draw):
    n_layers = draw(st.sampled_from([1, 2, 4, 12, 32, 80, 126]))
    n_heads = draw(st.sampled_from([1, 3, 8, 32, 64, 128]))
    n_categories = draw(st.integers(1, 12))
    first = draw(st.integers(0, n_layers - 1))
    last = draw(st.integers(first, n_layers - 1))
    first_head = draw(st.integers(0, n_heads - 1))
    last_head = draw(st.integers(first_head, n_heads - 1))
    shown = tuple(draw(st.lists(st.booleans(), min_size=n_categories, max_size=n_categories)))
    names = tuple(NAMES[:n_categories])
    snapshot = Snapshot(
        array=np.random.default_rng(n_layers).random((n_layers, n_heads, n_categories)) < 0.3,
        categories=names,
        palette=palette_for(n_categories),
        title=draw(st.sampled_from(["", "Heads", "A title much longer than a single column is wide, to be cut " * 2])),
        layers=(first, last),
        heads=(first_head, last_head),
        shown=shown,
        counts=draw(st.booleans()),
    )
    spec = FigureSpec.parse(
        width=draw(st.sampled_from(["2in", "3.25in", "5in", "7in", "17cm", "12in"])),
        font_size=draw(st.sampled_from([5, 7, 8, 10, 12])),
        ncols=draw(st.sampled_from([None, None, 1, 2, 3, 6])),
        legend=draw(st.sampled_from(["left", "right", "top", "bottom", None])),
        xlabel=draw(st.sampled_from(["layer", "", "layer index (0 = embedding)"])),
        ylabel=draw(st.sampled_from(["head", "", "attention head"])),
    )
    return snapshot, spec


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(figures())
def test_planned_texts_never_overlap(figure):
    snapshot, spec = figure
    try:
        layout = Layout.of(snapshot, spec)
    except ValueError as error:
        assert "is too narrow" in str(error) and "expected at least" in str(error)
        return
    assert layout.width == spec.width
    texts, solids = layout_boxes(layout)
    problems = overlaps(texts, solids, (layout.width, layout.height))
    assert not problems, "\n".join(problems[:10])


def test_the_plan_is_checked_against_something():
    """The check finds a planted overlap: a legend row moved onto the first panel's cells."""
    import dataclasses

    snapshot = Snapshot.of(__import__("tests.helpers.figures", fromlist=["widget"]).widget("32x32", 4))
    layout = Layout.of(snapshot)
    texts, solids = layout_boxes(layout)
    assert not overlaps(texts, solids, (layout.width, layout.height))
    plot = layout.panels[0].plot
    row = layout.legend[0]
    moved = dataclasses.replace(row, text=dataclasses.replace(row.text, x=plot.x, y=plot.y + 10))
    bad = dataclasses.replace(layout, legend=(moved, *layout.legend[1:]))
    assert overlaps(*layout_boxes(bad), (layout.width, layout.height))
    pytest.importorskip("hypothesis")
