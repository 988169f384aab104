"""The SVG export as a browser draws it: every head's pixel in every panel has the colour
the labels give it (the runs of each colour path land on the right cells)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PIL import Image

from headwidget import HeadMapWidget, example_labels
from headwidget.figure import Layout
from headwidget.size import FigureSpec
from headwidget.snapshot import Snapshot
from tests.helpers.colours import hex_of
from tests.helpers.display import static_svg
from tests.helpers.labels import expected_grids
from tests.helpers.svg import cells_boxes


@pytest.mark.parametrize("counts", [False, True])
def test_svg_pixels_match_the_labels_in_chromium(browser, tmp_path, counts):
    widget = HeadMapWidget(example_labels(), layer_range=(16, 31), head_range=(8, 23))
    path = tmp_path / "map.svg"
    widget.save(path, counts=counts, width="12in")  # cells of several px, to sample their centres
    root = ET.fromstring(path.read_text())
    width, height = (round(float(root.get(side).removesuffix("in")) * 96) for side in ("width", "height"))
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(path.as_uri())
    shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    page.close()
    boxes = cells_boxes(root)
    grids = expected_grids(widget)
    assert len(boxes) == len(grids) == 5
    for (x0, y0, cell_x, cell_y), (title, grid) in zip(boxes, grids, strict=True):
        assert cell_x > 5 and cell_y > 5  # the crop's 16 x 16 heads fill the model's 32 x 32 box
        want = grid  # (heads, layers) in view
        for row in range(16):
            for col in range(16):
                pixel = hex_of(shot.getpixel((int(x0 + (col + 0.5) * cell_x), int(y0 + (row + 0.5) * cell_y))))
                assert pixel == want[row, col], (title, 16 + col, 8 + row)
    if counts:  # layer 31's bar: its lowest segment, at the bottom of the bars' strip, in a category's colour
        bars = Layout.of(Snapshot.of(widget, counts=True), FigureSpec.parse("12in")).counts.box
        x0, _, cell_x, _ = boxes[0]
        lowest = hex_of(shot.getpixel((int(x0 + 15.5 * cell_x), int(bars.bottom - 2))))
        assert lowest in widget._palette["categories"] + widget._palette["multi"]


def _shoot(browser, svg: str, tmp_path, name: str, scale: int) -> Image.Image:
    """The SVG document as Chromium draws it from a file, at ``scale`` device px per CSS px."""
    path = tmp_path / name
    path.write_text(svg)
    root = ET.fromstring(svg)
    width, height = (round(float(root.get(side).removesuffix("in")) * 96) for side in ("width", "height"))
    page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=scale)
    page.goto(path.as_uri())
    shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    page.close()
    return shot


@pytest.mark.parametrize("crop", [False, True])
def test_display_fallback_pixels_are_the_vector_svgs(browser, tmp_path, crop):
    """The bundle's fallback (PNG cells, pixelated) at its default size, drawn by Chromium:
    sample heads (unclassified, in one category, in two) show the colour the vector SVG
    shows there and the labels give them, in every panel."""
    view = {"layer_range": (18, 31), "head_range": (4, 11)} if crop else {}
    widget = HeadMapWidget(example_labels(), **view)
    widget.save(tmp_path / "vector.svg")
    scale = 4  # cells of 1.85 CSS px at 7 in: 7 device px to sample the middle of
    shots = [
        _shoot(browser, static_svg(widget), tmp_path, "fallback.svg", scale),
        _shoot(browser, (tmp_path / "vector.svg").read_text(), tmp_path, "vector.svg", scale),
    ]
    (first, last), (first_head, last_head) = widget.layer_range, widget.head_range
    k = widget.labels[first : last + 1, first_head : last_head + 1].sum(axis=-1)  # categories per shown head
    samples = [tuple(map(int, np.argwhere(k == n)[i])) for n in (0, 1, 2) for i in (0, -1)]
    assert len(samples) == 6  # unclassified, one and two categories, each twice
    boxes = cells_boxes(ET.parse(tmp_path / "vector.svg").getroot())
    for (x0, y0, cell_x, cell_y), (title, grid) in zip(boxes, expected_grids(widget), strict=True):
        for col, row in samples:
            at = (int((x0 + (col + 0.5) * cell_x) * scale), int((y0 + (row + 0.5) * cell_y) * scale))
            fallback, vector = (hex_of(shot.getpixel(at)) for shot in shots)
            assert fallback == vector == grid[row, col], (title, first + col, first_head + row)
