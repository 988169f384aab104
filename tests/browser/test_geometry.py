"""Geometry belongs to the container, not to the crop: a layer or head range change moves
nothing (every panel, title, legend row, control and the widget's own box stays where it
was, to the pixel), the crop fills each panel's box (cells grow, non-square when the crop
differs per axis), pointer and keyboard map to the right head under a crop, no canvas
is resized by a range step and a step back to a crop shown before only moves tick labels."""

from __future__ import annotations

import numpy as np
import pytest

from headwidget import HeadMapWidget, example_labels
from headwidget.data import HeadData
from headwidget.palette import palette_for
from tests.harness.harness import open_page, show
from tests.helpers.labels import example_head
from tests.helpers.views import (
    cell_color,
    cell_colors,
    drag_range_handle,
    expected_ticks,
    range_readout,
    tick_labels,
    ticks,
    wait_for_readout,
)

# Every box a user sees, by kind; each a list of [x, y, width, height] in document order. (The
# sliders' handles and the fill between them are meant to move, by a transform:
# test_range_slider.py checks where to.)
RECTS = """(view) => {
    const kinds = {
        widget: '.headwidget',
        panel: '.hw-panel',
        title: '.hw-panel-title',
        box: '.hw-clip',
        xlabel: '.hw-xlabel',
        ylabel: '.hw-ylabel',
        legend: '.hw-legend',
        legendRow: '.hw-legend-row',
        slider: '.hw-range, .hw-range-track, .hw-range-value',
        toggle: '.hw-toggle',
        counts: '.hw-counts-toggle, .hw-counts',
        clear: '.hw-clear',
        taskRow: '.hw-taskrow, .hw-taskrow-head',
    };
    const out = {};
    for (const [kind, selector] of Object.entries(kinds)) {
        out[kind] = [...view.querySelectorAll(selector)].map((e) => {
            const b = e.getBoundingClientRect();
            return [b.x, b.y, b.width, b.height];
        });
    }
    return out;
}"""

# Counts every assignment to a canvas's width or height from now on (each reallocates).
COUNT_CANVAS_SIZES = """() => {
    window.canvasSizes = 0;
    const proto = HTMLCanvasElement.prototype;
    for (const side of ['width', 'height']) {
        const own = Object.getOwnPropertyDescriptor(proto, side);
        Object.defineProperty(proto, side, {
            configurable: true,
            get() { return own.get.call(this); },
            set(v) { window.canvasSizes++; own.set.call(this, v); },
        });
    }
}"""


# Counts tick labels and slider readouts added or removed and their text rewritten from now on.
WATCH_TICKS = """() => {
    window.tickWrites = 0;
    const observer = new MutationObserver((records) => { window.tickWrites += records.length; });
    for (const axis of document.querySelectorAll('.hw-xticks, .hw-yticks, .hw-range-text')) {
        observer.observe(axis, {childList: true, characterData: true, subtree: true});
    }
}"""


def rects(page, view: int = 0) -> dict:
    return page.locator(".view").nth(view).evaluate(RECTS)


def frame(page) -> None:
    page.evaluate("hw.frame()")
    page.evaluate("hw.frame()")


def set_range(page, trait: str, value: tuple[int, int], model: int = 0) -> None:
    page.evaluate("([m, k, v]) => hw.models[m].set(k, v)", [model, trait, list(value)])
    frame(page)


def labels_of(shape: tuple[int, int, int]) -> np.ndarray:
    if shape == (32, 32, 4):
        return example_labels()
    return np.random.default_rng(3).random(shape) < 0.2


def steps(n_layers: int, n_heads: int) -> list[tuple[str, tuple[int, int]]]:
    """Layer and head crops of several sizes, each axis alone and both, then back to all."""
    return [
        ("layer_range", (n_layers // 2, n_layers - 1)),
        ("head_range", (0, n_heads // 2 - 1)),
        ("layer_range", (1, 3)),
        ("head_range", (n_heads // 3, n_heads // 3)),
        ("layer_range", (0, n_layers - 2)),
        ("head_range", (5, n_heads - 1)),
        ("layer_range", (0, n_layers - 1)),
        ("head_range", (0, n_heads - 1)),
    ]


@pytest.mark.parametrize("shape", [(32, 32, 4), (126, 128, 8)])
@pytest.mark.parametrize("width", [1600, 560])
@pytest.mark.parametrize("counts", [False, True])
def test_a_range_change_moves_nothing(browser, shape, width, counts):
    n_layers, n_heads, _ = shape
    page = open_page(browser, width=1700, height=1800)
    try:
        show(page, HeadMapWidget(labels_of(shape), show_counts=counts), width=width)
        frame(page)
        view = page.locator(".view")
        before = rects(page)
        if width == 560:
            tops = {round(b[1]) for b in before["box"]}
            assert len(tops) > 1, "the narrow view wraps its panels into rows"
        assert len(before["box"]) == shape[2] + 1 and before["widget"][0][2] > 0
        page.evaluate(COUNT_CANVAS_SIZES)
        for trait, value in steps(n_layers, n_heads):
            set_range(page, trait, value)
            assert rects(page) == before, f"moved after {trait} = {value}"
            axis, first_last, n = ("x", value, n_layers) if trait == "layer_range" else ("y", value, n_heads)
            assert ticks(view, axis, 1) == expected_ticks(view, axis, first_last, n, 1)
        # the view's own slider, dragged by a user
        drag_range_handle(page, view, "lo", n_layers // 3, n_layers)
        frame(page)
        assert page.evaluate("hw.models[0].get('layer_range')")[0] == n_layers // 3
        assert rects(page) == before
        # every canvas was sized once, for its geometry: no step resized one
        assert page.evaluate("window.canvasSizes") == 0
        # the same steps again: every tick label and readout they show exists, so a step only
        # moves them (none made or removed, no text rewritten: nothing laid out or repainted)
        page.evaluate(WATCH_TICKS)
        for trait, value in steps(n_layers, n_heads):
            set_range(page, trait, value)
        assert page.evaluate("window.tickWrites") == 0
    finally:
        page.context.close()


def test_each_tick_label_stands_at_its_cells_centre_in_every_crop(page):
    """Crops that show the same tick values at other cell sizes, crops shown just before and
    crops shown long before (their labels out of the layout meanwhile): every label's middle
    (its mark) is at its layer's or head's cell centre, in every panel, on both axes."""
    show(page, HeadMapWidget(example_labels()), width=1600)
    frame(page)
    view = page.locator(".view")
    layer_crops = [(0, 31), (0, 30), (0, 31), (1, 30), (0, 30), (18, 31), (8, 23), (2, 9), (0, 31), (18, 31)]
    head_crops = [(0, 31), (0, 30), (0, 31), (4, 27), (0, 30), (8, 23), (2, 9), (0, 31)]
    for trait, axis, crops in [("layer_range", "x", layer_crops), ("head_range", "y", head_crops)]:
        start, size = ("x", "width") if axis == "x" else ("y", "height")
        for first, last in crops:
            set_range(page, trait, (first, last))
            for panel in range(5):
                box = view.locator(".hw-clip").nth(panel).bounding_box()
                cell = box[size] / (last - first + 1)
                labels = tick_labels(view, axis, panel)
                assert [v for v, _ in labels] == expected_ticks(view, axis, (first, last), 32, panel)
                for value, label in labels:
                    middle = label[start] + label[size] / 2
                    want = box[start] + (value - first + 0.5) * cell
                    assert abs(middle - want) <= 1, (axis, first, last, panel, value)


# The layer labels laid out (their set shown or parked) that carry a transform.
MOVED_LABELS = """(view) => [...view.querySelectorAll('.hw-xticks .hw-tick')]
    .filter((el) => el.getClientRects().length > 0 && el.style.transform !== '')
    .map((el) => el.textContent)"""


def test_tick_labels_at_rest_carry_no_transform(page):
    """Zooming in and out again: each label stands where its set was first shown, with no
    transform (every transform is a node each frame walks, and a set moved in or out should
    move as one). Only a crop showing the same values over other cells moves them by one;
    they rest again when the crop comes back, or where they are shown when their set comes
    back into the layout."""
    show(page, HeadMapWidget(example_labels()), width=1600)
    frame(page)
    view = page.locator(".view")
    for crop in [(8, 23), (0, 31), (8, 23), (0, 31)]:
        set_range(page, "layer_range", crop)
    assert view.evaluate(MOVED_LABELS) == []
    # the same values as every layer, over wider cells: moved
    ticks_before = ticks(view, "x")
    set_range(page, "layer_range", (0, 30))
    assert ticks(view, "x") == ticks_before and len(view.evaluate(MOVED_LABELS)) >= len(ticks_before)
    set_range(page, "layer_range", (0, 31))
    assert view.evaluate(MOVED_LABELS) == []
    # a set back in the layout after a while is laid out anyway: it rests where it is shown
    for crop in [(0, 30), (8, 23), (2, 9), (18, 31), (0, 30)]:
        set_range(page, "layer_range", crop)
    assert ticks(view, "x") == ticks_before and view.evaluate(MOVED_LABELS) == []


# Per axis and per slider readout: the sets of tick labels (readouts) kept, and those laid out.
LAID_OUT = """(view) => {
    const count = (boxes, item) => [...view.querySelectorAll(boxes)].map((box) => {
        const items = [...box.querySelectorAll(item)];
        return [items.length, items.filter((el) => el.getClientRects().length > 0).length];
    });
    return {x: count('.hw-xticks', '.hw-tick-set'), y: count('.hw-yticks', '.hw-tick-set'),
            readouts: count('.hw-range-text', '.hw-range-shown')};
}"""


def test_tick_labels_and_readouts_not_shown_leave_the_layout(page):
    """A researcher tries crop after crop: of the tick-label sets and slider readouts not shown,
    only the last one parked keeps its box (every element laid out is walked by every frame
    after, so steps slowed as crops were tried); the others are kept out of the layout, for a
    crop shown again, and come back with their labels."""
    show(page, HeadMapWidget(example_labels()), width=1600)
    frame(page)
    view = page.locator(".view")
    crops = [(first, first + 12 + first % 3) for first in range(12)]
    for crop in crops:
        set_range(page, "layer_range", crop)
    laid = view.evaluate(LAID_OUT)
    # every panel's layer axis keeps several sets, and lays out the one shown and one parked
    assert len(laid["x"]) == 5 and all(kept >= 4 and out == 2 for kept, out in laid["x"]), laid
    # the head axes never changed: one set each
    assert all(kept == out == 1 for kept, out in laid["y"]), laid
    # the layer slider kept a readout per crop and the first (every layer), two laid out; the
    # head slider's one, shown
    assert laid["readouts"] == [[len(crops) + 1, 2], [1, 1]], laid
    # a crop shown long before: its readout and labels back, in view
    set_range(page, "layer_range", crops[0])
    wait_for_readout(page, view, "layer", "0\u201312")
    assert range_readout(view, "layer") == "0\u201312"
    labels = tick_labels(view, "x", 0)
    assert [v for v, _ in labels] == expected_ticks(view, "x", crops[0], 32, 0)


def test_the_crop_fills_the_box(page):
    """Layers 18-31 and heads 0-15 of the example: the same box, cells 32/14 x 32/16 of the
    uncropped ones, each head's colour at its cell's centre."""
    palette = palette_for(4)
    widget = HeadMapWidget(example_labels())
    show(page, widget, width=1600)
    frame(page)
    view = page.locator(".view")
    whole = [c.bounding_box() for c in view.locator(".hw-clip").all()]
    set_range(page, "layer_range", (18, 31))
    set_range(page, "head_range", (0, 15))
    cropped = [c.bounding_box() for c in view.locator(".hw-clip").all()]
    assert cropped == whole
    two = example_head(["Algorithmic", "Linguistic"], layers=(24, 31))
    one = example_head(["Linguistic"], layers=(24, 31))
    # Algorithmic + Linguistic: a head under 16 lies inside the crop
    assert two[1] <= 15 and one[1] <= 15
    assert cell_color(view, 0, *two, layers=(18, 31), heads=(0, 15)) == palette["multi"][0]
    assert cell_color(view, 3, *one, layers=(18, 31), heads=(0, 15)) == palette["categories"][2]
    assert cell_color(view, 1, *one, layers=(18, 31), heads=(0, 15)) == palette["unclassified"]
    # every head of the crop at its cell's centre, in Algorithmic's panel
    got = cell_colors(view, 1, layers=(18, 31), heads=(0, 15))
    algorithmic = np.asarray(example_labels()["Algorithmic"])[18:32, 0:16]
    expect = np.where(algorithmic, palette["categories"][0], palette["unclassified"])
    assert got == expect.tolist()


def click_cell(
    page, panel: int, layer: int, head: int, layers: tuple[int, int], heads: tuple[int, int], shift: bool = False
) -> None:
    box = page.locator(".view .hw-clip").nth(panel).bounding_box()
    cx = box["width"] / (layers[1] - layers[0] + 1)
    cy = box["height"] / (heads[1] - heads[0] + 1)
    x, y = box["x"] + (layer - layers[0] + 0.5) * cx, box["y"] + (head - heads[0] + 0.5) * cy
    page.mouse.move(x, y)
    if shift:
        page.keyboard.down("Shift")
    page.mouse.click(x, y)
    if shift:
        page.keyboard.up("Shift")


def test_pointer_and_cursor_map_to_the_head_under_a_crop(page):
    show(page, HeadMapWidget(example_labels(), layer_range=(18, 31), head_range=(4, 9)), width=1600)
    frame(page)
    layers, heads = (18, 31), (4, 9)
    view = page.locator(".view")
    click_cell(page, 2, 27, 8, layers, heads)
    frame(page)
    assert page.evaluate("hw.models[0].get('selected')") == [[27, 8]]
    assert view.locator(".hw-tooltip").inner_text().splitlines()[0] == "layer 27, head 8"
    # the cell's box on screen, in another panel: the cursor box and the outline sit on it
    box = view.locator(".hw-clip").nth(4).bounding_box()
    cx, cy = box["width"] / 14, box["height"] / 6
    cell = (box["x"] + 9 * cx, box["y"] + 4 * cy, cx, cy)
    assert cx != cy  # a crop per axis: non-square cells
    ring = view.locator(".hw-panel").nth(4).locator(".hw-cursor").bounding_box()
    assert ring == pytest.approx({"x": cell[0], "y": cell[1], "width": cx, "height": cy}, abs=0.01)
    outline = (
        view.locator(".hw-panel")
        .nth(4)
        .locator(".hw-outline")
        .evaluate("e => { const b = e.getBBox(); return [b.x, b.y, b.width, b.height]; }")
    )
    assert outline == pytest.approx([9 * cx + 1, 4 * cy + 1, cx - 2, cy - 2], abs=0.01)
    # shift-click another head, and a rectangle dragged over 2 x 2 heads
    click_cell(page, 0, 31, 4, layers, heads, shift=True)
    frame(page)
    assert page.evaluate("hw.models[0].get('selected')") == [[27, 8], [31, 4]]
    box = view.locator(".hw-clip").first.bounding_box()
    start = (box["x"] + 0.5 * cx, box["y"] + 0.5 * cy)  # (18, 4)
    end = (box["x"] + 1.5 * cx, box["y"] + 1.5 * cy)  # (19, 5)
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(*end, steps=5)
    page.mouse.up()
    frame(page)
    assert page.evaluate("hw.models[0].get('selected')") == [[18, 4], [18, 5], [19, 4], [19, 5]]
    # the keyboard cursor: the pointer leaves, a panel takes the focus (the cursor starts at
    # the crop's first head, 18, 4), then right twice and down once
    page.mouse.move(0, 0)
    frame(page)
    view.locator(".hw-clip").nth(1).focus()
    for key in ["ArrowRight", "ArrowRight", "ArrowDown"]:
        page.keyboard.press(key)
    frame(page)
    ring = view.locator(".hw-panel").nth(1).locator(".hw-cursor").bounding_box()
    box = view.locator(".hw-clip").nth(1).bounding_box()
    want = {"x": box["x"] + 2 * cx, "y": box["y"] + cy, "width": cx, "height": cy}
    assert ring == pytest.approx(want, abs=0.01)


def test_the_legend_veil_scales_each_axis(page):
    """A chosen combination veils the other heads: its path, in cell units, drawn at the crop's cells."""
    show(page, HeadMapWidget(example_labels(), layer_range=(16, 31), head_range=(0, 7)), width=1600)
    frame(page)
    view = page.locator(".view")
    page.get_by_role("button", name="2 categories").click()
    frame(page)
    view.locator(".hw-combo").first.click()
    frame(page)
    box = view.locator(".hw-clip").first.bounding_box()
    veil = view.locator(".hw-veil").first
    assert veil.get_attribute("transform") == f"scale({box['width'] / 16:g} {box['height'] / 8:g})"
    whole = veil.evaluate("e => { const b = e.getBoundingClientRect(); return [b.width, b.height]; }")
    assert whole == pytest.approx([box["width"], box["height"]], abs=0.01)


def test_task_rows_keep_their_boxes_under_a_crop(page):
    scores = np.full((6, 5, 3), 0.1, dtype=np.float32)
    scores[1, 0, 0] = scores[2, 1, 1] = scores[4, 3, 2] = 0.9
    groups = {"en_fr": "Translation", "fr_en": "Translation", "capital": "Knowledge"}
    widget = HeadMapWidget(HeadData.from_scores(scores, list(groups), groups=groups), threshold=0.5)
    show(page, widget, width=1200)
    frame(page)
    view = page.locator(".view")
    translation = view.locator(".hw-panel", has=page.locator(".hw-panel-title", has_text="Translation"))
    translation.locator(".hw-tasks-toggle").click()
    frame(page)
    before = rects(page)
    assert len(before["box"]) == 3 + 2  # composite, two categories, two tasks
    page.evaluate(COUNT_CANVAS_SIZES)
    set_range(page, "layer_range", (1, 3))
    set_range(page, "head_range", (0, 1))
    assert rects(page) == before
    assert page.evaluate("window.canvasSizes") == 0
    # en_fr's head (1, 0) in the Translation colour at its cell, in its task panel (box 3)
    trans, grey = widget._palette["categories"][0], widget._palette["unclassified"]
    assert cell_color(view, 3, 1, 0, layers=(1, 3), heads=(0, 1)) == trans
    assert cell_color(view, 3, 2, 1, layers=(1, 3), heads=(0, 1)) == grey
    # hovering en_fr's panel maps to the head under the pointer
    box = view.locator(".hw-task-panel .hw-clip").first.bounding_box()
    page.mouse.move(box["x"] + 1.5 * box["width"] / 3, box["y"] + 0.5 * box["height"] / 2)
    frame(page)
    assert view.locator(".hw-tooltip").inner_text().splitlines()[0] == "layer 2, head 0"
