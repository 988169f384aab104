"""Keyboard and screen readers: every control is reachable by Tab, a focused panel moves
a cursor over heads with arrow keys (tooltip and outline following, an aria-live region
announcing the head), Enter/Space toggle selection and Escape clears it."""

from __future__ import annotations

from headwidget import HeadMapWidget
from tests.harness.harness import show
from tests.helpers.labels import NAMES, staircase
from tests.helpers.views import ring_colour

FOCUSED = """() => {
    const el = document.activeElement;
    return el.getAttribute('aria-label') || el.textContent.trim();
}"""


def tab_stops(page, n: int) -> list[str]:
    stops = []
    for _ in range(n):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
    return stops


def live(page) -> str:
    return page.locator(".hw-live").inner_text()


def sent(page):
    return page.evaluate("hw.models[0].json().selected")


def press(page, *keys: str) -> None:
    for key in keys:
        page.keyboard.press(key)
    page.evaluate("hw.frame()")


def test_every_control_is_reachable_by_tab_in_order(page):
    show(page, HeadMapWidget(staircase(), NAMES))
    panel_help = ": arrow keys move between heads, Enter or Space selects, Escape clears the selection"
    assert tab_stops(page, 15) == [
        "first layer",
        "last layer",
        "first head",
        "last head",
        *NAMES,  # the category toggles
        "counts",  # the count bars' toggle
        "4 categories",  # legend groups, which open into their combinations
        "3 categories",
        "2 categories",
        "All Categories" + panel_help,
        "Algorithmic" + panel_help,
        "Knowledge" + panel_help,
    ]
    toggles = page.locator(".hw-toggle")
    assert (
        toggles.evaluate_all("els => els.map(e => [e.tagName, e.getAttribute('aria-pressed')])")
        == [["BUTTON", "true"]] * 4
    )
    assert page.locator(".hw-clip").first.get_attribute("role") == "application"


def test_arrow_keys_move_a_cursor_that_the_tooltip_outline_and_live_region_follow(page):
    show(page, HeadMapWidget(staircase(), NAMES))
    page.locator(".hw-clip").first.focus()
    page.evaluate("hw.frame()")
    assert live(page) == "layer 0, head 0; unclassified; not selected (0 selected)"
    press(page, "ArrowRight", "ArrowRight", "ArrowDown", "ArrowDown")
    assert live(page) == "layer 2, head 2; Algorithmic, Knowledge; not selected (0 selected)"
    tooltip = page.locator(".hw-tooltip")
    assert tooltip.is_visible()
    assert tooltip.inner_text().splitlines() == ["layer 2, head 2", "Algorithmic, Knowledge"]
    for panel in range(5):
        assert ring_colour(page, panel, 2, 2) == "#000000", panel
        assert ring_colour(page, panel, 0, 0) != "#000000", panel
    # the cursor stays on the map: keys past an edge stop there
    press(page, *["ArrowLeft"] * 9, "ArrowUp")
    assert live(page).startswith("layer 0, head 1;")
    press(page, "End", "PageDown")
    assert live(page).startswith("layer 5, head 4;")
    # focus leaving the panels hides the tooltip and the outline
    page.keyboard.press("Shift+Tab")
    page.evaluate("hw.frame()")
    assert tooltip.is_hidden()
    assert ring_colour(page, 1, 5, 4) != "#000000"


def test_enter_and_space_toggle_selection_and_escape_clears_it(page):
    widget = HeadMapWidget(staircase(), NAMES)
    show(page, widget)
    page.locator(".hw-clip").nth(2).focus()  # any panel
    press(page, "ArrowRight", "ArrowRight", "ArrowDown", "ArrowDown", "Enter")
    assert sent(page) == [[2, 2]]
    assert live(page) == "layer 2, head 2; Algorithmic, Knowledge; selected (1 selected)"
    press(page, "ArrowRight", "ArrowDown", " ")
    assert sent(page) == [[2, 2], [3, 3]]
    for panel in range(5):
        assert ring_colour(page, panel, 2, 2) == "#000000", panel
    press(page, " ")  # again: out
    assert sent(page) == [[2, 2]]
    widget.set_state({"selected": sent(page)})
    assert widget.selected == [(2, 2)]
    press(page, "Escape")
    assert sent(page) == []
    assert live(page) == "selection cleared"
    assert page.evaluate("document.activeElement.classList.contains('hw-clip')")  # focus stays put


def test_keys_are_not_swallowed_outside_the_panels(page):
    show(page, HeadMapWidget(staircase(), NAMES))
    page.locator(".hw-layers .hw-range-hi").focus()
    press(page, "ArrowLeft")  # the slider's own key handling
    assert page.evaluate("hw.models[0].json().layer_range") == [0, 4]
    assert live(page) == ""
