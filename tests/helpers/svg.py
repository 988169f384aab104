"""Reading an SVG export: the runs of cells per panel, texts, tick labels, count bars."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import numpy as np

SVG = "{http://www.w3.org/2000/svg}"
RUN = re.compile(r"M(\d+) (\d+)h(\d+)v(\d+)h-(\d+)z")
CELLS = re.compile(r"translate\(([-\d.]+) ([-\d.]+)\) scale\(([\d.]+)(?: ([\d.]+))?\)")


def svg_groups(root: ET.Element, cls: str) -> list[ET.Element]:
    """Every ``<g class="cls">`` in document order."""
    return [g for g in root.iter(f"{SVG}g") if g.get("class") == cls]


def svg_runs(cells: ET.Element) -> list[tuple[str, int, int, int, int]]:
    """(fill, column, row, width, height) of every run of cells in a ``<g class="cells">``, in cells."""
    runs = []
    for path in cells.findall(f"{SVG}path"):
        d = path.get("d")
        found = RUN.findall(d)
        assert "".join(f"M{x} {y}h{w}v{h}h-{w2}z" for x, y, w, h, w2 in found) == d, "only runs in the path"
        for x, y, w, h, w2 in found:
            assert w == w2
            runs.append((path.get("fill"), int(x), int(y), int(w), int(h)))
    return runs


def svg_panels(root: ET.Element, n_heads: int, n_shown: int) -> list[tuple[str, np.ndarray]]:
    """(title, colour grid) per ``<g data-panel>``, the runs of each colour path expanded back into cells."""
    panels = []
    ordered = sorted(root.iter(f"{SVG}g"), key=lambda g: int(g.get("data-panel", -1)))
    for group in (g for g in ordered if g.get("data-panel") is not None):
        title = next(t for t in group.iter(f"{SVG}text") if t.get("class") == "panel-title").text
        cells = next(g for g in group.iter(f"{SVG}g") if g.get("class") == "cells")
        background = cells.find(f"{SVG}rect")
        assert (int(background.get("x")), int(background.get("y"))) == (0, 0)
        assert (int(background.get("width")), int(background.get("height"))) == (n_shown, n_heads)
        grid = np.full((n_heads, n_shown), background.get("fill"), dtype=object)
        for fill, x, y, w, h in svg_runs(cells):
            assert re.fullmatch("#[0-9a-f]{6}", fill), fill
            assert h == 1 and x + w <= n_shown and y < n_heads
            grid[y, x : x + w] = fill
        panels.append((title, grid))
    return panels


def cells_boxes(root: ET.Element) -> list[tuple[float, float, float, float]]:
    """(x, y, cell width, cell height) of each panel's cells: the ``transform`` of every
    ``<g class="cells">`` (``scale(s)`` for square cells, ``scale(sx sy)`` for a crop's)."""
    boxes = []
    for g in svg_groups(root, "cells"):
        x, y, sx, sy = CELLS.fullmatch(g.get("transform")).groups()
        boxes.append((float(x), float(y), float(sx), float(sy or sx)))
    return boxes


def cells_origins(root: ET.Element) -> list[tuple[float, float]]:
    """Where each panel's cells start."""
    return [(x, y) for x, y, *_ in cells_boxes(root)]


def cells_origin(root: ET.Element) -> tuple[float, float]:
    """Where the first panel's cells start."""
    return cells_origins(root)[0]


def texts(root: ET.Element, cls: str | None = None) -> list[str]:
    """The text of every ``<text>`` (of class ``cls``), in document order."""
    return [t.text or "" for t in root.iter(f"{SVG}text") if cls is None or t.get("class") == cls]


def tick_labels(root: ET.Element) -> list[tuple[list[str], list[str]]]:
    """(layer labels, head labels) per panel, from each ``<g class="tick-labels">``."""
    return [
        ([t.text for t in g if t.get("text-anchor") == "middle"], [t.text for t in g if t.get("text-anchor") == "end"])
        for g in svg_groups(root, "tick-labels")
    ]


def count_bars(svg: str) -> dict[float, list[tuple[str, float, float]]]:
    """Per column x: the bar's (colour, height, base) segments from the bottom up."""
    columns: dict[float, list[tuple[str, float, float]]] = {}
    for rect in svg_groups(ET.fromstring(svg), "counts")[0]:
        x, y, h = float(rect.get("x")), float(rect.get("y")), float(rect.get("height"))
        columns.setdefault(x, []).append((rect.get("fill"), h, round(y + h, 2)))
    return columns


def image_panels(root: ET.Element) -> list[tuple[str, np.ndarray, tuple[float, float, float, float]]]:
    """(title, colour grid, box) per ``<g data-panel>`` of the display fallback: its
    ``<image class="cells">`` PNG decoded (with PIL) into (heads, layers) "#rrggbb", and
    the image's (x, y, width, height)."""
    import base64
    import io

    from PIL import Image

    panels = []
    for group in (g for g in root.iter(f"{SVG}g") if g.get("data-panel") is not None):
        title = next(t for t in group.iter(f"{SVG}text") if t.get("class") == "panel-title").text
        image = next(i for i in group.iter(f"{SVG}image") if i.get("class") == "cells")
        head, data = image.get("href").split(",", 1)
        assert head == "data:image/png;base64"
        assert image.get("preserveAspectRatio") == "none" and "pixelated" in image.get("style")
        with Image.open(io.BytesIO(base64.b64decode(data))) as png:
            rgb = np.asarray(png.convert("RGB"))
        grid = np.array([[f"#{r:02x}{g:02x}{b:02x}" for r, g, b in row] for row in rgb.tolist()], dtype=object)
        box = tuple(float(image.get(k)) for k in ("x", "y", "width", "height"))
        panels.append((title, grid, box))
    return panels
