"""Selecting heads: click, shift-click, rectangle, clear; outlined in every panel; synced with Python."""

from __future__ import annotations

import pytest
import traitlets

from headwidget import HeadMapWidget
from tests.harness.harness import show

from .labels import NAMES, staircase
from .test_hover import hover, ring_colour


def sent(page):
    """What Python received (the view's last save_changes)."""
    return page.evaluate("hw.models[0].json().selected")


def click(page, panel, layer, head, *, shift=False):
    hover(page, panel, layer, head)
    if shift:
        page.keyboard.down("Shift")
    page.mouse.down()
    page.mouse.up()
    if shift:
        page.keyboard.up("Shift")
    page.evaluate("hw.frame()")


def test_click_and_shift_click_select(page):
    widget = HeadMapWidget(staircase(), NAMES)
    show(page, widget)
    click(page, 0, 2, 2)
    assert sent(page) == [[2, 2]]
    click(page, 3, 4, 1, shift=True)  # another panel, adds
    assert sent(page) == [[2, 2], [4, 1]]
    click(page, 1, 2, 2, shift=True)  # removes
    assert sent(page) == [[4, 1]]
    click(page, 0, 0, 0)  # a plain click replaces
    assert sent(page) == [[0, 0]]
    widget.set_state({"selected": sent(page)})  # what the comm applies in the kernel
    assert widget.selected == [(0, 0)]


def test_rectangle_drag_selects_every_head_in_it(page):
    show(page, HeadMapWidget(staircase(), NAMES))
    hover(page, 2, 1, 1)
    page.mouse.down()
    hover(page, 2, 3, 2)
    page.mouse.up()
    page.evaluate("hw.frame()")
    assert sent(page) == [[1, 1], [1, 2], [2, 1], [2, 2], [3, 1], [3, 2]]


def test_selection_from_python_is_outlined_in_every_panel_and_clearable(page):
    widget = HeadMapWidget(staircase(), NAMES)
    show(page, widget)
    assert page.locator(".hw-clear").is_hidden()
    widget.selected = [(3, 1), [0, 4]]
    assert widget.selected == [(0, 4), (3, 1)]
    page.evaluate("s => hw.models[0].set('selected', s)", widget.selected)
    page.evaluate("hw.frame()")
    page.mouse.move(1, 1)  # no hover outline: only the selection's
    for panel in range(5):
        assert ring_colour(page, panel, 3, 1) == "#000000", panel
        assert ring_colour(page, panel, 0, 4) == "#000000", panel
        assert ring_colour(page, panel, 2, 2) != "#000000"
    page.get_by_role("button", name="clear selection").click()
    page.evaluate("hw.frame()")
    assert sent(page) == []
    assert ring_colour(page, 0, 3, 1) != "#000000"
    assert page.locator(".hw-clear").is_hidden()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ([(6, 0)], r"selected contains \(6, 0\); expected a list of \(layer, head\) pairs with 0 <= layer < 6"),
        ([(1.0, 2)], r"expected integer \(layer, head\) pairs"),
        ([(1, 2, 3)], r"selected contains \(1, 2, 3\)"),
        ("1,2", r"selected must be a list of"),
    ],
)
def test_bad_selection_changes_nothing(value, message):
    widget = HeadMapWidget(staircase(), NAMES)
    widget.selected = [(1, 1)]
    with pytest.raises(traitlets.TraitError, match=message):
        widget.selected = value
    assert widget.selected == [(1, 1)]


def test_selected_frame():
    pytest.importorskip("pandas")
    widget = HeadMapWidget(staircase(), NAMES)
    widget.selected = [(2, 2), (0, 0)]
    frame = widget.selected_frame()
    assert frame[["layer", "head", "categories"]].values.tolist() == [[0, 0, ""], [2, 2, "Algorithmic, Knowledge"]]
    assert frame["Knowledge"].tolist() == [False, True]
