"""Linked hover: the tooltip names the head and its categories, the head is outlined in
every panel, and the tooltip stays inside the widget."""

from __future__ import annotations

import numpy as np

from headwidget import HeadMapWidget
from headwidget.palette import palette_for
from tests.harness.harness import show
from tests.helpers.labels import NAMES, staircase
from tests.helpers.views import hover, ring_colour


def test_tooltip_names_the_head_and_its_categories(page):
    show(page, HeadMapWidget(staircase(), NAMES))
    hover(page, 0, 3, 3)
    tooltip = page.locator(".hw-tooltip")
    assert tooltip.is_visible()
    assert tooltip.inner_text().splitlines() == ["layer 3, head 3", "Algorithmic, Knowledge, Linguistic"]
    hover(page, 2, 0, 4)  # any panel works: an unclassified head
    assert tooltip.inner_text().splitlines() == ["layer 0, head 4", "unclassified"]
    page.mouse.move(2, 2)  # leaving the panels hides it
    assert tooltip.is_hidden()


def test_hovered_head_is_outlined_in_every_panel(page):
    show(page, HeadMapWidget(staircase(), NAMES))
    hover(page, 3, 2, 2)  # pointer on the Linguistic panel
    for panel in range(5):
        assert ring_colour(page, panel, 2, 2) == "#000000", panel
        assert ring_colour(page, panel, 4, 2) != "#000000"  # another head is not outlined
    page.mouse.move(2, 2)
    assert ring_colour(page, 0, 2, 2) == palette_for(4)["multi"][0]


def test_tooltip_shows_scores_and_stays_inside_the_widget(page):
    scores = np.linspace(0, 1, 30, dtype=np.float32).reshape(6, 5, 1)
    scores[5, 4, 0] = np.nan
    show(page, HeadMapWidget.from_scores(scores, ["<b>Score</b>"], threshold=0.5))
    # make the widget end right after its last panel, so the tooltip has no room on the right
    page.evaluate("""() => {
        const clip = [...document.querySelectorAll('.hw-clip')].pop().getBoundingClientRect();
        const view = document.querySelector('.view');
        view.style.width = `${clip.right - view.getBoundingClientRect().left + 4}px`;
    }""")
    page.evaluate("hw.frame()")  # the panels re-fit the narrower view
    hover(page, 1, 5, 4)  # bottom-right head of the last panel, at the widget's right edge
    root = page.locator(".headwidget").bounding_box()
    clip = page.locator(".hw-clip").nth(1).bounding_box()
    # the hovered head is at the right edge: within the last layer label's overhang and a
    # cell's rounding to whole pixels in each of the two panels
    assert clip["x"] + clip["width"] > root["x"] + root["width"] - 24
    tooltip = page.locator(".hw-tooltip")
    assert tooltip.inner_text().splitlines() == ["layer 5, head 4", "unclassified", "<b>Score</b>: n/a"]
    hover(page, 1, 5, 3)
    assert tooltip.inner_text().splitlines()[2] == f"<b>Score</b>: {scores[5, 3, 0]:.3g}"
    tip = tooltip.bounding_box()
    assert root["x"] <= tip["x"] and tip["x"] + tip["width"] <= root["x"] + root["width"] + 0.5
    assert root["y"] <= tip["y"] and tip["y"] + tip["height"] <= root["y"] + root["height"] + 0.5
    assert page.locator(".hw-tooltip b").count() == 0  # names stay text


def test_outline_follows_the_layer_range(page):
    widget = HeadMapWidget(staircase(), NAMES, layer_range=(2, 5))
    show(page, widget)
    hover(page, 0, 4, 4, first=2)
    assert page.locator(".hw-tooltip").inner_text().splitlines()[0] == "layer 4, head 4"
    assert ring_colour(page, 0, 2, 4) == "#000000"  # layer 4 is the third column shown
