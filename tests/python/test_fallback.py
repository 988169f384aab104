"""The display bundle's static fallback: the same figure as ``save("x.svg")``, with each
panel's cells as one embedded PNG (a pixel per head), cheap to make and to carry; and the
PNG writer behind it."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PIL import Image

from headwidget import HeadMapWidget, example_labels
from headwidget.png import indexed_png
from tests.helpers.display import displayed, static_svg
from tests.helpers.labels import expected_grids
from tests.helpers.svg import SVG, cells_boxes, image_panels, svg_panels, texts


def _random(shape: tuple[int, int, int], seed: int = 0, density: float = 0.1) -> np.ndarray:
    return np.random.default_rng(seed).random(shape, dtype=np.float32) < density


WIDGETS = {
    "example": lambda: HeadMapWidget(example_labels()),
    "crop": lambda: HeadMapWidget(example_labels(), layer_range=(18, 31), head_range=(4, 11)),
    "405B-12": lambda: HeadMapWidget(_random((126, 128, 12), density=0.2)),
}


@pytest.mark.parametrize("name", WIDGETS)
def test_fallback_is_the_vector_figure_with_png_cells(tmp_path, name):
    """Every head of every panel has the vector SVG's colour, the images sit on the vector
    cells' boxes, and everything but the cells is the same document."""
    widget = WIDGETS[name]()
    fallback = static_svg(widget)
    widget.save(tmp_path / "x.svg")
    vector = (tmp_path / "x.svg").read_text()
    assert "<image" not in vector and 'class="cells"' in vector  # save() stays fully vector
    root, vroot = ET.fromstring(fallback), ET.fromstring(vector)
    n_heads = widget.head_range[1] - widget.head_range[0] + 1
    n_layers = widget.layer_range[1] - widget.layer_range[0] + 1
    want = svg_panels(vroot, n_heads, n_layers)
    got = image_panels(root)
    assert [title for title, *_ in got] == [title for title, _ in want]
    for (title, grid, _), (_, vgrid) in zip(got, want, strict=True):
        assert grid.shape == (n_heads, n_layers) and (grid == vgrid).all(), title
    assert [(title, grid.tolist()) for title, grid, _ in got] == [(t, g.tolist()) for t, g in expected_grids(widget)]
    for (x, y, width, height), (vx, vy, cx, cy) in zip([box for *_, box in got], cells_boxes(vroot), strict=True):
        assert (x, y) == (vx, vy)
        assert width == pytest.approx(n_layers * cx, abs=0.02) and height == pytest.approx(n_heads * cy, abs=0.02)
    assert texts(root) == texts(vroot)  # titles, ticks, legend: the same <text>s
    assert root.attrib == vroot.attrib  # the same size and viewBox


def test_fallback_text_is_escaped_text():
    labels = np.zeros((4, 3, 2), bool)
    labels[1, 1] = True
    labels[2, 2] = True, True
    widget = HeadMapWidget(labels, ["<&>", "a\"b'c"], title="<title> & more")
    svg = static_svg(widget)
    root = ET.fromstring(svg)  # well-formed
    assert {"<&>", "a\"b'c", "<title> & more", "2 categories", "Unclassified"} <= set(texts(root))
    assert "&lt;&amp;&gt;" in svg and "<&>" not in svg
    assert [title for title, *_ in image_panels(root)] == ["All Categories", "<&>", "a\"b'c"]
    assert len(list(root.iter(f"{SVG}image"))) == 3 and not list(root.iter(f"{SVG}path[@fill]"))


def test_display_message_bytes_at_405b_size():
    """126 x 128 x 12 at 10 % per category (random, the worst case for compression): the
    fallback is a small fraction of the vector SVG, and the whole display message (every
    MIME entry and the synced state) under half of the same figure's plotly JSON (295 KB)."""
    from ipywidgets.widgets.widget import _remove_buffers

    widget = HeadMapWidget(_random((126, 128, 12)))
    outputs = displayed(widget)
    fallback = len(static_svg(widget).encode())
    assert 40_000 < fallback < 60_000  # 54 KB (the vector SVG: 421 KB)
    state, _, buffers = _remove_buffers(widget.get_state())
    message = len(json.dumps(state)) + sum(len(memoryview(b).cast("B")) for b in buffers) + len(json.dumps(outputs))
    assert message < 147_000  # 128 KB, of which 72 KB state (46 KB of it the front end's code)


def test_fallback_bytes_are_deterministic():
    one = static_svg(HeadMapWidget(_random((40, 30, 5))))
    two = static_svg(HeadMapWidget(_random((40, 30, 5))))
    assert one == two


@pytest.mark.parametrize("n_colours", [1, 2, 3, 4, 5, 16, 17, 256, 300])
def test_png_writer_round_trips_through_pil(n_colours):
    """Every bit depth (1, 2, 4, 8) and true colour beyond 256, odd widths included."""
    rng = np.random.default_rng(n_colours)
    colours = [f"#{rng.integers(0, 2**24):06x}" for _ in range(n_colours)]
    codes = rng.integers(0, n_colours, size=(7, 13))
    with Image.open(io.BytesIO(indexed_png(codes, colours))) as image:
        image.load()
        assert image.size == (13, 7)
        assert image.mode == ("RGB" if n_colours > 256 else "P")
        rgb = np.asarray(image.convert("RGB"))
    want = np.array([[int(c[i : i + 2], 16) for i in (1, 3, 5)] for c in colours], np.uint8)[codes]
    assert (rgb == want).all()


@pytest.mark.parametrize("shown", [[True] * 5, [True, False, True, False, True], [False] * 5])
def test_panel_codes_are_the_group_rule(shown):
    """The figures' colour codes spell out :func:`headwidget.groups.panel_colours` (the one rule)."""
    from headwidget.groups import panel_colours
    from headwidget.snapshot import Snapshot

    names = ["A", "B", "C", "D", "E"]
    widget = HeadMapWidget(_random((9, 7, 5), seed=3, density=0.4), names, layer_range=(2, 8), head_range=(1, 5))
    widget.visible = [n for n, on in zip(names, shown, strict=True) if on]
    snapshot = Snapshot.of(widget)
    want = panel_colours(widget.labels[2:9, 1:6], snapshot.shown, widget._palette)
    got = snapshot.panel_codes()
    assert len(got) == len(want) == 1 + sum(shown)
    for (_, codes, lookup), grid in zip(got, want, strict=True):
        assert lookup[0] == widget._palette["unclassified"]
        assert (np.array(lookup, dtype=object)[codes] == grid.T).all()


def test_a_kernel_display_is_the_live_view_then_the_static_figure():
    """Two outputs: the widget view (no image in it, so nothing is drawn twice) and the figure as
    HTML that hides itself where this widget's live view is in the page."""
    widget = HeadMapWidget(example_labels())
    live, static = displayed(widget)
    assert set(live) == {"application/vnd.jupyter.widget-view+json", "text/plain"}
    assert set(static) == {"text/html", "text/plain"}
    html = static["text/html"]
    fid = widget._figure_id
    assert html.startswith(f'<div class="headwidget-static" data-headwidget-static="{fid}"><style>')
    assert f':root:has([data-headwidget-figure="{fid}"]) [data-headwidget-static="{fid}"]' in html
    root = ET.fromstring(static_svg(widget))
    assert root.get("style") == "max-width: 100%; height: auto"  # shrinks to the page, never clipped
    assert root.get("width") == "7in" and root.get("viewBox", "").startswith("0 0 672 ")


def test_a_terminal_or_an_opted_out_widget_displays_the_live_view_only():
    widget = HeadMapWidget(example_labels())
    assert [set(o) for o in displayed(widget, kernel=False)] == [
        {"application/vnd.jupyter.widget-view+json", "text/plain"}
    ]
    widget.static_fallback = False
    assert len(displayed(widget)) == 1


def test_a_failing_static_figure_warns_and_keeps_the_live_view(monkeypatch):
    import headwidget.published

    def broken(widget):
        raise RuntimeError("no figure today")

    monkeypatch.setattr(headwidget.published, "static_output", broken)
    widget = HeadMapWidget(example_labels())
    with pytest.warns(UserWarning, match="no static figure for this output \\(no figure today\\)"):
        outputs = displayed(widget)
    assert len(outputs) == 1 and "application/vnd.jupyter.widget-view+json" in outputs[0]
