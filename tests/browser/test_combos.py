"""Which combination, not just how many: the legend's "k categories" rows open into
the combinations present with their counts; choosing one highlights exactly its heads
in every panel and can select them."""

from __future__ import annotations

import numpy as np

from headwidget import HeadMapWidget
from tests.harness.harness import show
from tests.helpers.views import cell_color

NAMES = ["Algorithmic", "Knowledge", "Linguistic"]
LAYERS, HEADS = 8, 6
AK = [(1, 1), (2, 1), (3, 4)]  # Algorithmic + Knowledge
KL = [(5, 2)]  # Knowledge + Linguistic
ALL = [(6, 0)]  # all three


def labels() -> np.ndarray:
    array = np.zeros((LAYERS, HEADS, 3), bool)
    for layer, head in AK:
        array[layer, head, [0, 1]] = True
    for layer, head in KL:
        array[layer, head, [1, 2]] = True
    for layer, head in ALL:
        array[layer, head] = True
    array[0, 0, 0] = True  # Algorithmic only
    array[7, 5, 2] = True  # Linguistic only
    return array


def combos(page) -> list[str]:
    """Each listed combination as "names: count", from its accessible name."""
    return page.locator(".hw-combo").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")


def open_group(page, size: int) -> None:
    page.get_by_role("button", name=f"{size} categories").click()
    page.evaluate("hw.frame()")


def colour(page, panel, layer, head, layers=(0, LAYERS - 1)):
    return cell_color(page.locator(".view"), panel, layer, head, layers=layers, heads=HEADS)


def test_groups_open_into_the_combinations_present_with_counts(page):
    show(page, HeadMapWidget(labels(), NAMES))
    group = page.get_by_role("button", name="2 categories")
    assert group.get_attribute("aria-expanded") == "false"
    assert combos(page) == []
    open_group(page, 2)
    assert group.get_attribute("aria-expanded") == "true"
    assert combos(page) == ["Algorithmic + Knowledge: 3 heads", "Knowledge + Linguistic: 1 head"]
    # UpSet-style: one dot per category, filled for the members; a bar as long as the count allows
    dots = (
        page.locator(".hw-combo")
        .first.locator(".hw-dot")
        .evaluate_all("els => els.map(e => getComputedStyle(e).backgroundColor)")
    )
    assert dots[0] == "rgb(31, 119, 180)" and dots[1] == "rgb(255, 127, 14)"
    assert dots[2] not in {"rgb(44, 160, 44)"}
    bars = page.locator(".hw-combo .hw-bar").evaluate_all("els => els.map(e => e.getBoundingClientRect().width)")
    assert bars[0] > 2 * bars[1]
    open_group(page, 3)
    assert combos(page) == [
        "Algorithmic + Knowledge + Linguistic: 1 head",
        "Algorithmic + Knowledge: 3 heads",
        "Knowledge + Linguistic: 1 head",
    ]


def test_counts_follow_the_layer_range(page):
    widget = HeadMapWidget(labels(), NAMES, layer_range=(2, 7))
    show(page, widget)
    open_group(page, 2)
    assert combos(page) == ["Algorithmic + Knowledge: 2 heads", "Knowledge + Linguistic: 1 head"]
    page.evaluate("hw.models[0].set('layer_range', [0, 4])")
    page.evaluate("hw.frame()")
    assert combos(page) == ["Algorithmic + Knowledge: 3 heads"]


def test_choosing_a_combination_highlights_exactly_its_heads_in_every_panel(page):
    show(page, HeadMapWidget(labels(), NAMES))
    before = {(p, la, h): colour(page, p, la, h) for p in range(4) for la, h in [*AK, *KL, (0, 0), (4, 4)]}
    open_group(page, 2)
    page.get_by_role("button", name="Algorithmic + Knowledge: 3 heads").click()
    page.evaluate("hw.frame()")
    assert page.get_by_role("button", name="Algorithmic + Knowledge: 3 heads").get_attribute("aria-pressed") == "true"
    for (panel, layer, head), was in before.items():
        now = colour(page, panel, layer, head)
        if (layer, head) in AK:
            assert now == was, (panel, layer, head)  # the combination's heads keep their colours
        else:
            assert now != was and brightness(now) > brightness(was), (panel, layer, head)  # the rest are veiled
    # choosing it again lets every head show
    page.get_by_role("button", name="Algorithmic + Knowledge: 3 heads").click()
    page.evaluate("hw.frame()")
    assert colour(page, 0, 5, 2) == before[(0, 5, 2)]


def test_a_combination_can_be_selected(page):
    widget = HeadMapWidget(labels(), NAMES)
    show(page, widget)
    open_group(page, 2)
    page.get_by_role("button", name="Algorithmic + Knowledge: 3 heads").click()
    page.evaluate("hw.frame()")
    page.get_by_role("button", name="select 3 heads").click()
    page.evaluate("hw.frame()")
    sent = page.evaluate("hw.models[0].json().selected")
    assert sent == [list(head) for head in AK]
    widget.set_state({"selected": sent})
    assert widget.selected == AK
    assert widget.selected_frame()["categories"].tolist() == ["Algorithmic, Knowledge"] * 3


def test_hiding_a_category_regroups_the_combinations(page):
    show(page, HeadMapWidget(labels(), NAMES))
    open_group(page, 2)
    page.get_by_role("button", name="Linguistic", exact=True).click()  # the category toggle
    page.evaluate("hw.frame()")
    # (6, 0) now counts as Algorithmic + Knowledge; Knowledge + Linguistic is gone; the group stays open
    assert combos(page) == ["Algorithmic + Knowledge: 4 heads"]


def brightness(hex_colour: str) -> int:
    return sum(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
