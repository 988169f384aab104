"""The per-layer count bars in static exports (``counts=True``): the same bars as the
live view, above the composite, in SVG, PNG and PDF. (From the CLI: ``test_cli.py``;
in Chromium: ``tests/browser/test_counts.py``.)"""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET

import pytest

from headwidget import HeadMapWidget
from headwidget.palette import palette_for
from headwidget.snapshot import Snapshot
from headwidget.svg import render_svg
from tests.helpers.colours import close, rgb_of
from tests.helpers.labels import stacks as labels
from tests.helpers.svg import SVG, cells_origin, count_bars

A, B = palette_for(2)["categories"]
AB = palette_for(2)["multi"][0]


def test_svg_bars_stack_like_the_live_view():
    svg = render_svg(Snapshot.of(HeadMapWidget(labels(), ["A", "B"]), counts=True))
    left, top = cells_origin(ET.fromstring(svg))
    columns = count_bars(svg)
    cell = 48  # 240 // 5 heads
    assert sorted(columns) == [left + cell, left + 2 * cell, left + 3 * cell]  # layer 0 has none
    # the busiest layer (4 heads) fills 40 px: 10 per head; categories first, then heads in 2
    assert [(c, h) for c, h, _ in columns[left + 3 * cell]] == [(A, 20), (B, 10), (AB, 10)]
    assert [(c, h) for c, h, _ in columns[left + 2 * cell]] == [(A, 10), (B, 10)]
    assert [(c, h) for c, h, _ in columns[left + cell]] == [(A, 10)]
    # stacked without gaps, standing 3 px above the composite's cells
    for segments in columns.values():
        assert segments[0][2] == top - 3
        for below, above in zip(segments, segments[1:], strict=False):
            assert above[2] == below[2] - below[1]


def test_svg_without_counts_has_no_bars_and_titles_stay_on_one_line():
    widget = HeadMapWidget(labels(), ["A", "B"])
    plain = render_svg(Snapshot.of(widget))
    assert 'class="counts"' not in plain
    with_bars = render_svg(Snapshot.of(widget, counts=True))
    for svg, drop in ((plain, 0), (with_bars, 43)):
        root = ET.fromstring(svg)
        title_y = {t.get("y") for t in root.iter(f"{SVG}text") if t.get("class") == "panel-title"}
        assert len(title_y) == 1
        assert cells_origin(root)[1] - int(title_y.pop()) == 6 + drop  # the titles sit above the bars
    # every panel's cells move down by the bars' 43 px, not only the composite's
    plain_tops = {g.get("transform") for g in ET.fromstring(plain).iter(f"{SVG}g") if g.get("class") == "cells"}
    bars_tops = {g.get("transform") for g in ET.fromstring(with_bars).iter(f"{SVG}g") if g.get("class") == "cells"}
    shift = {int(re.search(r" (\d+)\)", t).group(1)) for t in bars_tops} - {0}
    base = {int(re.search(r" (\d+)\)", t).group(1)) for t in plain_tops}
    assert len(shift) == len(base) == 1 and shift.pop() - base.pop() == 43


def test_bars_count_only_the_shown_heads_and_follow_the_layer_crop():
    widget = HeadMapWidget(labels(), ["A", "B"], head_range=(0, 1), layer_range=(2, 3))
    counts, colours, busiest = Snapshot.of(widget, counts=True).layer_counts()
    assert counts.tolist() == [[1, 1, 0], [2, 0, 0]]  # layers 2 and 3, heads 0..1 only
    assert colours == [A, B, AB]
    assert busiest == 2  # the busiest layer among heads 0..1, over every layer


def test_bad_counts_is_refused_and_writes_nothing(tmp_path):
    widget = HeadMapWidget(labels(), ["A", "B"])
    path = tmp_path / "map.svg"
    with pytest.raises(TypeError, match=r"counts must be True or False; got str 'yes'"):
        widget.save(path, counts="yes")
    assert not path.exists()


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
    assert bars_ax.get_position().y0 > composite.get_position().y1
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
