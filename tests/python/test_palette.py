"""Colours for any number of categories: the generated ones past the reference's 12, their
least CIEDE2000 difference (the bound the README and palette.py state), the "k categories"
ramp, determinism, custom mappings, and CIEDE2000 itself against Sharma et al.'s data."""

from __future__ import annotations

import time

import numpy as np
import pytest

from headwidget import HeadMapWidget
from headwidget.palette import (
    CATEGORY_COLORS,
    GENERATED_COLORS,
    MIN_DELTA_E,
    MULTI_COLORS,
    UNCLASSIFIED,
    _generated,
    ciede2000,
    generated_colors,
    hex_to_lab,
    palette_for,
)

# Sharma, Wu & Dalal (2005), "The CIEDE2000 color-difference formula: implementation notes,
# supplementary test data, and mathematical observations", Color Res. Appl. 30(1), Table 1:
# (L1, a1, b1), (L2, a2, b2), expected difference, all 34 pairs.
SHARMA_2005 = [
    ((50.0000, 2.6772, -79.7751), (50.0000, 0.0000, -82.7485), 2.0425),
    ((50.0000, 3.1571, -77.2803), (50.0000, 0.0000, -82.7485), 2.8615),
    ((50.0000, 2.8361, -74.0200), (50.0000, 0.0000, -82.7485), 3.4412),
    ((50.0000, -1.3802, -84.2814), (50.0000, 0.0000, -82.7485), 1.0000),
    ((50.0000, -1.1848, -84.8006), (50.0000, 0.0000, -82.7485), 1.0000),
    ((50.0000, -0.9009, -85.5211), (50.0000, 0.0000, -82.7485), 1.0000),
    ((50.0000, 0.0000, 0.0000), (50.0000, -1.0000, 2.0000), 2.3669),
    ((50.0000, -1.0000, 2.0000), (50.0000, 0.0000, 0.0000), 2.3669),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0009), 7.1792),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0010), 7.1792),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0011), 7.2195),
    ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0012), 7.2195),
    ((50.0000, -0.0010, 2.4900), (50.0000, 0.0009, -2.4900), 4.8045),
    ((50.0000, -0.0010, 2.4900), (50.0000, 0.0010, -2.4900), 4.8045),
    ((50.0000, -0.0010, 2.4900), (50.0000, 0.0011, -2.4900), 4.7461),
    ((50.0000, 2.5000, 0.0000), (50.0000, 0.0000, -2.5000), 4.3065),
    ((50.0000, 2.5000, 0.0000), (73.0000, 25.0000, -18.0000), 27.1492),
    ((50.0000, 2.5000, 0.0000), (61.0000, -5.0000, 29.0000), 22.8977),
    ((50.0000, 2.5000, 0.0000), (56.0000, -27.0000, -3.0000), 31.9030),
    ((50.0000, 2.5000, 0.0000), (58.0000, 24.0000, 15.0000), 19.4535),
    ((50.0000, 2.5000, 0.0000), (50.0000, 3.1736, 0.5854), 1.0000),
    ((50.0000, 2.5000, 0.0000), (50.0000, 3.2972, 0.0000), 1.0000),
    ((50.0000, 2.5000, 0.0000), (50.0000, 1.8634, 0.5757), 1.0000),
    ((50.0000, 2.5000, 0.0000), (50.0000, 3.2592, 0.3350), 1.0000),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((63.0109, -31.0961, -5.8663), (62.8187, -29.7946, -4.0864), 1.2630),
    ((61.2901, 3.7196, -5.3901), (61.4292, 2.2480, -4.9620), 1.8731),
    ((35.0831, -44.1164, 3.7933), (35.0232, -40.0716, 1.5901), 1.8645),
    ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
    ((36.4612, 47.8580, 18.3852), (36.2715, 50.5065, 21.2231), 1.4146),
    ((90.8027, -2.0831, 1.4410), (91.1528, -1.6435, 0.0447), 1.4441),
    ((90.9257, -0.5406, -0.9208), (88.6381, -0.8985, -0.7239), 1.5381),
    ((6.7747, -0.2908, -2.4247), (5.8714, -0.0985, -2.2286), 0.6377),
    ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
]

MANY = range(13, 61)


def test_ciede2000_matches_sharma_all_34_pairs_vectorised():
    first = np.array([pair[0] for pair in SHARMA_2005])
    second = np.array([pair[1] for pair in SHARMA_2005])
    expected = np.array([pair[2] for pair in SHARMA_2005])
    np.testing.assert_allclose(ciede2000(first, second), expected, atol=5e-5)
    np.testing.assert_allclose(ciede2000(second, first), expected, atol=5e-5)  # symmetric
    assert np.all(ciede2000(first, first) == 0)


def test_srgb_to_lab_anchors():
    lab = hex_to_lab(["#ffffff", "#000000", "#ff0000", "#808080"])
    np.testing.assert_allclose(lab, [[100, 0, 0], [0, 0, 0], [53.24, 80.09, 67.20], [53.59, 0, 0]], atol=0.02)


@pytest.mark.parametrize("n", MANY)
def test_n_distinct_category_colours_and_n_minus_1_multi_colours(n):
    p = palette_for(n)
    assert len(p["categories"]) == n and len(set(p["categories"])) == n
    assert len(p["multi"]) == n - 1
    assert p["unclassified"] == UNCLASSIFIED


@pytest.mark.parametrize("n", MANY)
def test_category_colours_and_unclassified_differ_by_the_stated_bound(n):
    """The README's and palette.py's promise: at least MIN_DELTA_E = 12 between any two of
    the category colours and unclassified, and between a category and a "k categories" colour."""
    p = palette_for(n)
    lab = hex_to_lab([*p["categories"], p["unclassified"]])
    pairs = ciede2000(lab[:, None], lab[None])
    np.fill_diagonal(pairs, np.inf)
    assert MIN_DELTA_E == 12.0
    assert pairs.min() >= MIN_DELTA_E
    across = ciede2000(lab[:, None], hex_to_lab(p["multi"])[None])
    assert across.min() >= MIN_DELTA_E


def test_measured_minimum_differences():
    """The numbers the docs quote: 12.19 among categories (olive / light olive, documented
    colours), 12.12 between a category and a "k categories" colour, 13 to 60 categories."""
    worst, worst_multi = np.inf, np.inf
    for n in MANY:
        p = palette_for(n)
        lab = hex_to_lab([*p["categories"], p["unclassified"]])
        pairs = ciede2000(lab[:, None], lab[None])
        np.fill_diagonal(pairs, np.inf)
        worst = min(worst, pairs.min())
        worst_multi = min(worst_multi, ciede2000(lab[:, None], hex_to_lab(p["multi"])[None]).min())
    assert round(float(worst), 2) == 12.19
    assert round(float(worst_multi), 2) == 12.12


@pytest.mark.parametrize("n", MANY)
def test_multi_colours_are_a_darkening_grey_ramp_after_the_reference_three(n):
    """What holds for "k categories": purple / brown / pink for 2-4, then greys, strictly
    darker with k from #7f7f7f, never lighter than it (far from the light unclassified grey)."""
    multi = palette_for(n)["multi"]
    assert multi[:3] == ["#9467bd", "#8c564b", "#e377c2"]
    greys = multi[3:]
    assert greys[0] == "#7f7f7f"
    levels = [int(g[1:3], 16) for g in greys]
    assert all(g[1:3] == g[3:5] == g[5:7] for g in greys)
    assert all(b < a for a, b in zip(levels, levels[1:], strict=False))
    assert ciede2000(hex_to_lab(greys), hex_to_lab([UNCLASSIFIED])).min() >= 25


def test_reference_colours_unchanged():
    for n in (4, 12, 13, 40, 60):
        p = palette_for(n)
        assert p["categories"][: min(n, 12)] == list(CATEGORY_COLORS[: min(n, 12)])
        assert p["multi"][:3] == ["#9467bd", "#8c564b", "#e377c2"]
    assert palette_for(4)["categories"] == ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728"]
    assert palette_for(12)["multi"] == list(MULTI_COLORS)  # up to 12, the documented greys


def test_deterministic_and_a_prefix_whatever_the_count():
    assert palette_for(60) == palette_for(60)
    assert palette_for(19)["categories"] == palette_for(60)["categories"][:19]
    assert generated_colors(48) == list(GENERATED_COLORS)


def test_written_out_colours_follow_the_rule():
    """GENERATED_COLORS is the rule's output (computed here from scratch), and more come after."""
    assert _generated(48) == GENERATED_COLORS
    more = generated_colors(100)
    assert more[:48] == list(GENERATED_COLORS) and len(set(more)) == 100
    assert len(palette_for(256)["categories"]) == 256


def test_palette_for_60_is_fast():
    palette_for(60)
    start = time.perf_counter()
    for _ in range(20):
        palette_for(60)
    assert (time.perf_counter() - start) / 20 < 0.005


def test_custom_colours_override_and_generated_ones_fill_the_rest():
    names = [f"Task {i}" for i in range(19)]
    p = palette_for(19, names, {"Task 15": "#123456", "Task 0": "#abcdef"})
    default = palette_for(19)["categories"]
    assert p["categories"][0] == "#abcdef" and p["categories"][15] == "#123456"
    assert p["categories"][1:15] == default[1:15] and p["categories"][16:] == default[16:]
    with pytest.raises(ValueError, match="'Task 13' and 'Task 15' with the same colour"):
        palette_for(19, names, {"Task 15": default[13]})
    with pytest.raises(ValueError, match="the colour #7f7f7f of heads in 5 categories"):
        palette_for(19, names, {"Task 18": "#7f7f7f"})


def test_colorblind_keeps_its_limit():
    with pytest.raises(ValueError, match="colorblind palette has colours for at most 5"):
        palette_for(6, palette="colorblind")


def test_widget_with_40_categories_needs_no_palette():
    w = HeadMapWidget(np.zeros((32, 32, 40), bool), [f"Task {i}" for i in range(40)])
    assert len(w._palette["categories"]) == 40
    assert w._palette["categories"][37] == GENERATED_COLORS[37 - 12]


def test_from_scores_with_19_categories_needs_no_palette():
    scores = np.random.default_rng(0).random((8, 8, 19))
    w = HeadMapWidget.from_scores(scores, [f"Task {i}" for i in range(19)], threshold=0.9)
    assert len(w._palette["categories"]) == 19 and len(w._palette["multi"]) == 18


@pytest.mark.parametrize("n", [0, 257, 10_000])
def test_more_categories_than_can_be_displayed_is_a_clear_error(n):
    with pytest.raises(ValueError, match="1 to 256 categories"):
        palette_for(n)
