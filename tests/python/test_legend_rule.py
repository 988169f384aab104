"""Which legend rows exist: every "k categories" row up to 4 visible categories (the
reference), past that only as far as the data go; the fixture's cases agree with the rule
spelled out here, and a static figure lists the same rows."""

from __future__ import annotations

import json

import numpy as np
import pytest

from headwidget import HeadMapWidget
from headwidget.groups import largest_listed, legend_entries, most_categories
from headwidget.palette import palette_for
from headwidget.snapshot import Snapshot
from tests.helpers import FIXTURES
from tests.helpers.labels import NAMES, REFERENCE_LEGEND

LAYOUT = json.loads((FIXTURES / "layout.json").read_text())


def rows_spelled_out(names: list[str], shown: list[bool], most: int) -> list[str]:
    visible = [name for name, on in zip(names, shown, strict=True) if on]
    top = len(visible) if len(visible) <= 4 else max(4, min(most, len(visible)))
    return [*(f"{k} categories" for k in range(top, 1, -1)), *visible[::-1], "Unclassified"]


@pytest.mark.parametrize("case", LAYOUT["panels"], ids=lambda c: f"{len(c['categories'])}-{sum(c['shown'])}")
def test_fixture_legend_rows_follow_the_rule(case):
    names, shown = case["categories"], case["shown"]
    assert [row["label"] for row in case["legend"]] == rows_spelled_out(names, shown, len(names))
    for most, rows in case["legend_most"].items():
        assert [row["label"] for row in rows] == rows_spelled_out(names, shown, int(most))


@pytest.mark.parametrize("case", LAYOUT["composite"], ids=lambda c: "x".join(map(str, c["shape"])))
def test_fixture_most_is_the_most_visible_categories_of_one_head(case):
    cells = np.array(case["cells"], dtype=bool).reshape(case["shape"])
    visible = [c for c, on in enumerate(case["shown"]) if on]
    assert case["most"] == max(
        (int(cells[layer, head, visible].sum()) for layer, head in np.ndindex(cells.shape[:2])), default=0
    )


def test_up_to_four_categories_every_row_whatever_the_data():
    assert [label for label, _ in legend_entries(NAMES, [True] * 4, palette_for(4), most=1)] == REFERENCE_LEGEND
    assert largest_listed(4, 0) == 4 and largest_listed(3, 1) == 3 and largest_listed(1, 1) == 1


def test_many_categories_list_rows_only_as_far_as_the_data_go():
    assert largest_listed(40, 2) == 4 and largest_listed(40, 7) == 7 and largest_listed(40, None) == 40
    labels = np.zeros((4, 4, 40), bool)
    labels[0, 0, :7] = True  # one head in 7 categories
    labels[1, 1, 30] = True
    w = HeadMapWidget(labels, [f"Task {i}" for i in range(40)])
    assert most_categories(w.labels, [True] * 40) == 7
    rows = [label for label, _ in Snapshot.of(w).legend()]
    assert rows[:6] == [f"{k} categories" for k in range(7, 1, -1)]
    assert len(rows) == 6 + 40 + 1
    w.visible = [f"Task {i}" for i in range(3, 40)]  # the head is now in 4 visible categories
    rows = [label for label, _ in Snapshot.of(w).legend()]
    assert rows[:3] == ["4 categories", "3 categories", "2 categories"] and len(rows) == 3 + 37 + 1
