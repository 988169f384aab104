"""Forty categories in a 1,000-px view: every panel drawn, generated colours on screen, the
legend in columns inside the widget's box, the category toggles wrapped, no text on other
text, nothing outside the container."""

from __future__ import annotations

import numpy as np
import pytest

from headwidget import HeadMapWidget
from headwidget.palette import GENERATED_COLORS
from tests.harness.harness import show
from tests.helpers.views import cell_color, legend, overflowing, overlapping_text

N = 40
NAMES = [f"Task {i}" for i in range(N)]


def labels() -> np.ndarray:
    """Sparse bands of heads per task, a few heads in 2 to 6 tasks, and head (5, 7) in task 37 alone."""
    rng = np.random.default_rng(7)
    cells = np.zeros((32, 32, N), bool)
    for c in range(N):
        first = int(rng.integers(8, 28))
        cells[first : first + 4, :, c] = rng.random((min(4, 32 - first), 32)) < 0.1
    cells[5, :, :] = False
    cells[5, 7, 37] = True
    cells[3, 3, :6] = True  # one head in 6 categories: the legend lists "6 categories" .. "2 categories"
    return cells


@pytest.fixture
def view(page):
    widget = HeadMapWidget(labels(), NAMES, title="40 tasks")
    show(page, widget, width=1000)
    page.evaluate("hw.frame()")
    return widget, page.locator(".view").first


def test_every_panel_is_drawn_and_a_generated_colour_shows(view):
    widget, root = view
    assert root.locator(".hw-panel").count() == N + 1
    for box in (c.bounding_box() for c in root.locator(".hw-clip").all()):
        assert box["width"] >= 32 and box["height"] >= 32
    colour = widget._palette["categories"][37]
    assert colour == GENERATED_COLORS[37 - 12]
    assert cell_color(root, 1 + 37, 5, 7, layers=(0, 31), heads=32) == colour
    assert cell_color(root, 0, 5, 7, layers=(0, 31), heads=32) == colour  # the composite: in task 37 alone


def test_legend_in_columns_inside_the_widget(view):
    _, root = view
    rows = legend(root)
    assert rows[:5] == [f"{k} categories" for k in range(6, 1, -1)]  # only as far as the data go
    assert len(rows) == 5 + N + 1 and rows[-1] == "Unclassified"
    outer = root.locator(".headwidget").bounding_box()
    boxes = [r.bounding_box() for r in root.locator(".hw-legend-row").all()]
    for b in boxes:
        assert b["x"] >= outer["x"] - 0.5 and b["x"] + b["width"] <= outer["x"] + outer["width"] + 0.5
        assert b["y"] >= outer["y"] - 0.5 and b["y"] + b["height"] <= outer["y"] + outer["height"] + 0.5
    assert len({round(b["x"]) for b in boxes}) > 1  # several columns
    assert max(b["y"] + b["height"] for b in boxes) - min(b["y"] for b in boxes) < 30 * 20  # not 46 rows tall
    assert not overlapping_text(root)
    assert not overflowing(root.locator(".headwidget"))


def test_toggles_wrap(view):
    _, root = view
    tops = {round(b["y"]) for b in (t.bounding_box() for t in root.locator(".hw-toggle").all())}
    assert len(tops) > 1
    outer = root.locator(".headwidget").bounding_box()
    for b in (t.bounding_box() for t in root.locator(".hw-toggle").all()):
        assert b["x"] + b["width"] <= outer["x"] + outer["width"] + 0.5


def test_opening_a_row_keeps_it_in_its_column(view):
    _, root = view
    page = root.page
    row = root.get_by_role("button", name="2 categories")
    before = row.bounding_box()
    row.click()
    page.evaluate("hw.frame()")
    after = row.bounding_box()
    assert (round(after["x"]), round(after["y"])) == (round(before["x"]), round(before["y"]))
    assert root.locator(".hw-combo").count() >= 1
    assert not overlapping_text(root)
