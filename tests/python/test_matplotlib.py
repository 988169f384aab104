"""The matplotlib face: ``to_matplotlib``, the PNG's cell colours, the PDF, and the figure
drawn where the Layout says, with the same tick labels as the SVG.

The expected colours come from the labels and the palette (``tests.helpers.labels``),
not from :meth:`Snapshot.panels`.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from headwidget import HeadMapWidget, example_labels
from headwidget.figure import Layout
from headwidget.size import FigureSpec
from headwidget.snapshot import Snapshot
from headwidget.svg import render_svg
from tests.helpers import FIXTURES
from tests.helpers.colours import close, rgb_of
from tests.helpers.labels import NAMES, XSS, export_views
from tests.helpers.svg import tick_labels


def test_to_matplotlib_figure():
    pytest.importorskip("matplotlib")
    from headwidget.mpl import to_matplotlib

    widget = HeadMapWidget(example_labels(), title="$x$ & <b>", layer_range=(10, 31))
    snapshot = Snapshot.of(widget)
    fig = to_matplotlib(snapshot)
    assert len(fig.axes) == 5
    assert [ax.get_title() for ax in fig.axes] == ["All Categories", *widget.visible]
    ax = fig.axes[0]
    layout = Layout.of(snapshot)
    assert list(ax.get_xticks()) == [t.value for t in layout.panels[0].x_ticks]
    assert list(ax.get_yticks()) == [t.value for t in layout.panels[0].y_ticks]
    assert set(ax.get_yticks()) <= set(snapshot.y_ticks())  # the series, thinned for the size
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("layer", "head")
    assert ax.get_xlim() == (9.5, 31.5) and ax.get_ylim() == (31.5, -0.5)  # head 0 at the top
    legend = [t.get_text() for t in fig.texts if t.get_gid() == "legend"]
    assert legend == [label for label, _ in snapshot.legend()]
    assert [t.get_text() for t in fig.texts if t.get_gid() != "legend"] == ["$x$ & <b>"]


def test_to_matplotlib_head_range():
    pytest.importorskip("matplotlib")
    from headwidget.mpl import to_matplotlib

    widget = HeadMapWidget(example_labels(), layer_range=(10, 31), head_range=(4, 11))
    fig = to_matplotlib(Snapshot.of(widget))
    ax = fig.axes[0]
    assert ax.get_xlim() == (9.5, 31.5) and ax.get_ylim() == (11.5, 3.5)  # head 4 at the top
    assert list(ax.get_yticks()) == [6]  # the axis's own series (multiples of 6) within 4..11
    assert ax.get_images()[0].get_array().shape[:2] == (8, 22)
    full = to_matplotlib(Snapshot.of(widget, full=True)).axes[0]
    assert full.get_ylim() == (31.5, -0.5)


def test_to_matplotlib_returns_the_figure():
    pytest.importorskip("matplotlib")
    widget = HeadMapWidget(example_labels(), visible=["Linguistic", "Translation"])
    figure = widget.to_matplotlib()
    assert [ax.get_title() for ax in figure.axes] == ["All Categories", "Linguistic", "Translation"]
    assert [ax.get_title() for ax in widget.to_matplotlib(full=True).axes] == ["All Categories", *NAMES]


def cell_pixel(image, fig, ax, layer_index: int, head: int, n_shown: int, n_heads: int):
    """The colour at the centre of a cell of ``ax`` in ``image`` (rendered from ``fig``)."""
    box = ax.get_window_extent()
    x = box.x0 + (layer_index + 0.5) * box.width / n_shown
    y = box.y1 - (head + 0.5) * box.height / n_heads  # display y grows upwards
    return image.getpixel((int(x), int(image.height - y)))[:3]


def png_and_figure(snapshot: Snapshot, path, dpi: float):
    """The PNG written for ``snapshot`` and the same figure drawn at ``dpi``, to map cells to pixels."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    from headwidget.mpl import save_matplotlib, to_matplotlib

    save_matplotlib(snapshot, path, dpi=dpi, fmt="png")  # 7 in wide: 7 * dpi pixels
    fig = to_matplotlib(snapshot)
    fig.set_dpi(dpi)
    FigureCanvasAgg(fig).draw()
    return Image.open(path).convert("RGB"), fig


@pytest.mark.parametrize("dpi", [72, 150])
def test_png_cell_colours(tmp_path, dpi):
    pytest.importorskip("matplotlib")
    from PIL import Image

    from headwidget.mpl import save_matplotlib

    widget = export_views()["staircase"]
    snapshot = Snapshot.of(widget)
    image, fig = png_and_figure(snapshot, tmp_path / "map.png", dpi)
    assert abs(image.width - fig.bbox.width) <= 1 and abs(image.height - fig.bbox.height) <= 1
    palette = widget._palette
    composite, first_category = fig.axes[0], fig.axes[1]
    want = ["#e6e6e6", palette["categories"][0], *palette["multi"][:3]]
    for k in range(5):
        assert close(cell_pixel(image, fig, composite, k, k, 6, 5), rgb_of(want[k])), k
    assert close(cell_pixel(image, fig, composite, 5, 0, 6, 5), rgb_of(palette["categories"][3]))
    # Category A holds heads (k, k) for k >= 1; head (0, 0) and (5, 0) are grey there.
    for k in range(1, 5):
        assert close(cell_pixel(image, fig, first_category, k, k, 6, 5), rgb_of(palette["categories"][0])), k
    for layer, head in ((0, 0), (5, 0), (2, 3)):
        assert close(cell_pixel(image, fig, first_category, layer, head, 6, 5), rgb_of("#e6e6e6"))
    assert image.width == 7 * dpi
    # Twice the width (same font): twice the pixels across.
    save_matplotlib(snapshot, tmp_path / "big.png", spec=FigureSpec.parse("14in"), dpi=dpi, fmt="png")
    assert Image.open(tmp_path / "big.png").width == 14 * dpi


@pytest.mark.parametrize("dpi", [72, 150])
def test_png_head_range_cell_colours(tmp_path, dpi):
    """The staircase cropped to layers 1..4 and heads 1..3: its diagonal moves to the top-left corner."""
    pytest.importorskip("matplotlib")
    widget = export_views()["staircase-heads"]
    image, fig = png_and_figure(Snapshot.of(widget), tmp_path / "heads.png", dpi)
    palette = widget._palette
    composite, first_category = fig.axes[0], fig.axes[1]
    box = composite.get_window_extent()
    # the whole model's box (6 layers x 5 heads), the crop's 4 x 3 cells filling it
    assert abs(box.width / box.height - 6 / 5) < 0.02
    want = [palette["categories"][0], *palette["multi"][:2]]  # heads (1, 1), (2, 2), (3, 3)
    for k in range(3):
        assert close(cell_pixel(image, fig, composite, k, k, 4, 3), rgb_of(want[k])), k
        assert close(cell_pixel(image, fig, first_category, k, k, 4, 3), rgb_of(palette["categories"][0])), k
    for layer_index, head_index in ((1, 0), (0, 2), (3, 2), (3, 0)):
        assert close(cell_pixel(image, fig, composite, layer_index, head_index, 4, 3), rgb_of("#e6e6e6"))


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

FIXTURE_RANGES = [(case["first"], case["last"]) for case in json.loads((FIXTURES / "layout.json").read_text())["ticks"]]
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
    assert tick_labels(ET.fromstring(render_svg(snapshot))) == want
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
        assert want[0] == (["0", "25", "50", "75", "100", "125"],) * 2  # multiples of n // 5 = 25


def anchor_px(text, fig) -> tuple[float, float]:
    """Where a matplotlib text is anchored (its baseline point for ours), in px from the top-left."""
    x, y = text.get_transform().transform(text.get_position())
    return float(x), float(fig.bbox.height - y)


def extent_px(artist, fig) -> tuple[float, float, float, float]:
    box = artist.get_window_extent()
    return float(box.x0), float(fig.bbox.height - box.y1), float(box.width), float(box.height)


@pytest.mark.parametrize(
    ("width", "font", "legend"), [("7in", 8, "left"), ("3.25in", 7, "bottom"), ("17cm", 9, "right")]
)
@pytest.mark.parametrize("name", ["example", "example-heads", "staircase"])
def test_matplotlib_draws_the_layout(name, width, font, legend):
    """At 96 dpi one layout px is one figure px: axes, bars, titles, labels, ticks,
    legend swatches and text sit where the Layout (and so the SVG) puts them."""
    pytest.importorskip("matplotlib")
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from headwidget.mpl import to_matplotlib

    snapshot = Snapshot.of(export_views()[name], counts=True)
    spec = FigureSpec.parse(width, font, legend=legend)
    layout = Layout.of(snapshot, spec)
    fig = to_matplotlib(snapshot, spec)
    fig.set_dpi(96)
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
    swatches = [a for a in fig.artists if a.get_gid() == "legend"]
    texts = [t for t in fig.texts if t.get_gid() == "legend"]
    for row, swatch, text in zip(layout.legend, swatches, texts, strict=True):
        assert extent_px(swatch, fig) == pytest.approx(box(row.swatch), abs=0.01)
        assert (text.get_text(), anchor_px(text, fig)) == (row.label, pytest.approx((row.text.x, row.text.y), abs=0.01))
    scale = [t for t in fig.texts if t.get_gid() == "counts"]
    assert [t.get_text() for t in scale] == [tick.label.text for tick in layout.counts.ticks]
    for text, tick in zip(scale, layout.counts.ticks, strict=True):
        assert anchor_px(text, fig) == pytest.approx((tick.label.x, tick.label.y), abs=0.01)
    if layout.title:
        title = fig.texts[-1]
        assert title.get_text() == layout.title.text
        assert anchor_px(title, fig) == pytest.approx((layout.title.x, layout.title.y), abs=0.01)
