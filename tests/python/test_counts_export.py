"""The per-layer count bars in static exports (``counts=True``): the same bars as the
live view, under the composite's "layer" label, in SVG, PNG and PDF, with their scale
where the head ticks are. (From the CLI: ``test_cli.py``; in Chromium:
``tests/browser/test_counts.py``.)"""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET

import pytest

from headwidget import HeadMapWidget
from headwidget.figure import Layout
from headwidget.palette import palette_for
from headwidget.size import FigureSpec
from headwidget.snapshot import Snapshot
from headwidget.svg import render_svg
from tests.helpers.colours import close, rgb_of
from tests.helpers.labels import stacks as labels
from tests.helpers.svg import SVG, cells_boxes, count_bars, svg_groups

A, B = palette_for(2)["categories"]
AB = palette_for(2)["multi"][0]
# 11 px text (the live view's): the bars are its 40 px tall
SPEC = FigureSpec.parse("7in", 8.25)


def test_svg_bars_stack_like_the_live_view():
    svg = render_svg(Snapshot.of(HeadMapWidget(labels(), ["A", "B"]), counts=True), SPEC)
    root = ET.fromstring(svg)
    left, top, cell, _ = cells_boxes(root)[0]
    columns = count_bars(svg)
    assert sorted(columns) == pytest.approx([left + cell, left + 2 * cell, left + 3 * cell], abs=0.01)  # layer 0: none
    at = {round((x - left) / cell): segments for x, segments in columns.items()}
    # the busiest layer (4 heads) fills 40 px: 10 per head; categories first, then heads in 2
    assert [(c, h) for c, h, _ in at[3]] == [(A, 20), (B, 10), (AB, 10)]
    assert [(c, h) for c, h, _ in at[2]] == [(A, 10), (B, 10)]
    assert [(c, h) for c, h, _ in at[1]] == [(A, 10)]
    # stacked without gaps on one base line, below the composite's "layer" label
    layer_label = next(t for t in svg_groups(root, "panel")[0].iter(f"{SVG}text") if t.get("class") == "x-label")
    bases = {segments[0][2] for segments in columns.values()}
    assert len(bases) == 1
    base = bases.pop()
    assert base - 40 > float(layer_label.get("y"))  # the bars' top is below the label's baseline
    for segments in columns.values():
        for below, above in zip(segments, segments[1:], strict=False):
            assert above[2] == pytest.approx(below[2] - below[1], abs=0.01)
    # their scale: "0" at the bottom, the busiest layer's 4 heads at the top, right-aligned with the head ticks
    scale = svg_groups(root, "counts-scale")[0]
    head_tick = next(t for t in svg_groups(root, "tick-labels")[0] if t.get("text-anchor") == "end")
    assert [t.text for t in scale] == ["0", "4"]
    assert {t.get("x") for t in scale} == {head_tick.get("x")}
    y0, y4 = (float(t.get("y")) for t in scale)
    assert y0 - y4 == pytest.approx(40, abs=0.01)


def test_only_the_composite_row_grows():
    """The bars add height under the composite; no panel moves, titles stay on one line."""
    widget = HeadMapWidget(labels(), ["A", "B"])
    plain = render_svg(Snapshot.of(widget), SPEC)
    assert 'class="counts"' not in plain
    with_bars = render_svg(Snapshot.of(widget, counts=True), SPEC)
    roots = [ET.fromstring(svg) for svg in (plain, with_bars)]
    assert cells_boxes(roots[0]) == cells_boxes(roots[1])
    for root in roots:
        assert len({t.get("y") for t in root.iter(f"{SVG}text") if t.get("class") == "panel-title"}) == 1
    heights = [float(root.get("viewBox").split()[3]) for root in roots]
    assert heights[1] > heights[0] + 40


def test_bars_sit_under_the_composite_in_any_slot():
    """With the composite second and three panels per row, the bars stand under it, and only
    its row grows: the second row is lower by the bars' room."""
    widget = HeadMapWidget(labels(), ["A", "B"])
    spec = FigureSpec.parse("3.25in", 7, ncols=2, panels=["A", "All Categories", "B"])
    plain = Layout.of(Snapshot.of(widget), spec)
    bars = Layout.of(Snapshot.of(widget, counts=True), spec)
    composite = bars.panels[1]
    assert composite.title.text == "All Categories"
    assert bars.counts.box.x == composite.plot.x and bars.counts.box.width == composite.plot.width
    assert bars.counts.box.y > composite.x_label.y
    assert [p.plot for p in bars.panels[:2]] == [p.plot for p in plain.panels[:2]]
    assert bars.panels[2].plot.y > plain.panels[2].plot.y + bars.counts.box.height
    without = Layout.of(Snapshot.of(widget, counts=True), FigureSpec.parse(panels=["A", "B"]))
    assert without.counts is None  # no composite, no bars


def test_bars_count_only_the_shown_heads_and_follow_the_layer_crop():
    widget = HeadMapWidget(labels(), ["A", "B"], head_range=(0, 1), layer_range=(2, 3))
    counts, colours, busiest = Snapshot.of(widget, counts=True).layer_counts()
    assert counts.tolist() == [[1, 1, 0], [2, 0, 0]]  # layers 2 and 3, heads 0..1 only
    assert colours == [A, B, AB]
    assert busiest == 2  # the busiest layer among heads 0..1, over every layer


def test_bad_counts_is_refused_and_writes_nothing(tmp_path):
    widget = HeadMapWidget(labels(), ["A", "B"])
    path = tmp_path / "map.svg"
    with pytest.raises(TypeError, match=r"counts must be True, False or None .*; got str 'yes'"):
        widget.save(path, counts="yes")
    assert not path.exists()


def test_counts_default_follows_show_counts(tmp_path):
    widget = HeadMapWidget(labels(), ["A", "B"])
    widget.save(tmp_path / "plain.svg")
    assert 'class="counts"' not in (tmp_path / "plain.svg").read_text()
    widget.show_counts = True  # the live view's trait (a plain attribute where it is not defined yet)
    widget.save(tmp_path / "bars.svg")
    assert 'class="counts"' in (tmp_path / "bars.svg").read_text()
    widget.save(tmp_path / "off.svg", counts=False)
    assert 'class="counts"' not in (tmp_path / "off.svg").read_text()


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_matplotlib_bars(tmp_path, fmt):
    pytest.importorskip("matplotlib")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    widget = HeadMapWidget(labels(), ["A", "B"])
    fig = widget.to_matplotlib(counts=True)
    assert len(fig.axes) == 4  # composite, A, B, then the bars
    composite, bars_ax = fig.axes[0], fig.axes[-1]
    heights = [round(p.get_height()) for p in bars_ax.patches if p.get_height() > 0]
    assert sorted(heights) == [1, 1, 1, 1, 1, 2]  # A: 1, 1, 2; B: 1, 1; A+B: 1
    assert bars_ax.get_position().x0 == pytest.approx(composite.get_position().x0)
    assert bars_ax.get_position().y1 < composite.get_position().y0  # below the composite
    path = tmp_path / f"map.{fmt}"
    widget.save(path, counts=True, dpi=100)
    assert path.stat().st_size > 0
    if fmt == "png":
        image = Image.open(path).convert("RGB")
        fig.set_dpi(100)
        FigureCanvasAgg(fig).draw()
        box = bars_ax.get_window_extent()
        x = box.x0 + 3.5 * box.width / 4  # layer 3
        # bottom half A (2 of 4 heads), top quarter A+B
        for fraction, colour in ((0.25, A), (0.625, B), (0.875, AB)):
            y = box.y0 + fraction * box.height
            assert close(image.getpixel((int(x), int(image.height - y))), rgb_of(colour)), (fraction, colour)


def test_bars_with_no_category_visible(tmp_path):
    """No visible category: no groups, no bars, and the figure still draws (it used to raise)."""
    widget = HeadMapWidget(labels(), ["A", "B"], visible=[])
    counts, colours, busiest = Snapshot.of(widget, counts=True).layer_counts()
    assert (counts.shape, colours, busiest) == ((4, 0), [], 0)
    svg = render_svg(Snapshot.of(widget, counts=True))
    group = next(g for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("class") == "counts")
    assert len(group) == 0
    if importlib.util.find_spec("matplotlib"):
        widget.save(tmp_path / "map.png", counts=True, dpi=50)
        assert (tmp_path / "map.png").stat().st_size > 0
