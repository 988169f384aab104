"""The same render-and-sync flow in Notebook 7."""

from __future__ import annotations

import json

from headwidget.palette import palette_for
from tests.helpers.labels import NAMES
from tests.helpers.views import cell_color, drag_range_handle, expected_ticks, panel_titles, ticks, wait_for_readout

from .cells import LINGUISTIC_ONLY, PROBE, SETUP
from .notebook import Notebook, errors_of_ours

PALETTE = palette_for(4)


def test_notebook7_render_slider_to_kernel_and_kernel_to_view(page, jupyter):
    nb = Notebook(page, jupyter, "nb7.ipynb", [SETUP + "\nwidget", PROBE, "pass"], app="notebook")
    assert page.locator("#top-panel .jp-NotebookKernelStatus, #main-panel").count() > 0
    assert "/notebooks/" in page.url  # Notebook 7's own page, not JupyterLab
    nb.run_all()
    view = nb.view()
    assert panel_titles(view) == ["All Categories", *NAMES]
    assert cell_color(view, 0, *LINGUISTIC_ONLY, layers=(0, 31), heads=32) == PALETTE["categories"][2]

    drag_range_handle(page, view, "lo", 18, 32)
    assert json.loads(nb.execute(1))["layer_range"] == [18, 31]

    nb.execute(2, "widget.layer_range = (24, 31)")
    wait_for_readout(page, view, "layer", "24\u201331")
    # the axis's own series (multiples of 32 // 5 = 6), thinned for the cell size the view has
    assert ticks(view, "x") == expected_ticks(view, "x", (24, 31), 32)
    assert 24 in ticks(view, "x")
    assert cell_color(view, 0, *LINGUISTIC_ONLY, layers=(24, 31), heads=32) == PALETTE["categories"][2]
    assert errors_of_ours(page.errors) == []


def test_notebook7_keyboard_selects_in_the_kernel_without_moving_the_notebook(page, jupyter):
    nb = Notebook(page, jupyter, "nb7keys.ipynb", [SETUP + "\nwidget", PROBE], app="notebook")
    nb.run_all()
    active = "() => [...document.querySelectorAll('.jp-Notebook .jp-Cell')].findIndex(c => c.matches('.jp-mod-active'))"
    nb.view().locator(".hw-clip").nth(1).focus()  # the Algorithmic panel
    before = page.evaluate(active)
    for key in ["ArrowDown", "ArrowDown", "ArrowRight", " "]:
        page.keyboard.press(key)
    page.wait_for_function("() => document.querySelector('.headwidget .hw-live').textContent.includes('(1 selected)')")
    assert page.evaluate(active) == before
    assert json.loads(nb.execute(1))["selected"] == [[1, 2]]
    assert errors_of_ours(page.errors) == []
