"""The built front end in headless Chromium: what a user sees and what reaches the model.

Each test loads src/headwidget/static/widget.js into a page with a model
stand-in that carries the Python widget's real synced state.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from headwidget import HeadMapWidget, example_labels
from headwidget.palette import palette_for
from tests.harness.harness import open_page, show, widget_state
from tests.helpers.colours import hex_of
from tests.helpers.labels import NAMES, REFERENCE_LEGEND, example_head, staircase
from tests.helpers.views import (
    cell_color,
    drag_range_handle,
    expected_ticks,
    legend,
    panel_titles,
    range_readout,
    range_values,
    tick_labels,
    ticks,
)

BLUE, ORANGE, GREEN, RED = palette_for(4)["categories"]
PURPLE, BROWN, PINK = palette_for(4)["multi"]
GREY = palette_for(4)["unclassified"]


@pytest.fixture
def stairs(page):
    widget = HeadMapWidget(staircase(), NAMES)
    show(page, widget)
    return widget


def view_at(page, index=0):
    return page.locator(".view").nth(index)


def frame(page):
    page.evaluate("hw.frame()")


def saved(page):
    """What the view last sent to the model (layer_range, visible)."""
    return page.evaluate("hw.models[0].json()")


def test_panels_titles_and_axes(page):
    show(page, HeadMapWidget(example_labels()))
    assert panel_titles(view_at(page)) == ["All Categories", *NAMES]
    assert page.locator(".hw-canvas").count() == 5
    assert ticks(view_at(page), "x") == [0, 6, 12, 18, 24, 30]
    assert ticks(view_at(page), "y") == [0, 6, 12, 18, 24, 30]
    assert page.locator(".hw-panel").first.locator(".hw-xlabel").inner_text() == "layer"
    assert page.locator(".hw-panel").first.locator(".hw-ylabel").inner_text() == "head"
    # head 0 at the top: the y tick "0" sits above the tick "30"
    y_ticks = dict(tick_labels(view_at(page), "y"))
    assert y_ticks[0]["y"] < y_ticks[30]["y"]


@pytest.mark.parametrize(
    ("layer", "head", "colour"),
    [(0, 0, GREY), (1, 1, BLUE), (2, 2, PURPLE), (3, 3, BROWN), (4, 4, PINK), (5, 0, RED)],
    ids=["unclassified", "one", "two", "three", "four", "translation-only"],
)
def test_composite_colour_by_category_count(page, stairs, layer, head, colour):
    assert cell_color(view_at(page), 0, layer, head, layers=(0, 5), heads=5) == colour


def test_category_panels(page, stairs):
    # panel 1 = Algorithmic: every head in category 0 is blue, others grey
    assert cell_color(view_at(page), 1, 4, 4, layers=(0, 5), heads=5) == BLUE
    assert cell_color(view_at(page), 1, 5, 0, layers=(0, 5), heads=5) == GREY
    assert cell_color(view_at(page), 2, 2, 2, layers=(0, 5), heads=5) == ORANGE
    assert cell_color(view_at(page), 2, 1, 1, layers=(0, 5), heads=5) == GREY
    assert cell_color(view_at(page), 3, 3, 3, layers=(0, 5), heads=5) == GREEN
    assert cell_color(view_at(page), 4, 5, 0, layers=(0, 5), heads=5) == RED
    assert cell_color(view_at(page), 4, 3, 3, layers=(0, 5), heads=5) == GREY


def test_legend(page, stairs):
    assert legend(view_at(page)) == REFERENCE_LEGEND
    swatches = page.locator(".hw-legend .hw-swatch").evaluate_all(
        "els => els.map(e => getComputedStyle(e).backgroundColor)"
    )
    assert swatches[0] == "rgb(227, 119, 194)"  # pink
    assert swatches[-1] == "rgb(230, 230, 230)"  # grey


def test_dragging_the_slider_crops_every_panel(page):
    widget = HeadMapWidget(example_labels())
    show(page, widget)
    width_before = page.locator(".hw-clip").first.bounding_box()["width"]
    drag_range_handle(page, view_at(page), "lo", 18, 32)
    frame(page)
    first, last = saved(page)["layer_range"]
    assert (first, last) == (18, 31)
    # the view's change goes to Python through the comm's set_state
    widget.set_state({"layer_range": [first, last]})
    assert widget.layer_range == (18, 31)
    for panel in range(5):
        # the axis's own series, multiples of 32 // 5 = 6 (thinned by doubling if the cells are small)
        assert ticks(view_at(page), "x", panel) == expected_ticks(view_at(page), "x", (18, 31), 32, panel)
        assert ticks(view_at(page), "x", panel) == [18, 24, 30]  # at this width (7 px cells) nothing is thinned
        boxes = [box for _, box in tick_labels(view_at(page), "x", panel)]
        assert all(a["x"] + a["width"] <= b["x"] for a, b in zip(boxes, boxes[1:], strict=False)), "tick labels overlap"
        box = page.locator(".hw-clip").nth(panel).bounding_box()
        assert box["width"] == width_before  # the crop fills the panel: its box stays
    assert range_readout(page, "layer") == "18\u201331"
    # the cell at layer 18 is where layer 18's colour now sits: a Linguistic-only head, in two panels
    layer, head = example_head(["Linguistic"], layers=(18, 18))
    assert cell_color(view_at(page), 3, layer, head, layers=(18, 31), heads=32) == GREEN
    assert cell_color(view_at(page), 0, layer, head, layers=(18, 31), heads=32) == GREEN


def test_layer_range_from_python_recrops(page, stairs):
    stairs.layer_range = (2, 4)  # Python side: validated, then sent to the view
    page.evaluate("r => hw.models[0].set('layer_range', r)", list(stairs.layer_range))
    frame(page)
    assert ticks(view_at(page), "x") == [2, 3, 4]
    assert cell_color(view_at(page), 0, 2, 2, layers=(2, 4), heads=5) == PURPLE
    assert cell_color(view_at(page), 0, 4, 4, layers=(2, 4), heads=5) == PINK
    assert range_values(view_at(page)) == (2, 4)


def test_toggle_hides_panel_and_recounts_composite(page, stairs):
    toggle = page.get_by_role("button", name="Knowledge")
    assert toggle.get_attribute("aria-pressed") == "true"
    assert cell_color(view_at(page), 0, 2, 2, layers=(0, 5), heads=5) == PURPLE
    toggle.click()
    frame(page)
    assert saved(page)["visible"] == ["Algorithmic", "Linguistic", "Translation"]
    stairs.set_state({"visible": saved(page)["visible"]})
    assert stairs.visible == ["Algorithmic", "Linguistic", "Translation"]
    assert toggle.get_attribute("aria-pressed") == "false"
    assert panel_titles(view_at(page)) == ["All Categories", "Algorithmic", "Linguistic", "Translation"]
    # head (2, 2) was in Algorithmic + Knowledge: now only Algorithmic counts
    assert cell_color(view_at(page), 0, 2, 2, layers=(0, 5), heads=5) == BLUE
    assert cell_color(view_at(page), 0, 3, 3, layers=(0, 5), heads=5) == PURPLE  # 3 categories less one
    assert legend(view_at(page)) == [
        "3 categories",
        "2 categories",
        "Translation",
        "Linguistic",
        "Algorithmic",
        "Unclassified",
    ]
    toggle.click()
    frame(page)
    assert panel_titles(view_at(page)) == ["All Categories", *NAMES]
    assert cell_color(view_at(page), 0, 2, 2, layers=(0, 5), heads=5) == PURPLE


def test_category_names_are_text_not_html(page):
    evil = "<img src=x onerror=alert(1)>"
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    show(page, HeadMapWidget(staircase()[..., :2], [evil, "ok"], title=evil))
    frame(page)
    page.wait_for_timeout(200)
    assert dialogs == []
    assert page.locator(".view img").count() == 0
    assert panel_titles(view_at(page))[1] == evil
    assert page.locator(".hw-title").inner_text() == evil
    assert evil in legend(view_at(page))
    assert page.get_by_role("button", name=evil).count() == 1


def test_two_views_stay_in_sync(page, stairs):
    page.evaluate("hw.render(hw.models[0])")
    frame(page)
    assert page.locator(".view").count() == 2
    # keyboard on the first view's "last layer" handle
    page.locator(".view").nth(0).locator(".hw-layers .hw-range-hi").focus()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.locator(".view").nth(1).get_by_role("button", name="Algorithmic").click()
    frame(page)
    assert saved(page) == {
        "layer_range": [0, 3],
        "head_range": [0, 4],
        "visible": ["Knowledge", "Linguistic", "Translation"],
        "threshold": None,
        "top_k": None,
        "selected": [],
        "show_counts": False,
    }
    for view in (0, 1):
        assert ticks(view_at(page, view), "x") == [0, 1, 2, 3]
        assert panel_titles(view_at(page, view)) == ["All Categories", "Knowledge", "Linguistic", "Translation"]
        assert cell_color(view_at(page, view), 0, 2, 2, layers=(0, 3), heads=5) == ORANGE


def test_removed_view_leaves_no_listeners_or_frames(page, stairs):
    page.evaluate("hw.render(hw.models[0])")
    assert page.evaluate("hw.models[0].listenerCount()") > 0
    # a change schedules a frame in both views; removing them (before that frame
    # runs: one synchronous script) must cancel both
    pending_before, pending_after = page.evaluate(
        """() => {
            hw.models[0].set('layer_range', [1, 2]);
            const before = hw.pendingAnimationFrames();
            hw.remove(0); hw.remove(1);
            return [before, hw.pendingAnimationFrames()];
        }"""
    )
    assert (pending_before, pending_after) == (2, 0)
    assert page.evaluate("hw.models[0].listenerCount()") == 0
    assert page.evaluate("hw.pendingAnimationFrames()") == 0
    page.evaluate("hw.models[0].set('layer_range', [0, 5])")
    assert page.evaluate("hw.pendingAnimationFrames()") == 0
    assert page.locator(".headwidget").count() == 0


def screen_colours(clip) -> list[str]:
    """The colours inside a plot's box on screen (a screenshot, less a device pixel each side:
    the screenshot's edge may hold the plot's outline)."""
    shot = Image.open(io.BytesIO(clip.screenshot())).convert("RGB")
    inner = shot.crop((2, 2, shot.width - 2, shot.height - 2))
    return [hex_of(c) for _, c in inner.getcolors(maxcolors=1 << 16)]


def test_crisp_on_high_dpi(browser):
    page = open_page(browser, dpr=2)
    try:
        show(page, HeadMapWidget(staircase(), NAMES))
        clip = page.locator(".hw-clip").first
        box = clip.bounding_box()
        # whole device pixels per cell: 6 layers x 5 heads
        assert (2 * box["width"]) % 6 == 0 and (2 * box["height"]) % 5 == 0
        # no smoothing: only palette colours on screen, no blends at cell edges
        assert sorted(screen_colours(clip)) == sorted([GREY, BLUE, PURPLE, BROWN, PINK, RED])
        assert cell_color(view_at(page), 0, 4, 4, layers=(0, 5), heads=5) == PINK
        # and so under a crop that gives fractional cells
        page.evaluate("hw.models[0].set('layer_range', [1, 4])")
        page.evaluate("hw.frame()")
        assert set(screen_colours(clip)) <= {GREY, BLUE, PURPLE, BROWN, PINK, RED}
        assert cell_color(view_at(page), 0, 4, 4, layers=(1, 4), heads=5) == PINK
    finally:
        page.context.close()


def test_twelve_categories(page):
    n = 12
    labels = np.zeros((n + 1, n, n), bool)
    for k in range(n + 1):
        labels[k, k % n, :k] = True  # head k of layer k is in k categories
    show(page, HeadMapWidget(labels))
    palette = palette_for(n)
    assert page.locator(".hw-panel").count() == n + 1
    assert len(legend(view_at(page))) == n + (n - 1) + 1
    assert legend(view_at(page))[0] == "12 categories"
    for k in (1, 2, 5, 9, 12):
        expected = palette["categories"][0] if k == 1 else palette["multi"][k - 2]
        assert cell_color(view_at(page), 0, k, k % n, layers=(0, n), heads=n) == expected
    assert cell_color(view_at(page), n, 12, 0, layers=(0, n), heads=n) == palette["categories"][n - 1]


def test_replacing_data_of_another_shape_redraws(page, stairs):
    stairs.layer_range = (1, 3)
    new = np.zeros((10, 4, 2), bool)
    new[9, 3, :] = True  # the last head in both categories
    stairs.set_labels(new, ["Left", "Right"])
    assert stairs.layer_range == (0, 9)  # another number of layers: range reset to all
    # the comm delivers the new state in one message; the view redraws from it
    page.evaluate(
        """s => { const fresh = hw.createModel(s);
                  for (const k of Object.keys(s)) hw.models[0].set(k, fresh.get(k)); }""",
        widget_state(stairs),
    )
    frame(page)
    assert panel_titles(view_at(page)) == ["All Categories", "Left", "Right"]
    assert ticks(view_at(page), "x") == [0, 2, 4, 6, 8]
    assert legend(view_at(page)) == ["2 categories", "Right", "Left", "Unclassified"]
    assert cell_color(view_at(page), 0, 9, 3, layers=(0, 9), heads=4) == PURPLE
    assert cell_color(view_at(page), 0, 0, 0, layers=(0, 9), heads=4) == GREY
    assert range_values(view_at(page)) == (0, 9)


def test_palette_switch_recolours_pixels_and_legend(page, stairs):
    assert cell_color(view_at(page), 0, 2, 2, layers=(0, 5), heads=5) == PURPLE
    stairs.palette = "colorblind"
    page.evaluate("p => hw.models[0].set('_palette', p)", stairs._palette)
    frame(page)
    cb = palette_for(4, NAMES, "colorblind")
    assert cell_color(view_at(page), 0, 1, 1, layers=(0, 5), heads=5) == cb["categories"][0]
    assert cell_color(view_at(page), 0, 2, 2, layers=(0, 5), heads=5) == cb["multi"][0]
    assert cell_color(view_at(page), 0, 4, 4, layers=(0, 5), heads=5) == cb["multi"][2]
    assert cell_color(view_at(page), 4, 5, 0, layers=(0, 5), heads=5) == cb["categories"][3]
    swatch = page.locator(".hw-legend .hw-swatch").first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert swatch == "rgb(0, 0, 0)"  # "4 categories" is black in the colour-blind set
