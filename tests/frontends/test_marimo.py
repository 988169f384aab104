"""marimo: ``mo.ui.anywidget(HeadMapWidget(...))`` under ``marimo run`` on 127.0.0.1.

The view draws, a change in the view reaches a dependent cell (once per drag with
``continuous_update=False``), ``widget.layer_slider()`` is marimo's own slider and moves the
view, the quickstart shows both its maps, and nothing is fetched from outside 127.0.0.1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from headwidget.palette import palette_for
from tests.helpers import ROOT, need
from tests.helpers.labels import NAMES, example_head
from tests.helpers.views import cell_color, drag_range_handle, panel_titles, ticks, wait_for_readout

from .conftest import serve
from .servers import AppServer, marimo_server

APP = Path(__file__).parent / "marimo_app.py"
QUICKSTART = ROOT / "notebooks" / "quickstart_marimo.py"
BLUE = palette_for(4)["categories"][0]


@pytest.fixture(scope="module")
def app(browser, tmp_path_factory) -> Iterator[AppServer]:
    need("marimo")
    yield from serve(marimo_server(tmp_path_factory.mktemp("marimo"), APP))


def python_line(page: Any) -> Any:
    """The dependent cell's output: ``python: layers F-L | visible ... | runs N``."""
    return page.get_by_text(re.compile(r"^python: layers"))


def wait_for_line(page: Any, pattern: str) -> str:
    line = python_line(page)
    line.filter(has_text=re.compile(pattern)).wait_for(timeout=10_000)
    return line.inner_text()


def open_app(page: Any, server: AppServer) -> Any:
    page.goto(server.url + "/")
    view = page.locator(".headwidget").first
    view.locator(".hw-canvas").first.wait_for(timeout=60_000)
    python_line(page).wait_for(timeout=30_000)
    return view


def test_view_and_python_follow_each_other(page, app):
    view = open_app(page, app)
    # It draws: the panels, and a head in Algorithmic only in the category's blue.
    assert panel_titles(view) == ["All Categories", *NAMES]
    layer, head = example_head(["Algorithmic"])
    assert cell_color(view, 1, layer, head, layers=(0, 31), heads=32) == BLUE
    assert wait_for_line(page, r"runs 1$").endswith("layers 0-31 | visible " + ",".join(NAMES) + " | runs 1")

    # View -> Python: one drag of the view's slider runs the dependent cell once (continuous_update=False).
    drag_range_handle(page, view, "hi", 20, 32)
    assert wait_for_line(page, r"layers 0-20 .* runs 2$")
    page.wait_for_timeout(500)  # a second run would show by now
    assert python_line(page).inner_text().endswith("runs 2")
    assert ticks(view, "x")[-1] <= 20

    # A category toggle reaches Python too.
    view.get_by_role("button", name="Knowledge").click()
    assert wait_for_line(page, r"visible Algorithmic,Linguistic,Translation \| runs 3$")
    assert panel_titles(view) == ["All Categories", "Algorithmic", "Linguistic", "Translation"]

    # Python -> view: widget.layer_slider() is marimo's range slider; moving it sets layer_range.
    low = page.locator("marimo-range-slider").get_by_role("slider", name="Minimum")
    low.focus()
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    wait_for_readout(page, view, "layer", "4\u201331")
    assert ticks(view, "x")[0] >= 4
    assert page.outside == []
    assert page.errors == []


@pytest.fixture(scope="module")
def quickstart(browser, tmp_path_factory) -> Iterator[AppServer]:
    need("marimo")
    yield from serve(marimo_server(tmp_path_factory.mktemp("marimo-quickstart"), QUICKSTART))


def test_quickstart_shows_the_real_map_then_the_synthetic_one(page, quickstart):
    page.goto(quickstart.url + "/")
    views = page.locator(".headwidget")
    views.nth(1).locator(".hw-canvas").first.wait_for(timeout=60_000)
    assert views.nth(0).locator(".hw-title").inner_text().startswith("Llama-2-7B")
    assert panel_titles(views.nth(0)) == ["All Categories", "Function vector", "Retrieval"]
    assert panel_titles(views.nth(1)) == ["All Categories", *NAMES]
    assert page.locator("marimo-range-slider").get_by_role("slider", name="Minimum").count() == 1
    page.get_by_text(re.compile(r"^layer_range = ")).wait_for()
    assert page.outside == []
    assert page.errors == []
