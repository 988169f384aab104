"""Per-layer counts below the composite: bar heights, stacking colours, cropping, toggles."""

from __future__ import annotations

from headwidget import HeadMapWidget
from headwidget.palette import palette_for
from tests.harness.harness import show
from tests.helpers.labels import stacks as labels
from tests.helpers.views import count_bars

A, B = palette_for(2)["categories"]
AB = palette_for(2)["multi"][0]


def test_bar_heights_and_stacking(page):
    show(page, HeadMapWidget(labels(), ["A", "B"], show_counts=True))
    columns = count_bars(page, 4)
    # the busiest layer (4 heads) fills the 40 px strip: 10 px per head
    assert [len(c) for c in columns] == [0, 10, 20, 40]
    assert columns[3] == [A] * 20 + [B] * 10 + [AB] * 10  # categories first, then heads in 2
    assert columns[2] == [A] * 10 + [B] * 10


def test_bars_follow_the_layer_range_and_toggles(page):
    widget = HeadMapWidget(labels(), ["A", "B"], show_counts=True)
    show(page, widget)
    page.evaluate("hw.models[0].set('layer_range', [2, 3])")
    page.evaluate("hw.frame()")
    assert [len(c) for c in count_bars(page, 2)] == [20, 40]  # same scale: the whole model's busiest layer
    page.get_by_role("button", name="B").click()
    page.evaluate("hw.frame()")
    # with B hidden a head counts only A: layer 3 has 3 heads, now the busiest (40 px),
    # and the head that was in A and B is plain A
    assert count_bars(page, 2) == [[A] * 13, [A] * 40]
