"""Bundled published head maps in Chromium: known heads drawn in their category's colour."""

from __future__ import annotations

from headwidget import datasets
from headwidget.palette import palette_for
from tests.harness.harness import show
from tests.helpers.views import cell_color


def colour(page, panel: int, layer: int, head: int, n_layers: int, n_heads: int) -> str:
    return cell_color(page.locator(".view"), panel, layer, head, layers=(0, n_layers - 1), heads=n_heads)


def test_function_vector_and_retrieval_heads_on_llama_2_7b(page):
    data = datasets.llama2_7b_fv_retrieval()
    show(page, data.widget())
    fv, retrieval = palette_for(2)["categories"]
    both = palette_for(2)["multi"][0]
    grey = palette_for(2)["unclassified"]
    # (14, 1): the highest-AIE function-vector head (0.0391), gate 1.0: in both categories
    assert colour(page, 0, 14, 1, 32, 32) == both
    assert colour(page, 1, 14, 1, 32, 32) == fv
    assert colour(page, 2, 14, 1, 32, 32) == retrieval
    # (1, 4): gate 1.0, not among the published FV heads: retrieval only
    assert colour(page, 0, 1, 4, 32, 32) == retrieval
    assert colour(page, 1, 1, 4, 32, 32) == grey
    # (0, 0): gate 0.0047, no FV value: unclassified
    assert colour(page, 0, 0, 0, 32, 32) == grey


def test_ioi_name_mover_and_induction_heads_in_gpt2_small(page):
    data = datasets.ioi_gpt2_small()
    show(page, data.widget())
    colours = palette_for(len(data.categories))["categories"]
    name_mover, induction = colours[0], colours[data.categories.index("Induction")]
    assert colour(page, 0, 9, 9, 12, 12) == name_mover  # 9.9, a name mover (All Categories panel)
    assert colour(page, 1, 9, 9, 12, 12) == name_mover  # ... and its own panel
    assert colour(page, 0, 5, 5, 12, 12) == induction  # 5.5, an induction head
    assert colour(page, 0, 0, 0, 12, 12) == palette_for(7)["unclassified"]
