"""``continuous_update``: the view's own sliders send each step of a drag, or the range once on release.

The harness's stand-in model records every ``save_changes`` (each one a message to
Python), so a drag's messages are counted as the kernel would receive them.
"""

from __future__ import annotations

from typing import Any

import pytest

from headwidget import HeadMapWidget, example_labels
from tests.harness.harness import show
from tests.helpers.views import range_readout, ticks


def sent_layer_ranges(page: Any) -> list[list[int]]:
    """The ``layer_range`` of every message the view sent, in order."""
    return page.evaluate("hw.models[0].saved.map((s) => s.layer_range)")


def start_drag(page: Any, root: Any, to_layer: int, n_layers: int) -> None:
    """Press the "last layer" handle where it is drawn and move it onto ``to_layer``'s place on
    the track, without releasing it."""
    handle = root.locator(".hw-layers .hw-range-hi").bounding_box()
    track = root.locator(".hw-layers .hw-range-track").bounding_box()
    thumb = handle["width"] / 2  # a handle's centre runs from half its width in from either end
    y = handle["y"] + handle["height"] / 2
    page.mouse.move(handle["x"] + thumb, y)
    page.mouse.down()
    page.mouse.move(track["x"] + thumb + (track["width"] - 2 * thumb) * to_layer / (n_layers - 1), y, steps=8)


@pytest.mark.parametrize("continuous", [True, False])
def test_a_drag_sends_every_step_or_once_on_release(page, continuous):
    widget = HeadMapWidget(example_labels(), continuous_update=continuous)
    show(page, widget)
    root = page.locator(".view").first
    start_drag(page, root, 20, 32)
    page.evaluate("hw.frame()")
    # Mid-drag the view already shows the new range either way ...
    assert range_readout(root, "layer") == "0\u201320"
    assert ticks(root, "x")[-1] <= 20
    during = sent_layer_ranges(page)
    page.mouse.up()
    page.evaluate("hw.frame()")
    after = sent_layer_ranges(page)
    if continuous:
        # ... and Python heard each step; the release adds nothing.
        assert len(during) > 1 and during[-1] == [0, 20]
        assert after == during
    else:
        # ... but Python hears nothing until the release, then one message.
        assert during == []
        assert after == [[0, 20]]
    # Python applies what it received: one change of layer_range per message.
    changes = []
    widget.observe(lambda change: changes.append(change["new"]), names="layer_range")
    for value in after:
        widget.set_state({"layer_range": value})
    assert widget.layer_range == (0, 20)
    assert len(changes) == len({tuple(v) for v in after})


@pytest.mark.parametrize("continuous", [True, False])
def test_a_key_press_sends_one_message(page, continuous):
    show(page, HeadMapWidget(example_labels(), continuous_update=continuous))
    root = page.locator(".view").first
    root.locator(".hw-layers .hw-range-hi").focus()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.evaluate("hw.frame()")
    assert sent_layer_ranges(page) == [[0, 30], [0, 29]]
    assert range_readout(root, "layer") == "0\u201329"


def test_python_turns_it_off_in_a_live_view(page):
    widget = HeadMapWidget(example_labels())
    show(page, widget)
    widget.continuous_update = False
    page.evaluate("v => hw.models[0].set('continuous_update', v)", widget.continuous_update)
    root = page.locator(".view").first
    start_drag(page, root, 25, 32)
    assert sent_layer_ranges(page) == []
    page.mouse.up()
    assert sent_layer_ranges(page) == [[0, 25]]
