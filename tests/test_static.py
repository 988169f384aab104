"""Static exports: the pure-Python SVG and the matplotlib figure / PNG / PDF.

The expected colours are computed here from the labels and the palette, not
through :meth:`Snapshot.panels`, so both are checked against the same rules as
the live view: composite colour by the number of visible categories, per-panel
category colour where the head is in that category, light grey elsewhere.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from headwidget import HeadMapWidget, example_labels
from headwidget.layout import Layout, cell_pixels
from headwidget.snapshot import Snapshot
from headwidget.svg import render_svg

SVG = "{http://www.w3.org/2000/svg}"
FIXTURE = Path(__file__).parent / "fixtures" / "layout.json"
XSS = ("</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>", 'Tom & "Jerry"', "$x^2$ \\frac{a}{b}")


def staircase() -> np.ndarray:
    """6 layers x 5 heads x 4 categories: head (k, k) is in categories 0 .. k-1,
    and head 0 of layer 5 in category 3 only."""
    labels = np.zeros((6, 5, 4), dtype=bool)
    for k in range(5):
        labels[k, k, :k] = True
    labels[5, 0, 3] = True
    return labels


def widgets() -> dict[str, HeadMapWidget]:
    names = ["A", "B", "C", "D"]
    return {
        "staircase": HeadMapWidget(staircase(), names, title="Staircase"),
        "staircase-view": HeadMapWidget(staircase(), names, layer_range=(1, 4), visible=["A", "C", "D"]),
        "example": HeadMapWidget(example_labels(), title="Synthetic example (not a real model)"),
        "example-view": HeadMapWidget(example_labels(), layer_range=(18, 31), visible=["Linguistic", "Translation"]),
        "staircase-heads": HeadMapWidget(staircase(), names, layer_range=(1, 4), head_range=(1, 3)),
        "example-heads": HeadMapWidget(example_labels(), head_range=(4, 11), visible=["Linguistic", "Knowledge"]),
    }


def expected_grids(widget: HeadMapWidget, *, full: bool = False) -> list[tuple[str, np.ndarray]]:
    """(title, (heads shown, layers shown) colours) per panel, from the labels and palette."""
    palette = widget._palette
    grey = palette["unclassified"]
    first, last = (0, widget.shape[0] - 1) if full else widget.layer_range
    first_head, last_head = (0, widget.shape[1] - 1) if full else widget.head_range
    visible = [c for c, name in enumerate(widget.categories) if full or name in widget.visible]
    labels = widget.labels[first : last + 1, first_head : last_head + 1]
    n_shown, n_heads = labels.shape[:2]
    composite = np.full((n_heads, n_shown), grey, dtype=object)
    for layer in range(n_shown):
        for head in range(n_heads):
            on = [c for c in visible if labels[layer, head, c]]
            if len(on) == 1:
                composite[head, layer] = palette["categories"][on[0]]
            elif len(on) > 1:
                composite[head, layer] = palette["multi"][len(on) - 2]
    grids = [("All Categories", composite)]
    for c in visible:
        grids.append((widget.categories[c], np.where(labels[:, :, c].T, palette["categories"][c], grey).astype(object)))
    return grids


RUN = re.compile(r"M(\d+) (\d+)h(\d+)v(\d+)h-(\d+)z")


def svg_runs(cells: ET.Element) -> list[tuple[str, int, int, int, int]]:
    """(fill, x, y, width, height) of every run of cells in a ``<g class="cells">``."""
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
    cell = cell_pixels(n_shown, n_heads)
    panels = []
    groups = sorted(root.iter(f"{SVG}g"), key=lambda g: int(g.get("data-panel", -1)))
    for group in (g for g in groups if g.get("data-panel") is not None):
        title = next(t for t in group.iter(f"{SVG}text") if t.get("class") == "panel-title").text
        cells = next(g for g in group.iter(f"{SVG}g") if g.get("class") == "cells")
        background = cells.find(f"{SVG}rect")
        assert (int(background.get("x")), int(background.get("y"))) == (0, 0)
        assert (int(background.get("width")), int(background.get("height"))) == (n_shown * cell, n_heads * cell)
        grid = np.full((n_heads, n_shown), background.get("fill"), dtype=object)
        for fill, x, y, w, h in svg_runs(cells):
            assert re.fullmatch("#[0-9a-f]{6}", fill), fill
            assert x % cell == y % cell == w % cell == h % cell == 0
            grid[y // cell : (y + h) // cell, x // cell : (x + w) // cell] = fill
        panels.append((title, grid))
    return panels


def layout_ticks(snapshot: Snapshot) -> tuple[list[int], list[int]]:
    """The figure's layer and head ticks (every panel has the same), as its Layout places them."""
    panel = Layout.of(snapshot).panels[0]
    return [tick.value for tick in panel.x_ticks], [tick.value for tick in panel.y_ticks]


def texts(root: ET.Element, cls: str | None = None) -> list[str]:
    return [t.text or "" for t in root.iter(f"{SVG}text") if cls is None or t.get("class") == cls]


# ------------------------------------------------------------------------- SVG


@pytest.mark.parametrize("name", list(widgets()))
@pytest.mark.parametrize("full", [False, True])
def test_svg_cells_match_labels(name, full):
    widget = widgets()[name]
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
    widget = widgets()["staircase"]
    palette = widget._palette
    _, composite = svg_panels(ET.fromstring(render_svg(Snapshot.of(widget))), 5, 6)[0]
    assert [composite[k, k] for k in range(5)] == [
        "#e6e6e6",
        palette["categories"][0],
        *palette["multi"][:3],
    ]
    assert palette["multi"][:3] == ["#9467bd", "#8c564b", "#e377c2"]
    assert composite[0, 5] == palette["categories"][3] == "#d62728"


@pytest.mark.parametrize("name", list(widgets()))
def test_svg_text(name):
    widget = widgets()[name]
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
    assert Layout.of(snapshot).cell == cell_pixels(last - first + 1, last_head - first_head + 1)
    assert values == x_ticks + y_ticks
    if name == "example":  # 7 px cells: the snapshot's ticks are far enough apart
        assert (x_ticks, y_ticks) == (snapshot.x_ticks(), snapshot.y_ticks()) == ([0, 6, 12, 18, 24, 30],) * 2
    for attr in ("width", "height"):
        assert float(root.get(attr)) > 0
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    assert "DejaVu Sans" in root.get("font-family")


def test_svg_view_versus_full():
    widget = widgets()["example-view"]
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
    # Layers 18..31 at 7 px: every 2nd layer would overlap, so every 4th, as the live view.
    assert view.x_ticks() == [18, 20, 22, 24, 26, 28, 30]
    assert [int(t.text) for t in view_ticks][:3] == [20, 24, 28]


def cells_origin(root: ET.Element) -> tuple[int, int]:
    """Where the first panel's cells start (the ``translate`` of its ``<g class="cells">``)."""
    group = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "cells")
    x, y = re.fullmatch(r"translate\((\d+) (\d+)\)", group.get("transform")).groups()
    return int(x), int(y)


def test_svg_head_range_crops_heads():
    """Heads 4..11 of 32: exactly those rows are drawn, ticks carry the real head numbers."""
    rng = np.random.default_rng(7)
    labels = rng.random((32, 32, 2)) < 0.3
    widget = HeadMapWidget(labels, ["A", "B"], head_range=(4, 11))
    snapshot = Snapshot.of(widget)
    assert (snapshot.layers, snapshot.heads) == ((0, 31), (4, 11))
    assert Snapshot.of(widget, full=True).heads == (0, 31)
    assert snapshot.y_ticks() == list(range(4, 12))
    svg = render_svg(snapshot)
    root = ET.fromstring(svg)
    cell = cell_pixels(32, 8)
    assert cell == 7  # from max(32 layers, 8 heads), not from all 32 heads
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
        assert max(y + h for _, _, y, _, h in svg_runs(cells)) <= 8 * cell
    frame = next(r for r in root.iter(f"{SVG}rect") if r.get("class") == "frame")
    assert int(frame.get("height")) == 8 * cell + 1
    # Tick labels: layers 0..31, then heads 4, 6, 8, 10 (every 2nd: 7 px rows are too close for 1).
    group = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "tick-labels")
    labels_text = [t.text for t in group]
    assert labels_text == ["0", "6", "12", "18", "24", "30", "4", "6", "8", "10"]
    _, top = cells_origin(root)
    y_labels = [t for t in group if t.get("text-anchor") == "end"]
    assert [float(t.get("y")) for t in y_labels] == [top + (h - 4 + 0.5) * cell + 4 for h in (4, 6, 8, 10)]


def test_svg_head_range_of_128_heads():
    labels = np.zeros((12, 128, 1), dtype=bool)
    labels[:, 64] = labels[3, 127] = True
    widget = HeadMapWidget(labels, ["A"], head_range=(64, 127))
    root = ET.fromstring(render_svg(Snapshot.of(widget)))
    cell = cell_pixels(12, 64)
    _, grid = svg_panels(root, 64, 12)[1]
    assert (grid[0] == "#1f77b4").all()  # head 64 is the top row
    assert grid[63, 3] == "#1f77b4" and (grid[1:63] == "#e6e6e6").all()
    group = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "tick-labels")
    y_ticks = [int(t.text) for t in group if t.get("text-anchor") == "end"]
    assert y_ticks == [72, 84, 96, 108, 120]
    _, top = cells_origin(root)
    y_of = {int(t.text): float(t.get("y")) for t in group if t.get("text-anchor") == "end"}
    assert y_of[72] == top + (72 - 64 + 0.5) * cell + 4


def test_snapshot_panels_crop_heads():
    widget = widgets()["staircase-heads"]  # layers 1..4, heads 1..3
    title, composite = Snapshot.of(widget).panels()[0]
    assert title == "All Categories" and composite.shape == (3, 4)
    palette = widget._palette
    assert [composite[k, k] for k in range(3)] == [palette["categories"][0], *palette["multi"][:2]]
    assert Snapshot.of(widget, full=True).panels()[0][1].shape == (5, 6)


def test_svg_escapes_user_text():
    labels = np.zeros((3, 2, 4), dtype=bool)
    labels[0, 0] = True
    widget = HeadMapWidget(labels, list(XSS), title=XSS[0] + XSS[1])
    svg = render_svg(Snapshot.of(widget))
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


# ------------------------------------------------------------------ matplotlib


def test_to_matplotlib_figure():
    pytest.importorskip("matplotlib")
    from headwidget.mpl import to_matplotlib

    widget = HeadMapWidget(example_labels(), title="$x$ & <b>", layer_range=(10, 31))
    snapshot = Snapshot.of(widget)
    fig = to_matplotlib(snapshot)
    assert len(fig.axes) == 5
    assert [ax.get_title() for ax in fig.axes] == ["All Categories", *widget.visible]
    ax = fig.axes[0]
    assert list(ax.get_xticks()) == snapshot.x_ticks()
    assert list(ax.get_yticks()) == snapshot.y_ticks()
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("layer", "head")
    assert ax.get_xlim() == (9.5, 31.5) and ax.get_ylim() == (31.5, -0.5)  # head 0 at the top
    legend = fig.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == [label for label, _ in snapshot.legend()]
    assert [t.get_text() for t in fig.texts] == ["$x$ & <b>"]


def test_to_matplotlib_head_range():
    pytest.importorskip("matplotlib")
    from headwidget.mpl import to_matplotlib

    widget = HeadMapWidget(example_labels(), layer_range=(10, 31), head_range=(4, 11))
    fig = to_matplotlib(Snapshot.of(widget))
    ax = fig.axes[0]
    assert ax.get_xlim() == (9.5, 31.5) and ax.get_ylim() == (11.5, 3.5)  # head 4 at the top
    assert list(ax.get_yticks()) == [4, 6, 8, 10]  # real head numbers, every 2nd at 7.4 pt cells
    assert ax.get_images()[0].get_array().shape[:2] == (8, 22)
    full = to_matplotlib(Snapshot.of(widget, full=True)).axes[0]
    assert full.get_ylim() == (31.5, -0.5)


def cell_pixel(image, fig, ax, layer_index: int, head: int, n_shown: int, n_heads: int):
    """The colour at the centre of a cell of ``ax`` in ``image`` (rendered from ``fig``)."""
    box = ax.get_window_extent()
    x = box.x0 + (layer_index + 0.5) * box.width / n_shown
    y = box.y1 - (head + 0.5) * box.height / n_heads  # display y grows upwards
    return image.getpixel((int(x), int(image.height - y)))[:3]


def close(a, b, tol=4):
    return all(abs(int(p) - int(q)) <= tol for p, q in zip(a, b, strict=True))


def hex_rgb(colour: str):
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def png_and_figure(snapshot: Snapshot, path, dpi: float):
    """The PNG written for ``snapshot`` and the same figure drawn at ``dpi``, to map cells to pixels."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    from headwidget.mpl import save_matplotlib, to_matplotlib

    save_matplotlib(snapshot, path, dpi=dpi, fmt="png")
    fig = to_matplotlib(snapshot)
    fig.set_dpi(dpi)
    FigureCanvasAgg(fig).draw()
    return Image.open(path).convert("RGB"), fig


@pytest.mark.parametrize("dpi", [72, 150])
def test_png_cell_colours(tmp_path, dpi):
    pytest.importorskip("matplotlib")
    from PIL import Image

    from headwidget.mpl import save_matplotlib

    widget = widgets()["staircase"]
    snapshot = Snapshot.of(widget)
    image, fig = png_and_figure(snapshot, tmp_path / "map.png", dpi)
    assert abs(image.width - fig.bbox.width) <= 1 and abs(image.height - fig.bbox.height) <= 1
    palette = widget._palette
    composite, first_category = fig.axes[0], fig.axes[1]
    want = ["#e6e6e6", palette["categories"][0], *palette["multi"][:3]]
    for k in range(5):
        assert close(cell_pixel(image, fig, composite, k, k, 6, 5), hex_rgb(want[k])), k
    assert close(cell_pixel(image, fig, composite, 5, 0, 6, 5), hex_rgb(palette["categories"][3]))
    # Category A holds heads (k, k) for k >= 1; head (0, 0) and (5, 0) are grey there.
    for k in range(1, 5):
        assert close(cell_pixel(image, fig, first_category, k, k, 6, 5), hex_rgb(palette["categories"][0])), k
    for layer, head in ((0, 0), (5, 0), (2, 3)):
        assert close(cell_pixel(image, fig, first_category, layer, head, 6, 5), hex_rgb("#e6e6e6"))
    # scale multiplies the pixel size.
    save_matplotlib(snapshot, tmp_path / "big.png", dpi=dpi, scale=2, fmt="png")
    big = Image.open(tmp_path / "big.png")
    assert abs(big.width - 2 * image.width) <= 1 and abs(big.height - 2 * image.height) <= 1


@pytest.mark.parametrize("dpi", [72, 150])
def test_png_head_range_cell_colours(tmp_path, dpi):
    """The staircase cropped to layers 1..4 and heads 1..3: its diagonal moves to the top-left corner."""
    pytest.importorskip("matplotlib")
    widget = widgets()["staircase-heads"]
    image, fig = png_and_figure(Snapshot.of(widget), tmp_path / "heads.png", dpi)
    palette = widget._palette
    composite, first_category = fig.axes[0], fig.axes[1]
    box = composite.get_window_extent()
    assert abs(box.width / box.height - 4 / 3) < 0.02  # 4 layers x 3 heads, square cells
    want = [palette["categories"][0], *palette["multi"][:2]]  # heads (1, 1), (2, 2), (3, 3)
    for k in range(3):
        assert close(cell_pixel(image, fig, composite, k, k, 4, 3), hex_rgb(want[k])), k
        assert close(cell_pixel(image, fig, first_category, k, k, 4, 3), hex_rgb(palette["categories"][0])), k
    for layer_index, head_index in ((1, 0), (0, 2), (3, 2), (3, 0)):
        assert close(cell_pixel(image, fig, composite, layer_index, head_index, 4, 3), hex_rgb("#e6e6e6"))


def test_png_example_and_pdf(tmp_path):
    pytest.importorskip("matplotlib")
    from PIL import Image

    from headwidget.mpl import save_matplotlib

    widget = HeadMapWidget(example_labels(), title=XSS[0] + " $5 & $6")
    snapshot = Snapshot.of(widget)
    save_matplotlib(snapshot, tmp_path / "map.png", fmt="png")
    with Image.open(tmp_path / "map.png") as image:
        assert image.format == "PNG" and image.width > image.height > 200
    save_matplotlib(snapshot, tmp_path / "map.pdf", fmt="pdf")
    data = (tmp_path / "map.pdf").read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 5_000
    save_matplotlib(snapshot, tmp_path / "again.pdf", fmt="pdf")
    assert (tmp_path / "again.pdf").read_bytes() == data  # no timestamps
    with pytest.raises(ValueError, match="fmt"):
        save_matplotlib(snapshot, tmp_path / "map.gif", fmt="gif")


# ------------------------------------------------- one layout, SVG and matplotlib

FIXTURE_RANGES = [(case["first"], case["last"]) for case in json.loads(FIXTURE.read_text())["ticks"]]
TICK_SHAPES = [(32, 32), (80, 64), (126, 128)]


def tick_views() -> list[tuple[int, int, tuple[int, int], tuple[int, int]]]:
    """(layers, heads, layer_range, head_range): each model shape whole, cropped to every range of
    the fixture's ticks that fits (layers, then heads), and cropped on both axes."""
    views = []
    for n_layers, n_heads in TICK_SHAPES:
        all_layers, all_heads = (0, n_layers - 1), (0, n_heads - 1)
        views.append((n_layers, n_heads, all_layers, all_heads))
        views += [(n_layers, n_heads, r, all_heads) for r in FIXTURE_RANGES if r[1] < n_layers and r != all_layers]
        views += [(n_layers, n_heads, all_layers, r) for r in FIXTURE_RANGES if r[1] < n_heads and r != all_heads]
        views.append((n_layers, n_heads, (18, 31), (5, 20)))
    return views


def svg_tick_labels(root: ET.Element) -> list[tuple[list[str], list[str]]]:
    """(layer labels, head labels) per panel, from each ``<g class="tick-labels">``."""
    groups = [g for g in root.iter(f"{SVG}g") if g.get("class") == "tick-labels"]
    return [
        ([t.text for t in g if t.get("text-anchor") == "middle"], [t.text for t in g if t.get("text-anchor") == "end"])
        for g in groups
    ]


@pytest.mark.parametrize(("n_layers", "n_heads", "layers", "heads"), tick_views())
def test_svg_and_matplotlib_carry_the_layouts_ticks(n_layers, n_heads, layers, heads):
    """The same view gives the same tick labels in the SVG and in matplotlib: the Layout's,
    thinned once for the cell size (they used to be thinned twice, differently)."""
    pytest.importorskip("matplotlib")
    from headwidget.mpl import to_matplotlib

    labels = np.zeros((n_layers, n_heads, 1), dtype=bool)
    labels[::3, ::2] = True
    snapshot = Snapshot.of(HeadMapWidget(labels, ["A"], layer_range=layers, head_range=heads))
    layout = Layout.of(snapshot)
    want = [([t.label.text for t in p.x_ticks], [t.label.text for t in p.y_ticks]) for p in layout.panels]
    assert want[0][0] == [str(t.value) for t in layout.panels[0].x_ticks]
    assert svg_tick_labels(ET.fromstring(render_svg(snapshot))) == want
    fig = to_matplotlib(snapshot)
    got = [
        ([t.get_text() for t in ax.get_xticklabels()], [t.get_text() for t in ax.get_yticklabels()]) for ax in fig.axes
    ]
    assert got == want
    assert [[float(v) for v in ax.get_xticks()] for ax in fig.axes] == [
        [t.value for t in p.x_ticks] for p in layout.panels
    ]
    assert [[float(v) for v in ax.get_yticks()] for ax in fig.axes] == [
        [t.value for t in p.y_ticks] for p in layout.panels
    ]
    if (n_layers, n_heads, layers, heads) == (126, 128, (0, 125), (0, 127)):  # the case the issue reported
        assert want[0] == (["0", "29", "58", "87", "116"], ["0", "25", "50", "75", "100", "125"])


def anchor_px(text, fig) -> tuple[float, float]:
    """Where a matplotlib text is anchored (its baseline point for ours), in px from the top-left."""
    x, y = text.get_transform().transform(text.get_position())
    return float(x), float(fig.bbox.height - y)


def extent_px(artist, fig) -> tuple[float, float, float, float]:
    box = artist.get_window_extent()
    return float(box.x0), float(fig.bbox.height - box.y1), float(box.width), float(box.height)


@pytest.mark.parametrize("scale", [1, 2])
@pytest.mark.parametrize("name", ["example", "example-heads", "staircase"])
def test_matplotlib_draws_the_layout(name, scale):
    """At 96 dpi (per scale) one layout px is one figure px: axes, bars, titles, labels, ticks,
    legend swatches and text sit where the Layout (and so the SVG) puts them."""
    pytest.importorskip("matplotlib")
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from headwidget.mpl import to_matplotlib

    snapshot = Snapshot.of(widgets()[name], counts=True)
    layout = Layout.of(snapshot)
    fig = to_matplotlib(snapshot, scale=scale)
    fig.set_dpi(96 / scale)
    FigureCanvasAgg(fig).draw()
    assert (fig.bbox.width, fig.bbox.height) == pytest.approx((layout.width, layout.height))

    def box(b):
        return (b.x, b.y, b.width, b.height)

    assert len(fig.axes) == len(layout.panels) + 1
    for panel, ax in zip(layout.panels, fig.axes, strict=False):
        assert extent_px(ax, fig) == pytest.approx(box(panel.plot), abs=0.01)
        for text, want in ((ax.title, panel.title), (ax.xaxis.label, panel.x_label), (ax.yaxis.label, panel.y_label)):
            assert text.get_text() == want.text
            assert anchor_px(text, fig) == pytest.approx((want.x, want.y), abs=0.01)
        for label, tick in zip(ax.get_xticklabels(), panel.x_ticks, strict=True):
            assert anchor_px(label, fig) == pytest.approx((tick.label.x, tick.label.y), abs=0.01)
        for label, tick in zip(ax.get_yticklabels(), panel.y_ticks, strict=True):
            x, top, width, height = extent_px(label, fig)
            assert x + width == pytest.approx(tick.label.x, abs=0.01)  # right-aligned there
            assert abs(top + height / 2 - tick.at) < 1.5  # and centred on the tick
    assert extent_px(fig.axes[-1], fig) == pytest.approx(box(layout.counts.box), abs=0.01)
    legend = fig.legends[0]
    for row, swatch, text in zip(layout.legend, legend.legend_handles, legend.get_texts(), strict=True):
        assert extent_px(swatch, fig) == pytest.approx(box(row.swatch), abs=0.01)
        assert (text.get_text(), anchor_px(text, fig)) == (row.label, pytest.approx((row.text.x, row.text.y), abs=0.01))
    if layout.title:
        assert anchor_px(fig.texts[0], fig) == pytest.approx((layout.title.x, layout.title.y), abs=0.01)


# ---------------------------------------------------------------- widget state


def test_widget_state_and_standalone_html_carry_head_range():
    from headwidget.export import standalone_html, widget_state

    widget = HeadMapWidget(example_labels(), layer_range=(18, 31), head_range=(4, 11))
    assert widget.get_state()["head_range"] == (4, 11)
    state = widget_state(widget)
    assert (state["layer_range"], state["head_range"]) == ([18, 31], [4, 11])
    full = widget_state(widget, full=True)
    assert (full["layer_range"], full["head_range"]) == ([0, 31], [0, 31])
    page = standalone_html(widget)
    assert '"head_range": [4, 11]' in page


def test_display_fallback_follows_head_range():
    widget = HeadMapWidget(example_labels(), head_range=(4, 11))
    data, _ = widget._repr_mimebundle_()
    root = ET.fromstring(data["image/svg+xml"])
    assert len(svg_panels(root, 8, 32)) == 5
