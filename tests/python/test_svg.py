"""The SVG export, pure Python: every panel's cells against the labels, texts, ticks, crops
to a layer and head range, escaping, size. (The same SVG drawn by Chromium:
``tests/browser/test_svg.py``; its count bars: ``test_counts_export.py``.)
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

import numpy as np
import pytest

from headwidget import HeadMapWidget
from headwidget.figure import Layout
from headwidget.layout import min_tick_step, tick_values
from headwidget.size import FigureSpec
from headwidget.snapshot import Snapshot
from headwidget.svg import render_svg
from tests.helpers.labels import XSS, expected_grids, export_views
from tests.helpers.svg import SVG, cells_boxes, svg_panels, svg_runs, texts


def layout_ticks(snapshot: Snapshot, spec: FigureSpec | None = None) -> tuple[list[int], list[int]]:
    """The figure's layer and head ticks (every panel has the same), as its Layout places them."""
    panel = Layout.of(snapshot, spec).panels[0]
    return [tick.value for tick in panel.x_ticks], [tick.value for tick in panel.y_ticks]


@pytest.mark.parametrize("name", list(export_views()))
@pytest.mark.parametrize("full", [False, True])
def test_svg_cells_match_labels(name, full):
    widget = export_views()[name]
    snapshot = Snapshot.of(widget, full=full)
    root = ET.fromstring(render_svg(snapshot))
    first, last = snapshot.layers
    first_head, last_head = snapshot.heads
    n_shown = last - first + 1
    got = svg_panels(root, last_head - first_head + 1, n_shown)
    want = expected_grids(widget, full=full)
    assert [t for t, _ in got] == [t for t, _ in want]
    for (title, grid), (_, expected) in zip(got, want, strict=True):
        assert grid.shape == expected.shape, title
        assert (grid == expected).all(), title
    # The same as counts: the composite by number of visible categories, each
    # category panel by its own labels within the layer and head ranges.
    palette = widget._palette
    visible = [c for c, n in enumerate(widget.categories) if full or n in widget.visible]
    shown = widget.labels[first : last + 1, first_head : last_head + 1]
    labels = shown[..., visible]
    composite = Counter(got[0][1].ravel().tolist())
    per_head = labels.sum(axis=-1)
    assert composite[palette["unclassified"]] == (per_head == 0).sum()
    for k in range(2, len(visible) + 1):
        assert composite[palette["multi"][k - 2]] == (per_head == k).sum()
    for i, c in enumerate(visible):
        colour = palette["categories"][c]
        assert composite[colour] == (labels[..., i] & (per_head == 1)).sum()
        assert Counter(got[i + 1][1].ravel().tolist())[colour] == shown[..., c].sum()


def test_svg_staircase_cells():
    """The staircase's diagonal, cell by cell: 0 .. 4 categories, then one red head."""
    widget = export_views()["staircase"]
    palette = widget._palette
    _, composite = svg_panels(ET.fromstring(render_svg(Snapshot.of(widget))), 5, 6)[0]
    assert [composite[k, k] for k in range(5)] == [
        "#e6e6e6",
        palette["categories"][0],
        *palette["multi"][:3],
    ]
    assert palette["multi"][:3] == ["#9467bd", "#8c564b", "#e377c2"]
    assert composite[0, 5] == palette["categories"][3] == "#d62728"


@pytest.mark.parametrize("name", list(export_views()))
def test_svg_text(name):
    widget = export_views()[name]
    snapshot = Snapshot.of(widget)
    root = ET.fromstring(render_svg(snapshot))
    assert texts(root, "panel-title") == ["All Categories", *widget.visible]
    assert texts(root, "title") == ([widget.title] if widget.title else [])
    rows = [row for row in root.iter(f"{SVG}g") if row.get("class") == "legend-row"]
    legend = [(row.find(f"{SVG}text").text, row.find(f"{SVG}rect").get("fill")) for row in rows]
    assert legend == snapshot.legend()
    assert [label for label, _ in legend][-1] == "Unclassified"
    n_panels = len(widget.visible) + 1
    assert texts(root, "x-label") == ["layer"] * n_panels
    assert texts(root, "y-label") == ["head"] * n_panels
    tick_groups = [g for g in root.iter(f"{SVG}g") if g.get("class") == "tick-labels"]
    assert len(tick_groups) == n_panels
    values = [int(t.text) for t in tick_groups[0]]
    (first, last), (first_head, last_head) = snapshot.layers, snapshot.heads
    x_ticks, y_ticks = layout_ticks(snapshot)
    cell = Layout.of(snapshot).cell
    assert x_ticks == tick_values(first, last, widget.shape[0], min_tick_step("x", last, cell, 8 * 4 / 3))
    assert y_ticks == tick_values(
        first_head, last_head, widget.shape[1], min_tick_step("y", last_head, cell, 8 * 4 / 3)
    )
    assert values == x_ticks + y_ticks
    if name == "example":  # at the reference figure's size, every n // 5, as it has them
        wide = FigureSpec.parse("17.25in", 11)
        assert layout_ticks(snapshot, wide) == (snapshot.x_ticks(), snapshot.y_ticks()) == ([0, 6, 12, 18, 24, 30],) * 2
    # The physical size, 7 in by default, with a viewBox in px at 96 per inch.
    assert root.get("width") == "7in" and root.get("height").endswith("in")
    height = float(root.get("height")[:-2]) * 96
    view_box = [float(v) for v in root.get("viewBox").split()]
    assert view_box[:3] == [0, 0, 672] and view_box[3] == pytest.approx(height, abs=0.01)
    assert "DejaVu Sans" in root.get("font-family")


def test_svg_view_versus_full():
    widget = export_views()["example-view"]
    view, full = Snapshot.of(widget), Snapshot.of(widget, full=True)
    view_root, full_root = ET.fromstring(render_svg(view)), ET.fromstring(render_svg(full))
    assert texts(view_root, "panel-title") == ["All Categories", "Linguistic", "Translation"]
    assert texts(full_root, "panel-title") == [
        "All Categories",
        "Algorithmic",
        "Knowledge",
        "Linguistic",
        "Translation",
    ]
    assert len(svg_panels(view_root, 32, 14)) == 3
    assert {g.shape for _, g in svg_panels(view_root, 32, 14)} == {(32, 14)}
    assert {g.shape for _, g in svg_panels(full_root, 32, 32)} == {(32, 32)}
    # Only the visible categories are counted in the view's composite and legend.
    view_legend = [label for label, _ in view.legend()]
    assert view_legend == ["2 categories", "Translation", "Linguistic", "Unclassified"]
    assert view_legend == texts(view_root)[: len(view_legend)]
    view_ticks = [g for g in view_root.iter(f"{SVG}g") if g.get("class") == "tick-labels"][0]
    # Layers 18..31 of 32: the axis's own ticks (multiples of 6), not a series of the crop.
    assert view.x_ticks() == [18, 24, 30]
    assert [int(t.text) for t in view_ticks][:3] == [18, 24, 30]


def test_svg_head_range_crops_heads():
    """Heads 4..11 of 32: exactly those rows are drawn, ticks carry the real head numbers."""
    rng = np.random.default_rng(7)
    labels = rng.random((32, 32, 2)) < 0.3
    widget = HeadMapWidget(labels, ["A", "B"], head_range=(4, 11))
    snapshot = Snapshot.of(widget)
    assert (snapshot.layers, snapshot.heads) == ((0, 31), (4, 11))
    assert Snapshot.of(widget, full=True).heads == (0, 31)
    assert snapshot.y_ticks() == [6]  # the axis's own multiples of 32 // 5 within 4..11
    svg = render_svg(snapshot)
    root = ET.fromstring(svg)
    layout = Layout.of(snapshot)
    cell, cell_y = layout.cell, layout.cell_y
    assert cell_y == pytest.approx(cell * 32 / 8)  # the 8 heads fill the box of 32
    assert {(cx, cy) for _, _, cx, cy in cells_boxes(root)} == {(round(cell, 4), round(cell_y, 4))}
    panels = svg_panels(root, 8, 32)  # checks each background is 32 x 8 cells
    palette = widget._palette
    grey = palette["unclassified"]
    for c, name in enumerate(widget.categories):
        title, grid = panels[c + 1]
        assert title == name
        want = np.where(labels[:, 4:12, c].T, palette["categories"][c], grey)
        assert (grid == want).all(), name
    # No run of cells reaches outside the 8 head rows.
    for cells in (g for g in root.iter(f"{SVG}g") if g.get("class") == "cells"):
        assert max(y + h for _, _, y, _, h in svg_runs(cells)) <= 8
    frame = next(r for r in root.iter(f"{SVG}rect") if r.get("class") == "frame")
    assert float(frame.get("height")) == pytest.approx(32 * cell + layout.line, abs=0.01)  # the whole model's box
    # Tick labels: layers of 32, then heads of 32 among 4..11, thinned for the crop's cell size.
    group = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "tick-labels")
    heads = tick_values(4, 11, 32, min_tick_step("y", 11, cell_y, layout.font))
    assert heads == [6]
    labels_text = [t.text for t in group]
    assert labels_text == [str(v) for v in tick_values(0, 31, 32, min_tick_step("x", 31, cell, layout.font)) + heads]
    _, top, _, _ = cells_boxes(root)[0]
    y_labels = [t for t in group if t.get("text-anchor") == "end"]
    centre = 0.35 * layout.font  # the label's line box centred on the tick
    assert [float(t.get("y")) for t in y_labels] == pytest.approx(
        [top + (h - 4 + 0.5) * cell_y + centre for h in heads], abs=0.01
    )


def test_svg_head_range_of_128_heads():
    labels = np.zeros((12, 128, 1), dtype=bool)
    labels[:, 64] = labels[3, 127] = True
    widget = HeadMapWidget(labels, ["A"], head_range=(64, 127))
    snapshot = Snapshot.of(widget)
    root = ET.fromstring(render_svg(snapshot))
    layout = Layout.of(snapshot)
    cell = layout.cell_y  # the 64 heads shown fill the box of 128: twice the model's cell
    assert cell == pytest.approx(2 * layout.cell)
    _, grid = svg_panels(root, 64, 12)[1]
    assert (grid[0] == "#1f77b4").all()  # head 64 is the top row
    assert grid[63, 3] == "#1f77b4" and (grid[1:63] == "#e6e6e6").all()
    group = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "tick-labels")
    y_ticks = [int(t.text) for t in group if t.get("text-anchor") == "end"]
    assert y_ticks == [75, 100, 125]  # the axis's multiples of 128 // 5 = 25, never 64 + a step
    _, top, _, _ = cells_boxes(root)[0]
    y_of = {int(t.text): float(t.get("y")) for t in group if t.get("text-anchor") == "end"}
    assert y_of[75] == pytest.approx(top + (75 - 64 + 0.5) * cell + 0.35 * layout.font, abs=0.01)


def test_snapshot_panels_crop_heads():
    widget = export_views()["staircase-heads"]  # layers 1..4, heads 1..3
    title, composite = Snapshot.of(widget).panels()[0]
    assert title == "All Categories" and composite.shape == (3, 4)
    palette = widget._palette
    assert [composite[k, k] for k in range(3)] == [palette["categories"][0], *palette["multi"][:2]]
    assert Snapshot.of(widget, full=True).panels()[0][1].shape == (5, 6)


def test_svg_escapes_user_text():
    labels = np.zeros((3, 2, 4), dtype=bool)
    labels[0, 0] = True
    widget = HeadMapWidget(labels, list(XSS), title=XSS[0] + XSS[1])
    svg = render_svg(Snapshot.of(widget), FigureSpec.parse(width="30in"))  # room for every name whole
    root = ET.fromstring(svg)  # well-formed
    assert "<script" not in svg.lower()
    assert "<img" not in svg.lower()
    assert texts(root, "title") == [XSS[0] + XSS[1]]
    assert texts(root, "panel-title") == ["All Categories", *XSS]
    legend = [row.find(f"{SVG}text").text for row in root.iter(f"{SVG}g") if row.get("class") == "legend-row"]
    assert legend == ["4 categories", "3 categories", "2 categories", *XSS[::-1], "Unclassified"]


def test_svg_is_deterministic_and_small():
    rng = np.random.default_rng(0)
    labels = rng.random((126, 128, 8)) < 0.02
    names = [f"category {i}" for i in range(8)]
    first = render_svg(Snapshot.of(HeadMapWidget(labels, names, title="random")))
    second = render_svg(Snapshot.of(HeadMapWidget(labels.copy(), names, title="random")))
    assert first == second
    size = len(first.encode())
    print(f"126 x 128 x 8 random map (2% per category): {size} bytes")
    assert size < 120_000  # one path per colour: was 293 KB as one <rect> per run
    root = ET.fromstring(first)
    panels = svg_panels(root, 128, 126)
    assert len(panels) == 9
    assert Counter(panels[1][1].ravel().tolist())["#1f77b4"] == labels[..., 0].sum()
    # A whole row of one colour is one run.
    rows = np.zeros((126, 128, 8), dtype=bool)
    rows[:, 3, 0] = True
    svg = render_svg(Snapshot.of(HeadMapWidget(rows, names)))
    cells = [g for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("class") == "cells"]
    assert [len(svg_runs(g)) for g in cells] == [1, 1] + [0] * 7
