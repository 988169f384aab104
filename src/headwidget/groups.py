"""The composite's groups: the one statement of which colour a head gets.

Under the visible categories (``V`` of them, in category order) every head falls in
one group:

* group ``v`` (``0 <= v < V``) when it is in exactly one visible category, the
  ``v``-th visible one;
* group ``V + k - 2`` when it is in ``k >= 2`` visible categories;
* no group (``-1``, unclassified) when it is in none.

Group colours are the visible categories' colours, then ``palette["multi"][0 .. V-2]``;
group labels are the visible categories' names, then "2 categories" ... "V categories".
Everything the figure shows about the composite follows from that: each head's colour
in the "All Categories" panel (unclassified heads in ``palette["unclassified"]``), the
legend (the groups last to first, then "Unclassified"; "k categories" rows only up to
:func:`largest_listed`: all of them up to 4 visible categories, as in the reference,
beyond that up to 4 or the most visible categories any one head is in, so 40 categories
do not list 39 "k categories" rows that no head uses) and the per-layer count bars
(classified heads per layer and group, stacked group 0 at the bottom). The live view
follows the same rule; ``tests/fixtures/layout.json`` holds its expected outputs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

UNCLASSIFIED = -1
UNCLASSIFIED_LABEL = "Unclassified"


def visible_categories(shown: Sequence[bool]) -> list[int]:
    """Indices of the visible categories, in category order."""
    return [c for c, on in enumerate(shown) if on]


def n_groups(shown: Sequence[bool]) -> int:
    """How many groups ``V`` visible categories make: ``V`` alone, then 2 .. ``V`` together."""
    return max(0, 2 * len(visible_categories(shown)) - 1)


def head_groups(cells: np.ndarray, shown: Sequence[bool]) -> np.ndarray:
    """The group of every head (``-1`` for unclassified).

    Parameters
    ----------
    cells : numpy.ndarray
        Bool (or 0/1) labels with the categories last, e.g. (layers, heads, categories).
    shown : sequence of bool
        Whether each category is visible.

    Returns
    -------
    numpy.ndarray
        Int array of ``cells.shape[:-1]``.
    """
    visible = visible_categories(shown)
    on = np.asarray(cells, dtype=bool)[..., visible]
    if not visible:
        return np.full(on.shape[:-1], UNCLASSIFIED, dtype=np.int64)
    k = on.sum(axis=-1)
    alone = on.argmax(axis=-1)  # the visible category of a head in exactly one
    return np.where(k == 1, alone, np.where(k >= 2, len(visible) + k - 2, UNCLASSIFIED))


def group_labels(categories: Sequence[str], shown: Sequence[bool]) -> list[str]:
    """One label per group: the visible categories' names, then "2 categories" ... "V categories"."""
    visible = visible_categories(shown)
    return [categories[c] for c in visible] + [f"{k} categories" for k in range(2, len(visible) + 1)]


def group_colours(palette: dict[str, Any], shown: Sequence[bool]) -> list[str]:
    """One colour per group: the visible categories' colours, then ``palette["multi"][0 .. V-2]``."""
    visible = visible_categories(shown)
    return [palette["categories"][c] for c in visible] + list(palette["multi"][: max(0, len(visible) - 1)])


def panel_colours(cells: np.ndarray, shown: Sequence[bool], palette: dict[str, Any]) -> list[np.ndarray]:
    """The colour of every head in every panel: the composite, then each visible category.

    Parameters
    ----------
    cells : numpy.ndarray
        Bool labels (layers, heads, categories), already cropped to what is drawn.
    shown : sequence of bool
        Whether each category is visible.
    palette : dict
        ``{"categories": [...], "multi": [...], "unclassified": "#rrggbb"}``.

    Returns
    -------
    list of numpy.ndarray
        Object arrays of "#rrggbb" of shape (layers, heads): the composite (each head
        in its group's colour), then per visible category its colour where the head is
        in it and ``palette["unclassified"]`` elsewhere.
    """
    grey = palette["unclassified"]
    # The unclassified colour last, so group -1 indexes it.
    lookup = np.array([*group_colours(palette, shown), grey], dtype=object)
    composite = lookup[head_groups(cells, shown)]
    own = [
        np.where(np.asarray(cells[..., c], dtype=bool), palette["categories"][c], grey).astype(object)
        for c in visible_categories(shown)
    ]
    return [composite, *own]


def most_categories(cells: np.ndarray, shown: Sequence[bool]) -> int:
    """The most visible categories any one head is in (0 for none).

    Parameters
    ----------
    cells : numpy.ndarray
        Bool (or 0/1) labels with the categories last: the whole model, so the legend
        does not change with the layer and head ranges.
    shown : sequence of bool
        Whether each category is visible.
    """
    visible = visible_categories(shown)
    if not visible:
        return 0
    return int(np.asarray(cells, dtype=bool)[..., visible].sum(axis=-1).max(initial=0))


def largest_listed(n_visible: int, most: int | None = None) -> int:
    """The largest k whose "k categories" row the legend lists (below 2: none).

    Every k up to 4 (as far as ``n_visible`` goes: the reference figure's rows, whatever
    the data), beyond that up to ``most``, the most visible categories one head is in
    (None: every k up to ``n_visible``).
    """
    if most is None:
        return n_visible
    return min(n_visible, max(min(n_visible, 4), most))


def legend_entries(
    categories: Sequence[str], shown: Sequence[bool], palette: dict[str, Any], most: int | None = None
) -> list[tuple[str, str]]:
    """(label, colour) rows: the groups last to first, then "Unclassified".

    That is "K categories" .. "2 categories" (``K`` = :func:`largest_listed` of the
    visible categories and ``most``), the visible categories last to first, then
    "Unclassified": the reference figure's order.
    """
    groups = list(zip(group_labels(categories, shown), group_colours(palette, shown), strict=True))
    n_visible = len(visible_categories(shown))
    listed = groups[: n_visible + max(0, largest_listed(n_visible, most) - 1)]
    return [*listed[::-1], (UNCLASSIFIED_LABEL, palette["unclassified"])]


def layer_counts(cells: np.ndarray, shown: Sequence[bool], heads: tuple[int, int]) -> tuple[np.ndarray, int]:
    """Classified heads per layer and group, among the heads ``heads`` (inclusive).

    Parameters
    ----------
    cells : numpy.ndarray
        Bool labels (layers, heads, categories) of the whole model.
    shown : sequence of bool
        Whether each category is visible.
    heads : (int, int)
        Inclusive range of the heads counted (the shown heads).

    Returns
    -------
    counts : numpy.ndarray
        (layers, groups) int array, every layer of the model.
    busiest : int
        Classified heads in the busiest layer (0 when there are none): the bars'
        full height, so cropping the layers does not rescale them.
    """
    first, last = heads
    groups = head_groups(np.asarray(cells)[:, first : last + 1], shown)  # (layers, heads counted)
    counts = (groups[..., None] == np.arange(n_groups(shown))).sum(axis=1)
    return counts, int((groups != UNCLASSIFIED).sum(axis=1).max(initial=0))


def bar_heights(counts: np.ndarray, busiest: int, height: int) -> np.ndarray:
    """Height of each count-bar segment for bars ``height`` px tall at the busiest layer.

    Each segment is rounded on its own, half up as JavaScript's ``Math.round``:
    ``floor(n / busiest * height + 0.5)``. Rounding can make a stack a pixel or two
    taller than ``height``; drawers clip it at the top, as a canvas does.
    """
    counts = np.asarray(counts)
    if busiest <= 0:
        return np.zeros(counts.shape, dtype=np.int64)
    return np.floor(counts / busiest * height + 0.5).astype(np.int64)
