"""Reading a figure's heads back from pixels: a screenshot of a page, or a PDF page as PNG.

A panel's cells fill its box with no gap, each cell one palette colour (a category's, a
"k categories" colour or unclassified grey), so a panel is a large solid region of palette
colours; legend swatches are the only other palette pixels, and they are small. The
regions are found by linking each row's runs of palette pixels to the runs they touch in
the row above (union-find), then every cell is read at its centre.
"""

from __future__ import annotations

import numpy as np

from headwidget import HeadMapWidget
from tests.helpers.colours import rgb_of
from tests.helpers.labels import expected_grids

Box = tuple[int, int, int, int]  # x0, y0, x1, y1 (exclusive), in image pixels


def palette_colours(widget: HeadMapWidget) -> list[str]:
    palette = widget._palette
    return [palette["unclassified"], *palette["categories"], *palette["multi"]]


def nearest(rgb: np.ndarray, colours: list[str], tol: int) -> np.ndarray:
    """Index of the palette colour within ``tol`` (per channel) of each pixel, or -1."""
    table = np.array([rgb_of(c) for c in colours], dtype=np.int16)
    diff = np.abs(rgb[..., None, :3].astype(np.int16) - table).max(axis=-1)
    best = diff.argmin(axis=-1)
    return np.where(diff.min(axis=-1) <= tol, best, -1)


def regions(mask: np.ndarray) -> list[tuple[Box, int]]:
    """Bounding box and pixel count of each 4-connected region of ``mask``."""
    parent: list[int] = []
    boxes: list[list[int]] = []

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    previous: list[tuple[int, int, int]] = []  # (x0, x1, run id) of the row above
    for y, row in enumerate(mask):
        edges = np.flatnonzero(np.diff(np.concatenate(([0], row.astype(np.int8), [0]))))
        current = []
        for x0, x1 in zip(edges[::2], edges[1::2], strict=True):
            run = len(parent)
            parent.append(run)
            boxes.append([int(x0), y, int(x1), y + 1])
            for px0, px1, other in previous:
                if px0 < x1 and x0 < px1:  # the runs touch: one region
                    a, b = find(run), find(other)
                    if a != b:
                        parent[b] = a
            current.append((int(x0), int(x1), run))
        previous = current
    merged: dict[int, list[int]] = {}
    for run, (x0, y0, x1, y1) in enumerate(boxes):
        box = merged.setdefault(find(run), [x0, y0, x1, y1, 0])
        box[:] = [min(box[0], x0), min(box[1], y0), max(box[2], x1), max(box[3], y1), box[4] + x1 - x0]
    return [((x0, y0, x1, y1), n) for x0, y0, x1, y1, n in merged.values()]


def panel_boxes(rgb: np.ndarray, widget: HeadMapWidget) -> list[Box]:
    """The panels' boxes, in reading order (rows top to bottom, then left to right).

    A panel is a solid box of palette colours (a page's grey code cell is not: text breaks it);
    every panel has the same box, the largest such; legend swatches are far smaller.
    """
    mask = nearest(rgb, palette_colours(widget), tol=12) >= 0  # white is 25 from the grey
    solid = [box for box, n in regions(mask) if n >= 0.97 * (box[2] - box[0]) * (box[3] - box[1])]
    area = max((b[2] - b[0]) * (b[3] - b[1]) for b in solid)
    boxes = [b for b in solid if (b[2] - b[0]) * (b[3] - b[1]) >= 0.8 * area]
    boxes.sort(key=lambda b: (b[1], b[0]))
    rows: list[list[Box]] = []
    for box in boxes:  # panels of one row share their top within a few pixels
        if rows and abs(rows[-1][0][1] - box[1]) <= 3:
            rows[-1].append(box)
        else:
            rows.append([box])
    return [box for row in rows for box in sorted(row)]


def read_grid(rgb: np.ndarray, box: Box, n_heads: int, n_layers: int, colours: list[str]) -> np.ndarray:
    """The palette colour at each cell's centre of one panel: (heads, layers) of ``#rrggbb`` or ``"?"``."""
    x0, y0, x1, y1 = box
    xs = (x0 + (np.arange(n_layers) + 0.5) * (x1 - x0) / n_layers).astype(int)
    ys = (y0 + (np.arange(n_heads) + 0.5) * (y1 - y0) / n_heads).astype(int)
    found = nearest(rgb[np.ix_(ys, xs)], colours, tol=12)
    names = np.array([*colours, "?"], dtype=object)
    return names[found]


def assert_shows(rgb: np.ndarray, widget: HeadMapWidget) -> list[Box]:
    """Every head of every panel of the first figure in ``rgb`` (the topmost: a page may show
    more below) has the colour the labels give it; returns the panels' boxes."""
    want = expected_grids(widget)
    boxes = panel_boxes(rgb, widget)[: len(want)]
    assert len(boxes) == len(want), f"found {len(boxes)} panels, want {len(want)}: {boxes}"
    colours = palette_colours(widget)
    for box, (title, grid) in zip(boxes, want, strict=True):
        got = read_grid(rgb, box, *grid.shape, colours)
        wrong = np.argwhere(got != grid)
        assert not len(wrong), (
            f"{title}: {len(wrong)} of {grid.size} heads wrong, e.g. (head, layer) {wrong[:3].tolist()}"
        )
    return boxes
