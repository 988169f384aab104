"""The widget in a real JupyterLab 4: drawn, synced with the kernel both ways, clean console."""

from __future__ import annotations

import json

import pytest

import headwidget
from headwidget.palette import palette_for
from tests.helpers.labels import NAMES
from tests.helpers.views import (
    cell_color,
    drag_range_handle,
    expected_ticks,
    panel_titles,
    range_readout,
    ticks,
    wait_for_readout,
)

from .cells import ALGO_AND_LING, LINGUISTIC_ONLY, PROBE, SETUP
from .notebook import Notebook, errors_of_ours

PALETTE = palette_for(4)


def kernel_state(nb: Notebook, probe_cell: int) -> dict:
    return json.loads(nb.execute(probe_cell))


def test_renders_with_expected_pixels(page, jupyter):
    nb = Notebook(page, jupyter, "render.ipynb", [SETUP + "\nwidget", PROBE])
    nb.run_all()
    view = nb.view()
    assert panel_titles(view) == ["All Categories", *NAMES]
    assert ticks(view, "x") == expected_ticks(view, "x", (0, 31), 32)
    assert set(ticks(view, "x")) <= {0, 6, 12, 18, 24, 30} and 0 in ticks(view, "x")
    full = {"layers": (0, 31), "heads": 32}
    assert cell_color(view, 0, 0, 0, **full) == PALETTE["unclassified"]
    assert cell_color(view, 0, *LINGUISTIC_ONLY, **full) == PALETTE["categories"][2]
    assert cell_color(view, 0, *ALGO_AND_LING, **full) == PALETTE["multi"][0]
    assert cell_color(view, 1, *ALGO_AND_LING, **full) == PALETTE["categories"][0]
    # the kernel runs the project as installed, not some other copy
    assert kernel_state(nb, 1)["file"] == headwidget.__file__
    assert errors_of_ours(page.errors) == []


def test_slider_drag_reaches_kernel_and_kernel_recrops(page, jupyter):
    nb = Notebook(page, jupyter, "slider.ipynb", [SETUP + "\nwidget", PROBE, "pass"])
    nb.run_all()
    view = nb.view()
    drag_range_handle(page, view, "lo", 18, 32)
    assert kernel_state(nb, 1)["layer_range"] == [18, 31]
    nb.execute(2, "widget.layer_range = (24, 31)")
    wait_for_readout(page, view, "layer", "24\u201331")
    # the axis's own series (multiples of 32 // 5 = 6), thinned for the cell size the view has
    assert ticks(view, "x") == expected_ticks(view, "x", (24, 31), 32)
    assert 24 in ticks(view, "x")
    assert cell_color(view, 0, *LINGUISTIC_ONLY, layers=(24, 31), heads=32) == PALETTE["categories"][2]
    assert errors_of_ours(page.errors) == []


def test_toggle_reaches_kernel_and_recolours_composite(page, jupyter):
    nb = Notebook(page, jupyter, "toggle.ipynb", [SETUP + "\nwidget", PROBE])
    nb.run_all()
    view = nb.view()
    full = {"layers": (0, 31), "heads": 32}
    assert cell_color(view, 0, *ALGO_AND_LING, **full) == PALETTE["multi"][0]  # purple: 2 categories
    view.get_by_role("button", name="Algorithmic").click()
    assert kernel_state(nb, 1)["visible"] == ["Knowledge", "Linguistic", "Translation"]
    assert panel_titles(view) == ["All Categories", "Knowledge", "Linguistic", "Translation"]
    assert cell_color(view, 0, *ALGO_AND_LING, **full) == PALETTE["categories"][2]  # only Linguistic left
    assert errors_of_ours(page.errors) == []


def test_click_selects_a_head_in_the_kernel(page, jupyter):
    nb = Notebook(page, jupyter, "select.ipynb", [SETUP + "\nwidget", PROBE])
    nb.run_all()
    clip = nb.view().locator(".hw-clip").nth(2)
    box = clip.bounding_box()
    cell = box["height"] / 32
    layer, head = LINGUISTIC_ONLY
    page.mouse.click(box["x"] + (layer + 0.5) * cell, box["y"] + (head + 0.5) * cell)
    assert kernel_state(nb, 1)["selected"] == [[layer, head]]
    assert errors_of_ours(page.errors) == []


def test_keyboard_selects_in_the_kernel_without_moving_the_notebook(page, jupyter):
    nb = Notebook(page, jupyter, "keys.ipynb", [SETUP + "\nwidget", PROBE])
    nb.run_all()
    active = "() => [...document.querySelectorAll('.jp-Notebook .jp-Cell')].findIndex(c => c.matches('.jp-mod-active'))"
    nb.view().locator(".hw-clip").first.focus()  # focus in an output makes its cell active
    before = page.evaluate(active)
    for key in ["ArrowRight", "ArrowRight", "ArrowDown", "ArrowDown", "ArrowDown", "Enter"]:
        page.keyboard.press(key)
    page.wait_for_function("() => document.querySelector('.headwidget .hw-live').textContent.includes('(1 selected)')")
    assert page.evaluate(active) == before  # the arrows moved our cursor, not the notebook's
    assert kernel_state(nb, 1)["selected"] == [[2, 3]]
    assert errors_of_ours(page.errors) == []


def test_two_views_stay_in_sync(page, jupyter):
    nb = Notebook(page, jupyter, "two_views.ipynb", [SETUP + "\nwidget", "widget", PROBE])
    nb.run_all(widgets=2)
    first, second = nb.view(0), nb.view(1)
    drag_range_handle(page, first, "hi", 27, 32)
    second.get_by_role("button", name="Knowledge").click()
    assert kernel_state(nb, 2) | {"file": None} == {
        "layer_range": [0, 27],
        "visible": ["Algorithmic", "Linguistic", "Translation"],
        "selected": [],
        "file": None,
    }
    for view in (first, second):
        assert range_readout(view, "layer") == "0\u201327"
        assert panel_titles(view) == ["All Categories", "Algorithmic", "Linguistic", "Translation"]
        assert cell_color(view, 0, *ALGO_AND_LING, layers=(0, 27), heads=32) == PALETTE["multi"][0]
    assert errors_of_ours(page.errors) == []


def test_rerun_and_close_leave_console_clean(page, jupyter):
    nb = Notebook(page, jupyter, "rerun.ipynb", [SETUP + "\nwidget", "widget", PROBE])
    nb.run_all(widgets=2)
    nb.menu("Run", "Run All Cells")  # re-execute: old views are disposed, new ones drawn
    page.wait_for_function(KERNEL_IDLE_AND_TWO_VIEWS)
    nb.execute(1)  # and one cell again on its own
    page.wait_for_timeout(500)
    nb.menu("File", "Close Tab")
    discard = page.get_by_role("button", name="Discard")
    if discard.count():
        discard.click()
    page.wait_for_function("() => document.querySelectorAll('.headwidget').length === 0")
    page.wait_for_timeout(1000)  # let any late error from the disposed views surface
    assert page.errors == []


KERNEL_IDLE_AND_TWO_VIEWS = """() => {
    const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    return kernel.status === 'idle' && document.querySelectorAll('.headwidget .hw-canvas').length >= 2;
}"""


@pytest.fixture(autouse=True)
def _no_stray_errors(page):
    """Besides each test's own checks: any error on the page fails the test."""
    yield
    assert errors_of_ours(page.errors) == []
