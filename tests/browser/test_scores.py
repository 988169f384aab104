"""Scores re-classified live in the browser: the threshold / top-k control, pixels and the Python trait."""

from __future__ import annotations

import numpy as np
import pytest

from headwidget import HeadMapWidget
from headwidget.palette import palette_for
from headwidget.scoring import classify
from tests.harness.harness import show
from tests.helpers.views import cell_color

BLUE, ORANGE = palette_for(2)["categories"]
PURPLE = palette_for(2)["multi"][0]
GREY = palette_for(2)["unclassified"]


def ramp() -> np.ndarray:
    """6 layers x 5 heads x 2: category 0 rises with the flat index, category 1 falls; (0, 0, 0) is NaN."""
    flat = np.arange(30, dtype=np.float32) / 29
    scores = np.stack([flat, 1 - flat], axis=-1).reshape(6, 5, 2)
    scores[0, 0, 0] = np.nan
    return scores


def colour_of(labels: np.ndarray, layer: int, head: int) -> str:
    a, b = labels[layer, head]
    return PURPLE if a and b else BLUE if a else ORANGE if b else GREY


def composite(page, layer, head):
    return cell_color(page.locator(".view").first, 0, layer, head, layers=(0, 5), heads=5)


def test_threshold_control_reclassifies_and_reaches_python(page):
    scores = ramp()
    widget = HeadMapWidget.from_scores(scores, ["Up", "Down"], threshold=0.5)
    show(page, widget)
    control = page.locator(".hw-rule")
    assert control.is_visible()
    assert control.locator(".hw-rule-name").inner_text() == "threshold"
    assert control.locator(".hw-rule-value").inner_text() == "0.500"
    for layer, head in [(0, 0), (2, 4), (3, 0), (5, 4)]:
        assert composite(page, layer, head) == colour_of(widget.labels, layer, head)

    # the user drags the threshold to about 0.8 of its range
    box = control.locator("input").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.8, box["y"] + box["height"] / 2)
    page.evaluate("hw.frame()")
    threshold = page.evaluate("hw.models[0].json().threshold")
    assert 0.7 < threshold < 0.9
    expected = classify(scores, threshold=threshold)
    assert not np.array_equal(expected, widget.labels), "the move must change some heads"
    changed = np.argwhere((expected != widget.labels).any(axis=-1))
    for layer, head in [*changed[:3], (0, 0), (5, 4)]:
        assert composite(page, layer, head) == colour_of(expected, layer, head)

    # what the view sent reaches Python, which re-classifies with the same rule
    widget.set_state({"threshold": threshold})
    assert widget.threshold == threshold
    np.testing.assert_array_equal(widget.labels, expected)


def test_nan_never_classifies_even_at_the_lowest_threshold(page):
    widget = HeadMapWidget.from_scores(ramp(), ["Up", "Down"], threshold=0.5)
    show(page, widget)
    page.locator(".hw-rule input").focus()
    page.keyboard.press("Home")  # lowest threshold: every finite score passes
    page.evaluate("hw.frame()")
    assert page.evaluate("hw.models[0].json().threshold") == pytest.approx(0.0)
    assert composite(page, 0, 1) == PURPLE  # both scores finite and >= 0
    assert composite(page, 0, 0) == ORANGE  # "Up" is NaN here: only "Down"


def test_top_k_control(page):
    scores = ramp()
    widget = HeadMapWidget.from_scores(scores, ["Up", "Down"], top_k=3)
    show(page, widget)
    control = page.locator(".hw-rule")
    assert control.locator(".hw-rule-name").inner_text() == "top k"
    assert control.locator("input").get_attribute("max") == "30"
    # top 3 of "Up" are the last three heads; of "Down" the first three (the NaN skipped for "Up")
    assert composite(page, 5, 4) == BLUE
    assert composite(page, 0, 0) == ORANGE
    assert composite(page, 2, 2) == GREY
    control.locator("input").focus()
    page.keyboard.press("End")  # k = all heads
    page.evaluate("hw.frame()")
    assert page.evaluate("hw.models[0].json()")["top_k"] == 30
    assert composite(page, 2, 2) == PURPLE
    assert composite(page, 0, 0) == ORANGE  # NaN: never in "Up", whatever k
    widget.set_state({"top_k": 30})
    np.testing.assert_array_equal(widget.labels, classify(scores, top_k=30))


def test_labels_only_widget_has_no_rule_control(page):
    show(page, HeadMapWidget(np.zeros((3, 3, 1), bool)))
    assert page.locator(".hw-rule").is_hidden()


def test_rule_set_from_python_redraws(page):
    scores = ramp()
    widget = HeadMapWidget.from_scores(scores, ["Up", "Down"], threshold=0.5)
    show(page, widget)
    widget.top_k = 2  # Python switches rule; the comm delivers both traits
    page.evaluate(
        "s => { hw.models[0].set('threshold', s.threshold); hw.models[0].set('top_k', s.top_k); }",
        {"threshold": widget.threshold, "top_k": widget.top_k},
    )
    page.evaluate("hw.frame()")
    assert widget.threshold is None
    assert page.locator(".hw-rule-name").inner_text() == "top k"
    assert page.locator(".hw-rule-value").inner_text() == "2"
    for layer, head in [(0, 0), (0, 1), (5, 3), (5, 4), (2, 2)]:
        assert composite(page, layer, head) == colour_of(classify(scores, top_k=2), layer, head)
