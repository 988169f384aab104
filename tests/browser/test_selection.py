"""Selecting heads: click, shift-click, rectangle, clear; outlined in every panel; synced with Python.
(Validation of ``selected`` and ``selected_frame()``: ``tests/python/test_widget.py``.)"""

from __future__ import annotations

from headwidget import HeadMapWidget
from tests.harness.harness import show
from tests.helpers.labels import NAMES, staircase
from tests.helpers.views import hover, ring_colour


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
