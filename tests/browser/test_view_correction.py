"""A value a view sent that Python refused is corrected on screen: two front ends (two
models, as two browsers on one kernel), the first holding a refused range and palette, and
both applying what the kernel sends back through its real comm handler."""

from __future__ import annotations

import pytest

from headwidget import HeadMapWidget
from headwidget.messages import ViewUpdateRefused
from headwidget.palette import palette_for
from tests.harness.harness import show
from tests.helpers.comm import Views
from tests.helpers.labels import NAMES, staircase
from tests.helpers.views import cell_color, ticks

PURPLE = palette_for(4)["multi"][0]
GREY = palette_for(4)["unclassified"]


def unclassified_swatch(view) -> str:
    return view.locator(".hw-legend .hw-swatch").last.evaluate("e => getComputedStyle(e).backgroundColor")


def test_a_refused_value_is_corrected_in_every_view_on_screen(page):
    widget = HeadMapWidget(staircase(), NAMES, layer_range=(1, 4))
    views = Views(widget)
    show(page, widget)  # the view that sends
    show(page, widget)  # another front end on the same kernel
    bad = {"layer_range": [4, 2], "_palette": dict(widget._palette, unclassified="#ff0000")}
    page.evaluate("s => { for (const [k, v] of Object.entries(s)) hw.models[0].set(k, v); }", bad)
    page.evaluate("hw.frame()")
    sender, other = page.locator(".view").nth(0), page.locator(".view").nth(1)
    assert unclassified_swatch(sender) == "rgb(255, 0, 0)"  # the sender shows what it sent
    assert ticks(sender, "x") == [1, 2, 3, 4]  # a reversed range is never drawn: the last one stays
    with pytest.warns(ViewUpdateRefused, match="change to layer_range, _palette was refused"):
        back = views.send(bad)
    for message in back:  # what the kernel sends, applied by each front end as its widget manager does
        page.evaluate(
            "s => { for (const m of hw.models) for (const [k, v] of Object.entries(s)) m.set(k, v); }",
            message["state"],
        )
    page.evaluate("hw.frame()")
    for view in (sender, other):
        assert view.locator(".hw-error").inner_text() == ""
        assert unclassified_swatch(view) == "rgb(230, 230, 230)"
        assert ticks(view, "x") == [1, 2, 3, 4]
        assert cell_color(view, 0, 2, 2, layers=(1, 4), heads=5) == PURPLE
        assert cell_color(view, 0, 3, 0, layers=(1, 4), heads=5) == GREY
