"""The SVG export as a browser draws it: every head's pixel in every panel has the colour
the labels give it (the runs of each colour path land on the right cells)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from headwidget import HeadMapWidget, example_labels
from headwidget.layout import cell_pixels
from tests.helpers.colours import hex_of
from tests.helpers.labels import expected_grids
from tests.helpers.svg import cells_origins


@pytest.mark.parametrize("counts", [False, True])
def test_svg_pixels_match_the_labels_in_chromium(browser, tmp_path, counts):
    widget = HeadMapWidget(example_labels(), layer_range=(16, 31), head_range=(8, 23))
    path = tmp_path / "map.svg"
    widget.save(path, counts=counts)
    root = ET.fromstring(path.read_text())
    width, height = int(float(root.get("width"))), int(float(root.get("height")))
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(path.as_uri())
    shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    page.close()
    cell = cell_pixels(16, 16)
    origins = cells_origins(root)
    grids = expected_grids(widget)
    assert len(origins) == len(grids) == 5
    for (x0, y0), (title, grid) in zip(origins, grids, strict=True):
        want = grid  # (heads, layers) in view
        for row in range(16):
            for col in range(16):
                pixel = hex_of(shot.getpixel((x0 + col * cell + cell // 2, y0 + row * cell + cell // 2)))
                assert pixel == want[row, col], (title, 16 + col, 8 + row)
    if counts:  # layer 31's bar: its lowest segment, just above the composite, in a category's colour
        x0, y0 = origins[0]
        below = hex_of(shot.getpixel((x0 + 15 * cell + cell // 2, y0 - 4)))
        assert below in widget._palette["categories"] + widget._palette["multi"]
