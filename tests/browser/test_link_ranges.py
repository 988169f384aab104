"""A range a jslink sets in the browser (a bqplot brush, a float slider) as floats or null
is drawn as whole layers inside the axis, never fractional or broken, and saved back to
the model as integers, so the kernel and every view hold what this view draws."""

from __future__ import annotations

import pytest

from headwidget import HeadMapWidget
from tests.harness.harness import show
from tests.helpers.labels import NAMES, staircase
from tests.helpers.views import cell_color, range_readout, ticks

PURPLE = "#9467bd"


def link_sets(page, trait, value):
    """What a jslink does: set the model in the browser (no kernel involved), then draw."""
    page.evaluate("([k, v]) => hw.models[0].set(k, v)", [trait, value])
    page.evaluate("hw.frame()")


def saved(page, trait):
    """The model's value after the view had its say (what it saves for the kernel)."""
    return page.evaluate("k => hw.models[0].get(k)", trait)


@pytest.mark.parametrize(
    ("value", "drawn"),
    [
        ([1.4, 3.6], [1, 4]),  # a brush's floats: rounded
        ([-2.5, 99.0], [0, 5]),  # past the axis: clamped (6 layers)
        ([1, None], [0, 5]),  # null: the last range drawn stays
        ([3, 1], [0, 5]),  # reversed: likewise
        (None, [0, 5]),
    ],
)
def test_a_linked_range_is_drawn_whole_and_saved_as_integers(page, value, drawn):
    widget = HeadMapWidget(staircase(), NAMES)  # 6 layers x 5 heads
    show(page, widget)
    view = page.locator(".view")
    before = view.locator(".hw-clip").first.bounding_box()
    link_sets(page, "layer_range", value)
    assert view.locator(".hw-error").inner_text() == ""
    assert saved(page, "layer_range") == drawn
    assert page.evaluate("hw.models[0].json().layer_range") == drawn  # what Python receives
    first, last = drawn
    assert ticks(view, "x")[0] >= first and ticks(view, "x")[-1] <= last
    # the box stays the whole model's and the drawn range's whole cells fill it
    assert view.locator(".hw-clip").first.bounding_box() == before
    readout = range_readout(view, "layer")
    assert readout == (f"{first}\u2013{last}" if first != last else f"{first}")


def test_a_linked_head_range_is_rounded_and_the_pixels_follow(page):
    widget = HeadMapWidget(staircase(), NAMES)
    show(page, widget)
    view = page.locator(".view")
    link_sets(page, "head_range", [1.6, 3.2])
    assert saved(page, "head_range") == [2, 3]
    # head 2 of layer 2 is in two categories (staircase): purple, the crop's top row
    assert cell_color(view, 0, 2, 0, layers=(0, 5), heads=2) == PURPLE
    assert ticks(view, "y") == [2, 3]
