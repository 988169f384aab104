"""In a live JupyterLab and Notebook 7 the static figure displayed after the widget never shows:
the output is there (for the saved notebook) but hidden before, and after, the view draws."""

from __future__ import annotations

import pytest

from .cells import SETUP
from .notebook import Notebook, errors_of_ours

# Before Run All: record every static figure the page adds and whether it was ever laid out
# (a box of any size) in any frame until the test reads the record back.
WATCH_STATIC = """() => {
  window.__static = { added: 0, shown: 0 };
  const check = () => {
    for (const el of document.querySelectorAll('[data-headwidget-static]')) {
      if (!el.__seen) { el.__seen = true; window.__static.added += 1; }
      if (el.getBoundingClientRect().height > 0) window.__static.shown += 1;
    }
    requestAnimationFrame(check);
  };
  new MutationObserver(check).observe(document.body, { childList: true, subtree: true });
  requestAnimationFrame(check);
}"""


@pytest.mark.parametrize("app", ["lab", "notebook"])
def test_static_figure_is_in_the_output_but_never_shown(page, jupyter, app):
    nb = Notebook(page, jupyter, f"static-{app}.ipynb", [SETUP + "\nwidget"], app=app)
    page.evaluate(WATCH_STATIC)
    nb.run_all()
    page.wait_for_timeout(300)  # a few more frames after the view drew
    record = page.evaluate("() => window.__static")
    assert record == {"added": 1, "shown": 0}
    static = page.locator("[data-headwidget-static]")
    assert static.count() == 1 and static.locator("img").count() == 1  # the figure is in the page...
    assert not static.is_visible()  # ...hidden, with the live view drawn
    assert nb.view().is_visible()
    figure_id = page.evaluate("() => document.querySelector('.headwidget').dataset.headwidgetFigure")
    assert static.get_attribute("data-headwidget-static") == figure_id
    # The output-area rule alone keeps it hidden, as it does before the view draws: with the
    # view's pairing attribute gone, it still does not show.
    page.evaluate("() => document.querySelector('.headwidget').removeAttribute('data-headwidget-figure')")
    assert not static.is_visible()
    assert errors_of_ours(page.errors) == []
