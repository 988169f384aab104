"""Layout rules and palette: the fixture shared with the JS tests is current."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from headwidget.groups import legend_entries
from headwidget.layout import tick_values
from headwidget.palette import CATEGORY_COLORS, MULTI_COLORS, UNCLASSIFIED, palette_for

FIXTURES = Path(__file__).parent / "fixtures"


def test_fixtures_are_current():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    assert json.loads((FIXTURES / "layout.json").read_text()) == json.loads(json.dumps(make.layout_fixture())), (
        "tests/fixtures/layout.json is stale: run python tests/fixtures/make_fixtures.py"
    )
    assert json.loads((FIXTURES / "packed.json").read_text()) == make.packed_fixture()


@pytest.mark.parametrize(
    ("n", "ticks"),
    [(32, [0, 6, 12, 18, 24, 30]), (80, [0, 16, 32, 48, 64]), (41, [0, 8, 16, 24, 32, 40]), (3, [0, 1, 2])],
)
def test_ticks_every_n_over_5(n, ticks):
    assert tick_values(0, n - 1) == ticks


def test_reference_colours():
    p = palette_for(4)
    assert p["categories"] == ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728"]
    assert p["multi"] == ["#9467bd", "#8c564b", "#e377c2"]
    assert p["unclassified"] == UNCLASSIFIED == "#e6e6e6"


def test_palette_beyond_tab10_is_distinct():
    colours = list(CATEGORY_COLORS) + list(MULTI_COLORS) + [UNCLASSIFIED]
    assert len(set(colours)) == len(colours)
    p = palette_for(12)
    assert len(p["categories"]) == 12 and len(p["multi"]) == 11


def test_legend_in_reference_order():
    names = ["Algorithmic", "Knowledge", "Linguistic", "Translation"]
    rows = [label for label, _ in legend_entries(names, [True] * 4, palette_for(4))]
    assert rows == [
        "4 categories",
        "3 categories",
        "2 categories",
        "Translation",
        "Linguistic",
        "Knowledge",
        "Algorithmic",
        "Unclassified",
    ]
