"""The widget fits the width of a real JupyterLab output area."""

from __future__ import annotations

from tests.helpers.views import overflowing, overlapping_text, panel_rows

from .cells import SETUP
from .notebook import Notebook, errors_of_ours

OUTPUT = ".jp-OutputArea-output:has(.headwidget)"


def output_width(page) -> float:
    return page.locator(OUTPUT).first.evaluate("e => e.getBoundingClientRect().width")


def test_five_panels_in_one_row_of_a_1000_px_output_area(page, jupyter):
    nb = Notebook(page, jupyter, "fit.ipynb", [SETUP + "\nwidget"])
    nb.run_all()
    # a laptop-sized window with the file browser closed, sized so the output area is 1,000 px
    if not page.evaluate("() => window.jupyterapp.shell.leftCollapsed"):
        page.evaluate("() => window.jupyterapp.commands.execute('application:toggle-left-area')")
    page.wait_for_function("() => window.jupyterapp.shell.leftCollapsed")
    viewport = page.viewport_size
    for _ in range(3):  # the output area follows the window: converge on 1,000 px
        page.set_viewport_size({"width": round(viewport["width"] + 1000 - output_width(page)), "height": 900})
        viewport = page.viewport_size
        page.wait_for_timeout(200)
    assert abs(output_width(page) - 1000) <= 1
    view = nb.view()
    # the view re-fits on its own (ResizeObserver): wait until it has for this width
    page.wait_for_function(
        """() => {
            const root = document.querySelector('.headwidget');
            const panels = [...root.querySelectorAll('.hw-panel')].map((p) => p.getBoundingClientRect().top);
            return panels.length === 5 && new Set(panels.map(Math.round)).size === 1;
        }""",
        timeout=10_000,
    )
    assert panel_rows(view) == [5]
    assert overlapping_text(view) == []
    assert overflowing(page.locator(OUTPUT).first) == []
    # square cells, one for each of the 32 layers and heads
    box = view.locator(".hw-clip").first.bounding_box()
    assert box["width"] == box["height"] and box["width"] % 32 == 0
    assert errors_of_ours(page.errors) == []
