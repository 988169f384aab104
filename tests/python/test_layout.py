"""Layout rules, the group rule and the palette: the fixture shared with the JS tests is
current, and its expected values agree with the rules written out head by head here."""

from __future__ import annotations

import json

import numpy as np
import pytest

from headwidget.figure import Layout
from headwidget.groups import group_colours, group_labels, legend_entries
from headwidget.layout import COUNTS_HEIGHT, TICK_FONT_PX, crop_cell, min_tick_step, tick_values
from headwidget.palette import CATEGORY_COLORS, MULTI_COLORS, UNCLASSIFIED, palette_for
from headwidget.size import FigureSpec
from tests.helpers import FIXTURES
from tests.helpers.labels import NAMES, REFERENCE_LEGEND

LAYOUT = json.loads((FIXTURES / "layout.json").read_text())


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
    assert tick_values(0, n - 1, n) == ticks


@pytest.mark.parametrize(
    ("first", "last", "n", "min_step", "ticks"),
    [
        (18, 31, 32, 1, [18, 24, 30]),  # a crop keeps the axis's own series
        (18, 31, 32, 7, [24]),  # thinning drops every other tick of the series: step 12
        (0, 31, 32, 7, [0, 12, 24]),
        (0, 125, 126, 30, [0, 50, 100]),
        (26, 40, 126, 1, [26, 40]),  # between two ticks of the series: its ends
        (26, 27, 126, 3, [26]),  # ends that would touch: the first alone
    ],
)
def test_ticks_are_the_axis_series(first, last, n, min_step, ticks):
    assert tick_values(first, last, n, min_step) == ticks


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
    rows = [label for label, _ in legend_entries(NAMES, [True] * 4, palette_for(4))]
    assert rows == REFERENCE_LEGEND


# ------------------------------------------------------------------ group rule


def group_of(on: list[bool], shown: list[bool]) -> int:
    """The group rule for one head, spelled out: alone in the v-th visible category -> v,
    in k >= 2 visible categories -> V + k - 2, in none -> -1."""
    visible = [c for c, s in enumerate(shown) if s]
    mine = [v for v, c in enumerate(visible) if on[c]]
    if not mine:
        return -1
    return mine[0] if len(mine) == 1 else len(visible) + len(mine) - 2


def heads_of(case: dict) -> np.ndarray:
    return np.array(case["cells"], dtype=bool).reshape(case["shape"])


@pytest.mark.parametrize("case", LAYOUT["composite"], ids=lambda c: "x".join(map(str, c["shape"])))
def test_fixture_composite_follows_the_group_rule(case):
    cells, shown, palette = heads_of(case), case["shown"], case["palette"]
    n_layers, n_heads, _ = cells.shape
    visible = [c for c, s in enumerate(shown) if s]
    groups = [group_of(list(cells[layer, head]), shown) for layer in range(n_layers) for head in range(n_heads)]
    assert case["groups"] == groups
    colours = [palette["categories"][c] for c in visible] + palette["multi"][: max(0, len(visible) - 1)]
    grey = palette["unclassified"]
    assert case["colors"]["composite"] == [grey if g < 0 else colours[g] for g in groups]
    assert case["colors"]["panels"] == [
        [
            palette["categories"][c] if cells[layer, head, c] else grey
            for layer in range(n_layers)
            for head in range(n_heads)
        ]
        for c in visible
    ]


def test_fixture_composite_covers_every_group():
    """The staircase reaches 0 .. 4 categories; hidden categories, 1 and 12 categories are there."""
    staircase = LAYOUT["composite"][0]
    assert set(staircase["groups"]) == {-1, 0, 3, 4, 5, 6}
    assert {tuple(c["shape"]) for c in LAYOUT["composite"]} >= {(6, 5, 4), (5, 4, 1), (6, 5, 12), (32, 32, 4)}
    assert any(not all(c["shown"]) for c in LAYOUT["composite"])
    twelve = next(c for c in LAYOUT["composite"] if c["shape"][2] == 12 and all(c["shown"]))
    assert max(twelve["groups"]) >= 12 + 3 - 2  # heads in 3 or more of 12 categories


@pytest.mark.parametrize("case", LAYOUT["counts"], ids=lambda c: "x".join(map(str, c["shape"])))
def test_fixture_counts_follow_the_group_rule(case):
    cells, shown = heads_of(case), case["shown"]
    first, last = case["heads"]
    n_groups = 2 * sum(shown) - 1
    want = [[0] * n_groups for _ in range(cells.shape[0])]
    for layer in range(cells.shape[0]):
        for head in range(first, last + 1):
            group = group_of(list(cells[layer, head]), shown)
            if group >= 0:
                want[layer][group] += 1
    assert case["counts"] == want
    assert case["busiest"] == max(sum(row) for row in want)
    for dpr in (1, 2):
        height = COUNTS_HEIGHT * dpr
        assert case["heights"][str(dpr)] == [[int(n / case["busiest"] * height + 0.5) for n in row] for row in want]


def test_fixture_counts_include_a_stack_taller_than_the_bars():
    """Six groups of one head at the busiest layer: each rounds 6.67 px up, 42 px in all."""
    assert any(sum(row) > COUNTS_HEIGHT for case in LAYOUT["counts"] for row in case["heights"]["1"])


@pytest.mark.parametrize("entry", LAYOUT["panels"], ids=lambda e: f"{len(e['categories'])}-{e['shown']}")
def test_legend_is_the_groups_reversed_then_unclassified(entry):
    palette, visible = entry["palette"], [c for c, on in enumerate(entry["shown"]) if on]
    groups = [(g["label"], g["color"]) for g in entry["groups"]]
    assert groups == [(entry["categories"][c], palette["categories"][c]) for c in visible] + [
        (f"{k} categories", palette["multi"][k - 2]) for k in range(2, len(visible) + 1)
    ]
    labels, colours = group_labels(entry["categories"], entry["shown"]), group_colours(palette, entry["shown"])
    assert groups == list(zip(labels, colours, strict=True))
    legend = [(row["label"], row["color"]) for row in entry["legend"]]
    assert legend == [*groups[::-1], ("Unclassified", entry["palette"]["unclassified"])]


def test_constants_are_the_modules():
    from headwidget import groups, layout

    assert LAYOUT["constants"] == {
        "composite_title": layout.COMPOSITE_TITLE,
        "unclassified_label": groups.UNCLASSIFIED_LABEL,
        "max_panel_px": layout.MAX_PANEL_PX,
        "counts_height": layout.COUNTS_HEIGHT,
        "counts_gap": layout.COUNTS_GAP,
    }


def test_layout_clips_a_stack_taller_than_the_bars():
    """The static figure's bars stay in their box, as a canvas clips them: 40 px at the live
    view's 11 px font (8.25 pt), as tall in em at any other size."""
    from headwidget import HeadMapWidget
    from headwidget.snapshot import Snapshot

    case = next(c for c in LAYOUT["counts"] if any(sum(row) > COUNTS_HEIGHT for row in c["heights"]["1"]))
    widget = HeadMapWidget(heads_of(case), ["A", "B", "C", "D"])
    at_7pt = Layout.of(Snapshot.of(widget, counts=True), FigureSpec.parse("3.25in", 7)).counts
    assert at_7pt.box.height == round(COUNTS_HEIGHT * 7 / 8.25) == 34
    spec = FigureSpec.parse("7in", TICK_FONT_PX * 72 / 96)
    counts = Layout.of(Snapshot.of(widget, counts=True), spec).counts
    assert counts.box.height == COUNTS_HEIGHT
    column = [bar for bar in counts.bars if bar.layer == 1]  # the busiest layer: one head in each of 6 groups
    assert len(column) == case["busiest"] == 6
    assert min(bar.box.y for bar in column) == counts.box.y
    assert sum(bar.box.height for bar in column) == COUNTS_HEIGHT
    assert [bar.box.height for bar in column] == [7, 7, 7, 7, 7, 5]  # the top segment clipped


@pytest.mark.parametrize("case", LAYOUT["face_ticks"], ids=lambda c: f"{c['shape'][0]}-{c['width']}-{c['heads'][0]}")
def test_fixture_face_ticks_follow_the_shared_rules(case):
    """The static figure's ticks are the shared rule at the crop's cell size along each
    axis: the axis's own series, cropped and thinned, never shifted; its panel box is the
    whole model's."""
    (first, last), (first_head, last_head) = case["layers"], case["heads"]
    n_layers, n_heads, _ = case["shape"]
    font, cell = case["font_px"], case["cell"]
    assert font == pytest.approx(case["font_size"] * 96 / 72)
    assert case["cell_x"] == crop_cell(cell, n_layers, last - first + 1)
    assert case["cell_y"] == crop_cell(cell, n_heads, last_head - first_head + 1)
    assert case["plot"][2:] == pytest.approx([n_layers * cell, n_heads * cell])
    assert case["x"] == tick_values(first, last, n_layers, min_tick_step("x", last, case["cell_x"], font))
    assert case["y"] == tick_values(first_head, last_head, n_heads, min_tick_step("y", last_head, case["cell_y"], font))
    assert all(v % (n_layers // 5) == 0 for v in case["x"]) and all(v % (n_heads // 5) == 0 for v in case["y"])


def test_fixture_crop_cell():
    """The crop fills the whole model's box: ``cell * n / shown``, spelled out."""
    cases = {(c["cell"], c["n"], c["shown"]): c["crop_cell"] for c in LAYOUT["crop_cell"]}
    assert cases[(3, 32, 32)] == 3 and cases[(2.5, 32, 8)] == 10 and cases[(7, 4, 1)] == 28
    assert all(crop_cell(*key) == value for key, value in cases.items())
    assert crop_cell(2.5, 32, 8) * 8 == 2.5 * 32  # the shown cells span the box


def test_fixture_face_ticks_values():
    """Spelled out, so a change of the rules shows here: layers 18..31 of 32 at 3.25 in / 7 pt."""
    case = next(c for c in LAYOUT["face_ticks"] if c["shape"][0] == 32 and c["width"] == "3.25in")
    assert case["layers"] == [18, 31]
    assert case["x"] in ([18, 24, 30], [24])
    assert set(case["y"]) <= set(range(0, 32, 6))
