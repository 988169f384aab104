"""What a static export draws: the widget's data and view, frozen, with each panel's colours.

The static writers (SVG, matplotlib PNG/PDF) draw from a :class:`Snapshot`, so they
follow the same rules as the canvas front end (``js/draw.js``, ``js/layout.js``):
composite first, counting only visible categories; x = layer, y = head, head 0 at
the top; ticks and legend from :mod:`headwidget.layout`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .layout import legend_entries, panel_titles, tick_values


@dataclass(frozen=True)
class Snapshot:
    """A frozen view of a widget.

    Attributes
    ----------
    array : numpy.ndarray
        Bool labels (layers, heads, categories), all layers.
    categories : tuple of str
        Category names.
    palette : dict
        ``{"categories": [...], "multi": [...], "unclassified": "#e6e6e6"}``.
    title : str
        Figure title ("" for none).
    layers : (int, int)
        Inclusive range of layers drawn.
    heads : (int, int)
        Inclusive range of heads drawn.
    shown : tuple of bool
        Whether each category is visible.
    counts : bool
        Whether to draw the per-layer count bars above the composite, as the live view does.
    """

    array: np.ndarray
    categories: tuple[str, ...]
    palette: dict[str, Any]
    title: str
    layers: tuple[int, int]
    heads: tuple[int, int]
    shown: tuple[bool, ...]
    counts: bool = False

    @classmethod
    def of(cls, widget: Any, *, full: bool = False, counts: bool = False) -> Snapshot:
        """The widget's current view, or everything (all layers, heads and categories) with
        ``full``; ``counts`` adds the per-layer count bars above the composite."""
        if not isinstance(counts, bool):
            raise TypeError(f"counts must be True or False; got {type(counts).__name__} {counts!r}")
        n_layers, n_heads = widget.shape[:2]
        visible = set(widget.categories if full else widget.visible)
        return cls(
            array=widget.labels,
            categories=tuple(widget.categories),
            palette=dict(widget._palette),
            title=widget.title,
            layers=(0, n_layers - 1) if full else tuple(widget.layer_range),
            heads=(0, n_heads - 1) if full else tuple(widget.head_range),
            shown=tuple(name in visible for name in widget.categories),
            counts=counts,
        )

    @property
    def n_heads(self) -> int:
        """Heads in the model (all of them, not only those drawn)."""
        return int(self.array.shape[1])

    def panels(self) -> list[tuple[str, np.ndarray]]:
        """(title, colours) per panel: colours is a (heads shown, layers shown) array of "#rrggbb"."""
        first, last = self.layers
        first_head, last_head = self.heads
        cropped = self.array[first : last + 1, first_head : last_head + 1]  # (layers shown, heads shown, C)
        visible = [c for c, on in enumerate(self.shown) if on]
        grey = self.palette["unclassified"]
        own = np.array(self.palette["categories"], dtype=object)
        multi = np.array([grey, grey, *self.palette["multi"]], dtype=object)  # index = count
        counts = cropped[..., visible].sum(axis=-1)
        last_on = np.full(counts.shape, -1)
        for c in visible:
            last_on = np.where(cropped[..., c], c, last_on)
        composite = np.where(counts == 0, grey, np.where(counts == 1, own[np.maximum(last_on, 0)], multi[counts]))
        grids = [composite] + [np.where(cropped[..., c], own[c], grey) for c in visible]
        titles = panel_titles(self.categories, self.shown)
        return [(title, np.asarray(grid, dtype=object).T) for title, grid in zip(titles, grids, strict=True)]

    def layer_counts(self) -> tuple[np.ndarray, list[str], int]:
        """The count bars, as the live view draws them (``js/counts.js``).

        Returns
        -------
        counts : numpy.ndarray
            (layers shown, groups) classified heads per layer among the shown heads:
            one column per visible category for heads in it alone, then one for heads
            in 2, 3, ... visible categories.
        colours : list of str
            One colour per group, the composite's.
        busiest : int
            Classified heads in the busiest layer of the model (shown heads only): the
            bars' full height, so cropping layers does not rescale them.
        """
        first_head, last_head = self.heads
        visible = [c for c, on in enumerate(self.shown) if on]
        heads = self.array[:, first_head : last_head + 1][..., visible]  # (L, heads shown, V)
        k = heads.sum(axis=-1)
        n = len(visible)
        columns = [((k == 1) & heads[..., v]).sum(axis=1) for v in range(n)]
        columns += [(k == j).sum(axis=1) for j in range(2, n + 1)]
        counts = np.stack(columns, axis=1) if columns else np.zeros((len(k), 1), int)
        colours = [self.palette["categories"][c] for c in visible] + list(self.palette["multi"][: max(0, n - 1)])
        first, last = self.layers
        return counts[first : last + 1], colours, int((k > 0).sum(axis=1).max(initial=0))

    def legend(self) -> list[tuple[str, str]]:
        """(label, colour) rows, as in the live view."""
        return legend_entries(self.categories, self.shown, self.palette)

    def x_ticks(self) -> list[int]:
        """Layer ticks (every n // 5 of the layers drawn)."""
        return tick_values(*self.layers)

    def y_ticks(self) -> list[int]:
        """Head ticks (every n // 5 of the heads drawn)."""
        return tick_values(*self.heads)
