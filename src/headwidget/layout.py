"""Layout rules shared with the front end (``js/layout.js``).

Panel order, tick values and legend rows are written once per side and kept
equal by a shared fixture: ``tests/fixtures/layout.json`` is produced from this
module, and both pytest and ``node --test`` check their side against it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

COMPOSITE_TITLE = "All Categories"


def tick_values(first: int, last: int, min_step: int = 1) -> list[int]:
    """Ticks every n // 5 (at least 1, and at least ``min_step`` so labels on a
    narrow panel do not collide) at multiples of that step; 0..31 -> 0, 6, ..., 30."""
    step = max(1, min_step, (last - first + 1) // 5)
    start = -(-first // step) * step
    return list(range(start, last + 1, step))


def min_tick_step(axis: str, last: int, cell_css: float) -> int:
    """Smallest tick step whose labels do not overlap: about 7 px per digit plus
    a gap along x, one 14 px line along y."""
    label_css = 7 * len(str(last)) + 8 if axis == "x" else 14
    return math.ceil(label_css / cell_css)


def panel_titles(categories: Sequence[str], shown: Sequence[bool]) -> list[str]:
    """The composite's title, then each visible category's name."""
    return [COMPOSITE_TITLE, *(name for name, on in zip(categories, shown, strict=True) if on)]


def legend_entries(categories: Sequence[str], shown: Sequence[bool], palette: dict) -> list[tuple[str, str]]:
    """(label, colour) rows: "V categories" .. "2 categories", visible categories
    last to first, then "Unclassified" — the reference figure's order."""
    visible = [(name, palette["categories"][i]) for i, name in enumerate(categories) if shown[i]]
    rows = [(f"{k} categories", palette["multi"][k - 2]) for k in range(len(visible), 1, -1)]
    rows += visible[::-1]
    rows.append(("Unclassified", palette["unclassified"]))
    return rows
