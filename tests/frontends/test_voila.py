"""Voilà: a notebook served as an app by ``voila`` on 127.0.0.1, with ipywidgets around the view.

The view draws; a category toggle reaches an observer in the kernel, which writes into an
``ipywidgets.Label``; an ``ipywidgets.Button`` sets ``layer_range`` from Python and the view's
readout follows; the jslinked ``layer_slider()`` follows too. Every request outside
127.0.0.1 is blocked and none is attempted: Voilà serves its widget manager and anywidget's
front end itself; the one exception is the Font Awesome stylesheet that Voilà's page
template links from jsdelivr (icons only), which is blocked and changes nothing here.
"""

from __future__ import annotations

from collections.abc import Iterator

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from headwidget.palette import palette_for
from tests.helpers import need
from tests.helpers.labels import NAMES, example_head
from tests.helpers.views import cell_color, panel_titles, ticks, wait_for_readout

from .conftest import serve
from .servers import AppServer, voila_server

BLUE = palette_for(4)["categories"][0]
# Voilà's lab template links Font Awesome from a CDN (icons for ipywidgets' buttons).
FONT_AWESOME = "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@"
# Logged with no widget at all: the blocked stylesheets, and Notebook 7's lab extension
# (installed beside Voilà by the dev extra), which Voilà's page cannot load.
VOILA_OWN_ERRORS = ("Failed to load resource: net::ERR_FAILED", "The getter for the shared module is not a function")
CELLS = [
    """\
import ipywidgets
from headwidget import HeadMapWidget, example_labels

widget = HeadMapWidget(example_labels(), title="voila test")
label = ipywidgets.Label()

def show_python(change=None):
    first, last = widget.layer_range
    label.value = f"python: layers {first}-{last} | visible {','.join(widget.visible)}"

show_python()
widget.observe(show_python, names=["layer_range", "visible"])
button = ipywidgets.Button(description="layers 18-31")
button.on_click(lambda _: setattr(widget, "layer_range", (18, 31)))
ipywidgets.VBox([widget, label, button, widget.layer_slider()])""",
    "widget  # displayed itself: the view, then the static figure hidden beside it",
]


@pytest.fixture(scope="module")
def voila(browser, tmp_path_factory) -> Iterator[AppServer]:
    need("voila")
    tmp = tmp_path_factory.mktemp("voila")
    notebook = tmp / "app.ipynb"
    metadata = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    nbformat.write(new_notebook(cells=[new_code_cell(c) for c in CELLS], metadata=metadata), notebook)
    yield from serve(voila_server(tmp, notebook))


def test_view_and_python_follow_each_other(page, voila):
    page.goto(voila.url + "/")
    view = page.locator(".headwidget").first
    view.locator(".hw-canvas").first.wait_for(timeout=60_000)
    # It draws: the panels, and a head in Algorithmic only in the category's blue.
    assert panel_titles(view) == ["All Categories", *NAMES]
    layer, head = example_head(["Algorithmic"])
    assert cell_color(view, 1, layer, head, layers=(0, 31), heads=32) == BLUE
    page.locator(".headwidget").nth(1).locator(".hw-canvas").first.wait_for()
    static = page.locator("[data-headwidget-static]")  # the second cell's, hidden where the view is live
    assert static.count() == 1 and not static.is_visible()
    label = page.locator(".widget-label").filter(has_text="python:")
    assert label.inner_text() == "python: layers 0-31 | visible " + ",".join(NAMES)

    # View -> Python: a category toggle reaches the kernel's observer, which writes the label.
    view.get_by_role("button", name="Knowledge").click()
    label.filter(has_text="visible Algorithmic,Linguistic,Translation").wait_for(timeout=10_000)

    # Python -> view: the button sets layer_range in the kernel; the readout, ticks and jslinked slider follow.
    page.get_by_role("button", name="layers 18-31").click()
    wait_for_readout(page, view, "layer", "18\u201331")
    assert ticks(view, "x")[0] >= 18
    label.filter(has_text="layers 18-31").wait_for(timeout=10_000)
    slider = page.locator(".widget-readout")
    page.wait_for_function("e => e.textContent.startsWith('18')", arg=slider.element_handle(), timeout=10_000)

    # Offline: the widget manager and anywidget's front end came from Voilà itself.
    assert page.outside and all(url.startswith(FONT_AWESOME) for url in page.outside)
    assert [e for e in page.errors if not any(own in e for own in VOILA_OWN_ERRORS)] == []
