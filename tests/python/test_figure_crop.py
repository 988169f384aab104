"""A crop zooms inside the whole model's panel boxes: the SVG's and the PNG's boxes are the
uncropped figure's at the same size, and the shown heads' wider cells carry their colours."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest

from headwidget import HeadMapWidget, example_labels
from headwidget.figure import Layout
from headwidget.layout import crop_cell
from headwidget.snapshot import Snapshot
from tests.helpers.colours import close, rgb_of
from tests.helpers.labels import expected_grids
from tests.helpers.svg import SVG, cells_boxes

CROPS = [((18, 31), (0, 31)), ((0, 31), (4, 11)), ((20, 23), (26, 29)), ((5, 5), (7, 7))]


def _boxes(layout: Layout) -> list[tuple[float, float, float, float]]:
    return [(p.plot.x, p.plot.y, p.plot.width, p.plot.height) for p in layout.panels]


@pytest.mark.parametrize("counts", [False, True])
@pytest.mark.parametrize("layers,heads", CROPS)
def test_a_crop_moves_no_box(layers, heads, counts):
    whole = HeadMapWidget(example_labels())
    crop = HeadMapWidget(example_labels(), layer_range=layers, head_range=heads)
    a, b = (Layout.of(Snapshot.of(w, counts=counts)) for w in (whole, crop))
    assert _boxes(b) == _boxes(a) and (b.width, b.height) == (a.width, a.height)
    assert [row.swatch for row in b.legend] == [row.swatch for row in a.legend]
    shown_layers, shown_heads = layers[1] - layers[0] + 1, heads[1] - heads[0] + 1
    assert (b.cell_x, b.cell_y) == (crop_cell(a.cell, 32, shown_layers), crop_cell(a.cell, 32, shown_heads))
    if counts:  # the bars span the box, one per shown layer
        assert (b.counts.box.x, b.counts.box.width) == (a.counts.box.x, a.counts.box.width)
        assert {round(bar.box.width, 6) for bar in b.counts.bars} <= {round(b.cell_x, 6)}


@pytest.mark.parametrize("layers,heads", CROPS[:3])
def test_svg_boxes_are_the_uncropped_figures(tmp_path, layers, heads):
    whole = HeadMapWidget(example_labels())
    crop = HeadMapWidget(example_labels(), layer_range=layers, head_range=heads)
    whole.save(tmp_path / "whole.svg")
    crop.save(tmp_path / "crop.svg")
    a, b = (cells_boxes(ET.parse(tmp_path / name).getroot()) for name in ("whole.svg", "crop.svg"))
    shown_layers, shown_heads = layers[1] - layers[0] + 1, heads[1] - heads[0] + 1
    for (x, y, cx, cy), (x2, y2, cx2, cy2) in zip(a, b, strict=True):
        assert (x2, y2) == (x, y)
        assert shown_layers * cx2 == pytest.approx(32 * cx, abs=0.01)  # the crop fills the box
        assert shown_heads * cy2 == pytest.approx(32 * cy, abs=0.01)
    frames = [
        [tuple(r.get(k) for k in ("x", "y", "width", "height")) for r in ET.parse(p).getroot().iter(f"{SVG}rect")
         if r.get("class") == "frame"]
        for p in (tmp_path / "whole.svg", tmp_path / "crop.svg")
    ]  # fmt: skip
    assert frames[0] == frames[1]


def test_png_boxes_are_the_uncropped_figures_and_cells_carry_colours(tmp_path):
    """Through matplotlib: each panel's axes at the same pixels as the uncropped figure's, and
    the shown heads' (wider, non-square) cells in their colours."""
    pytest.importorskip("matplotlib")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    layers, heads = (20, 23), (4, 11)  # 4 of 32 layers, 8 of 32 heads: cells 8 x 4 times the model's
    whole = HeadMapWidget(example_labels())
    crop = HeadMapWidget(example_labels(), layer_range=layers, head_range=heads)
    figs = [w.to_matplotlib() for w in (whole, crop)]
    for fig in figs:
        FigureCanvasAgg(fig).draw()
    extents = [[tuple(np.round(ax.get_window_extent().bounds, 3)) for ax in fig.axes] for fig in figs]
    assert extents[0] == extents[1]
    dpi = 300
    crop.save(tmp_path / "crop.png", dpi=dpi)
    with Image.open(tmp_path / "crop.png") as png:
        image = png.convert("RGB")
    fig = figs[1]
    scale = dpi / fig.dpi
    grids = expected_grids(crop)
    for ax, (title, grid) in zip(fig.axes, grids, strict=True):
        x0, y0, w, h = ax.get_window_extent().bounds
        for row, col in ((0, 0), (3, 1), (5, 2), (7, 3)):
            x = (x0 + (col + 0.5) * w / 4) * scale
            y = image.height - (y0 + h - (row + 0.5) * h / 8) * scale
            got = image.getpixel((int(x), int(y)))
            assert close(got, rgb_of(grid[row, col])), (title, layers[0] + col, heads[0] + row)
