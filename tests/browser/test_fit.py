"""The live view fits its container: panels per row and cell size from the width it is
given (the shared rule, ``layout.fit_panels``), square cells, nothing outside the
container, no text on other text; a resize re-flows without recomputing pixels."""

from __future__ import annotations

import numpy as np
import pytest

from headwidget import HeadMapWidget, example_labels
from headwidget.layout import MIN_CELL_PX, fit_panels
from headwidget.palette import palette_for
from tests.harness.harness import open_page, show
from tests.helpers.labels import example_head
from tests.helpers.views import (
    cell_color,
    cells,
    expected_ticks,
    overflowing,
    overlapping_text,
    panel_rows,
    ticks,
)

PALETTE = palette_for(4)
WIDTHS = [600, 1000, 1300, 1600]

# What the view measured for its fit, read back from the DOM it laid out.
MEASURED = """(view) => {
    const root = view.querySelector('.headwidget');
    const legend = view.querySelector('.hw-legend');
    const grid = view.querySelector('.hw-grid');
    const panel = view.querySelector('.hw-panel');
    const px = (v) => parseFloat(v) || 0;
    return {
        width: root.getBoundingClientRect().width,
        legend: legend.getBoundingClientRect().width + px(getComputedStyle(legend.parentElement).columnGap),
        overhang: px(getComputedStyle(grid).paddingRight),
        extra: px(getComputedStyle(panel).paddingLeft) + px(getComputedStyle(grid).columnGap),
    };
}"""

# Counts the canvas work from now on: new pixels (ImageData made, putImageData) and blits.
COUNT_CANVAS_WORK = """() => {
    window.work = {put: 0, imageData: 0, blit: 0};
    const ctx = CanvasRenderingContext2D.prototype;
    const put = ctx.putImageData, draw = ctx.drawImage;
    ctx.putImageData = function (...a) { window.work.put++; return put.apply(this, a); };
    ctx.drawImage = function (...a) { window.work.blit++; return draw.apply(this, a); };
    const Original = window.ImageData;
    window.ImageData = new Proxy(Original, {
        construct(target, args) { window.work.imageData++; return new target(...args); },
    });
}"""


def settle(page) -> None:
    """Let a resize reach the view: its observer fires after layout, the fit runs the frame after."""
    page.evaluate("hw.frame()")
    page.evaluate("hw.frame()")


def resize(page, width: int, view: int = 0) -> None:
    page.evaluate("([i, w]) => { hw.views[i].el.style.width = `${w}px`; }", [view, width])
    settle(page)


def rule(page, n_panels: int, shown: tuple[int, int], view: int = 0) -> tuple[int, float]:
    """Panels per row and cell size by Python's fit_panels, from the room the view measured."""
    m = page.locator(".view").nth(view).evaluate(MEASURED)
    return fit_panels(m["width"] - m["legend"] - m["overhang"], n_panels, *shown, m["extra"], dpr=1)


def check_geometry(page, n_panels: int, shown: tuple[int, int], view: int = 0) -> tuple[list[int], float]:
    """Everything a fitted view promises; returns the rows and the cell size."""
    container = page.locator(".view").nth(view)
    rows = panel_rows(container)
    assert sum(rows) == n_panels
    assert all(n == rows[0] for n in rows[:-1]) and rows[-1] <= rows[0], f"rows of unequal length: {rows}"
    sizes = cells(container, shown)
    cell = sizes[0][0]
    assert all(w == h == cell for w, h in sizes), f"cells not square or not equal: {sizes}"
    assert cell == int(cell), "a cell is whole pixels at dpr 1"
    # the canvas's CSS size is the cells of every layer and head (the whole model is shown)
    canvas = container.locator(".hw-canvas").first.bounding_box()
    assert (canvas["width"], canvas["height"]) == (shown[0] * cell, shown[1] * cell)
    assert (rows[0], cell) == rule(page, n_panels, shown, view)
    assert overflowing(container) == []
    assert overlapping_text(container) == []
    return rows, cell


@pytest.mark.parametrize("width", WIDTHS)
def test_the_example_fits_its_container(page, width):
    show(page, HeadMapWidget(example_labels()), width=width)
    settle(page)
    rows, cell = check_geometry(page, 5, (32, 32))
    if width >= 1000:
        assert rows == [5]  # one row, as in the reference figure
    else:
        assert len(rows) > 1 and cell >= MIN_CELL_PX  # wraps rather than draw cells under the minimum
    two = example_head(["Algorithmic", "Linguistic"], layers=(24, 31))
    assert cell_color(page.locator(".view"), 0, *two, layers=(0, 31), heads=32) == PALETTE["multi"][0]


def test_the_panels_grow_with_the_width_up_to_the_largest_panel(page):
    sizes = {}
    for width in WIDTHS:
        index = show(page, HeadMapWidget(example_labels()), width=width)
        settle(page)
        sizes[width] = cells(page.locator(".view").nth(index), (32, 32))[0][0]
    assert sizes[600] <= sizes[1000] <= sizes[1300] <= sizes[1600]
    assert sizes[1000] < sizes[1600] == 7  # 7 px: 240 px (the largest panel) / 32 heads, whole pixels


def test_a_large_model_fits(browser):
    rng = np.random.default_rng(7)
    labels = rng.random((126, 128, 8)) < 0.05
    page = open_page(browser, width=1400, height=1400)
    try:
        show(page, HeadMapWidget(labels), width=1300)
        settle(page)
        rows, cell = check_geometry(page, 9, (126, 128))
        # 240 px / 128 heads leaves 1 px a cell at most; 6 fit a row, evened out to 5 + 4
        assert rows == [5, 4] and cell == 1
        assert ticks(page.locator(".view"), "x") == expected_ticks(page.locator(".view"), "x", (0, 125), 126)
    finally:
        page.context.close()


def test_a_resize_reflows_without_recomputing_pixels(page):
    show(page, HeadMapWidget(example_labels(), show_counts=True), width=1600)
    settle(page)
    assert panel_rows(page.locator(".view")) == [5]
    page.evaluate(COUNT_CANVAS_WORK)
    resize(page, 600)
    rows, _ = check_geometry(page, 5, (32, 32))
    assert len(rows) > 1  # re-flowed
    work = page.evaluate("window.work")
    # no new pixels: nothing decoded, classified or coloured again; the panels' canvases only
    # scaled to their new boxes, the count bars re-blitted
    assert work["put"] == 0 and work["imageData"] == 0
    assert work["blit"] == 1
    two = example_head(["Algorithmic", "Linguistic"], layers=(24, 31))
    one = example_head(["Linguistic"], layers=(24, 31))
    view = page.locator(".view")
    assert cell_color(view, 0, *two, layers=(0, 31), heads=32) == PALETTE["multi"][0]
    assert cell_color(view, 3, *one, layers=(0, 31), heads=32) == PALETTE["categories"][2]
    assert cell_color(view, 1, *one, layers=(0, 31), heads=32) == PALETTE["unclassified"]
    # and back: one row again, still no new pixels
    resize(page, 1600)
    assert panel_rows(view) == [5]
    assert page.evaluate("window.work.put") == 0


def test_a_resize_that_keeps_the_width_does_nothing(page):
    show(page, HeadMapWidget(example_labels()), width=1000)
    settle(page)
    page.evaluate(COUNT_CANVAS_WORK)
    page.evaluate("() => { hw.views[0].el.style.height = '900px'; }")  # taller, same width
    settle(page)
    assert page.evaluate("window.work") == {"put": 0, "imageData": 0, "blit": 0}


@pytest.mark.parametrize("width", [600, 1600])
def test_crop_ticks_are_the_axis_series(page, width):
    show(page, HeadMapWidget(example_labels(), layer_range=(18, 31)), width=width)
    settle(page)
    view = page.locator(".view")
    want = expected_ticks(view, "x", (18, 31), 32)
    assert set(want) <= {18, 24, 30}  # multiples of 32 // 5 = 6, or a thinned series of them
    for panel in range(5):
        assert ticks(view, "x", panel) == want
    if width == 1600:
        assert want == [18, 24, 30]
    assert overlapping_text(view) == []


def test_a_larger_font_thins_ticks_and_overlaps_nothing(page):
    # JupyterLab's font variables, set larger by a user
    page.evaluate(
        """() => {
            document.documentElement.style.setProperty('--jp-ui-font-size1', '17px');
            document.documentElement.style.setProperty('--jp-ui-font-size0', '15px');
        }"""
    )
    show(page, HeadMapWidget(example_labels()), width=1000)
    settle(page)
    view = page.locator(".view")
    tick = view.locator(".hw-yticks .hw-tick").first
    assert tick.evaluate("e => getComputedStyle(e).fontSize") == "15px"
    assert view.locator(".hw-panel-title").first.evaluate("e => getComputedStyle(e).fontSize") == "17px"
    check_geometry(page, 5, (32, 32))
    assert ticks(view, "y") == expected_ticks(view, "y", (0, 31), 32)


def test_a_long_title_is_cut_to_its_panel(page):
    long = "Induction and copy-suppression heads of the second kind"
    labels = np.zeros((32, 32, 2), bool)
    show(page, HeadMapWidget(labels, [long, "Short"]), width=1000)
    settle(page)
    view = page.locator(".view")
    title = view.locator(".hw-panel-title").nth(1)
    assert title.get_attribute("title") == long  # the whole name, as a tooltip
    assert title.evaluate("e => e.scrollWidth > e.clientWidth")  # cut, with an ellipsis
    plot = view.locator(".hw-clip").nth(1).bounding_box()
    box = title.bounding_box()
    assert box["x"] >= plot["x"] - 0.5 and box["x"] + box["width"] <= plot["x"] + plot["width"] + 0.5
    assert overlapping_text(view) == []
    assert overflowing(view) == []


# ------------------------------------------------------------ count bars


def plot_tops(page) -> list[float]:
    return [b["y"] for b in (c.bounding_box() for c in page.locator(".view .hw-clip").all())]


def test_count_bars_are_off_by_default_and_take_no_room(page):
    show(page, HeadMapWidget(example_labels()), width=1300)
    settle(page)
    assert not page.locator(".hw-counts").is_visible()
    tops = plot_tops(page)
    assert all(t == tops[0] for t in tops)  # every panel's cells on the composite's line
    heights = [p.bounding_box()["height"] for p in page.locator(".hw-panel").all()]
    assert all(h == heights[0] for h in heights)  # the composite keeps no room for bars
    button = page.get_by_role("button", name="counts")
    assert button.get_attribute("aria-pressed") == "false"


def test_the_counts_button_shows_the_bars_below_the_composite(page):
    widget = HeadMapWidget(example_labels())
    show(page, widget, width=1300)
    settle(page)
    panels = [p.bounding_box() for p in page.locator(".hw-panel").all()]
    tops = plot_tops(page)
    page.get_by_role("button", name="counts").click()
    settle(page)
    # the view sent it, and Python takes it as the comm would deliver it
    sent = page.evaluate("hw.models[0].json()")
    assert sent["show_counts"] is True
    widget.set_state({"show_counts": sent["show_counts"]})
    assert widget.show_counts is True
    assert page.get_by_role("button", name="counts").get_attribute("aria-pressed") == "true"
    bars = page.locator(".hw-counts")
    assert bars.is_visible()
    # nothing else moved: every panel where it was; only the composite grew downward
    assert plot_tops(page) == tops
    after = [p.bounding_box() for p in page.locator(".hw-panel").all()]
    assert after[1:] == panels[1:]
    assert (after[0]["x"], after[0]["y"], after[0]["width"]) == (panels[0]["x"], panels[0]["y"], panels[0]["width"])
    assert after[0]["height"] > panels[0]["height"]
    # below "layer", across the composite's layer columns
    box = bars.bounding_box()
    plot = page.locator(".hw-clip").first.bounding_box()
    label = page.locator(".hw-panel").first.locator(".hw-xlabel").bounding_box()
    assert box["y"] >= label["y"] + label["height"]
    assert (box["x"], box["width"]) == (plot["x"], plot["width"])
    # the scale: 0 at the foot, the busiest layer's classified heads at the top
    busiest = int(widget.labels.any(axis=2).sum(axis=1).max())
    scale = page.locator(".hw-counts-scale .hw-tick")
    assert scale.all_inner_texts() == [str(busiest), "0"]
    top, zero = (t.bounding_box() for t in scale.all())
    assert top["y"] + top["height"] / 2 == pytest.approx(box["y"], abs=1)
    assert zero["y"] + zero["height"] / 2 == pytest.approx(box["y"] + box["height"], abs=1)
    assert top["x"] + top["width"] <= box["x"] + 0.5  # left of the bars, where the head ticks are
    assert overlapping_text(page.locator(".view")) == []
    assert overflowing(page.locator(".view")) == []
    # and off again: no canvas, the composite back to its size
    page.get_by_role("button", name="counts").click()
    settle(page)
    assert page.evaluate("hw.models[0].json().show_counts") is False
    assert not bars.is_visible()
    assert page.locator(".hw-panel").first.bounding_box() == panels[0]


def test_counts_set_in_python_reach_the_view(page):
    widget = HeadMapWidget(example_labels())
    show(page, widget, width=1000)
    settle(page)
    widget.show_counts = True
    page.evaluate("v => hw.models[0].set('show_counts', v)", widget.show_counts)
    settle(page)
    assert page.locator(".hw-counts").is_visible()
    assert page.get_by_role("button", name="counts").get_attribute("aria-pressed") == "true"


def test_a_removed_view_stops_observing_its_size(page):
    show(page, HeadMapWidget(example_labels()), width=1000)
    page.evaluate("hw.render(hw.models[0])")
    settle(page)
    assert page.evaluate("hw.liveResizeObservers()") == 2  # one per view
    page.evaluate("() => { hw.remove(0); }")
    assert page.evaluate("hw.liveResizeObservers()") == 1
    # the removed view's container back in the page and resized: after the frame's layout
    # (when an observer would fire and ask for a frame) no frame is pending
    pending = page.evaluate(
        """() => new Promise((resolve) => {
            document.body.append(hw.views[0].el);
            hw.views[0].el.style.width = '500px';
            requestAnimationFrame(() => setTimeout(() => resolve(hw.pendingAnimationFrames()), 0));
        })"""
    )
    assert pending == 0
    page.evaluate("() => { hw.remove(1); }")
    assert page.evaluate("hw.liveResizeObservers()") == 0


def test_cells_are_whole_device_pixels_on_a_high_density_screen(browser):
    page = open_page(browser, width=1100, dpr=2)
    try:
        show(page, HeadMapWidget(example_labels()), width=1000)
        settle(page)
        container = page.locator(".view")
        assert panel_rows(container) == [5]
        cell = cells(container, (32, 32))[0][0]
        assert cell * 2 == int(cell * 2)  # whole device pixels, possibly a half CSS pixel
        m = container.evaluate(MEASURED)
        assert fit_panels(m["width"] - m["legend"] - m["overhang"], 5, 32, 32, m["extra"], dpr=2) == (5, cell)
        assert overlapping_text(container) == [] and overflowing(container) == []
    finally:
        page.context.close()
