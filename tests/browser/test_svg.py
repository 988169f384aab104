"""The SVG export as a browser draws it: every head's pixel in every panel has the colour
the labels give it (the runs of each colour path land on the right cells)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from headwidget import HeadMapWidget, example_labels
from headwidget.figure import Layout
from headwidget.size import FigureSpec
from headwidget.snapshot import Snapshot
from tests.helpers.colours import hex_of
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
