"""What a static export draws: the widget's data and view, frozen.

A :class:`Snapshot` holds the labels, palette, title, ranges, visible categories and
whether to draw the count bars. Its colours, legend and counts come from the group
rule (:mod:`headwidget.groups`), its panel titles and ticks from
:mod:`headwidget.layout`; :meth:`headwidget.layout.Layout.of` turns it into the
figure that the SVG and matplotlib writers draw.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .groups import group_colours, head_groups, layer_counts, legend_entries, most_categories, visible_categories
from .layout import panel_titles, tick_values


def check_full(full: object) -> bool:
    """``full`` as a bool: True or False (NumPy booleans too), nothing else.

    Without this, any truthy value (``full="no"``, say) would silently
    pick the whole model.
    """
    if isinstance(full, (bool, np.bool_)):
        return bool(full)
    raise TypeError(
        f"full must be True (every layer, head and category) or False (the current view); "
        f"got {type(full).__name__} {full!r:.80}"
    )


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
        Whether to draw the per-layer count bars under the composite, as the live view does.
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
        ``full``; ``counts`` adds the per-layer count bars under the composite."""
        full = check_full(full)
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

    def panel_codes(self) -> list[tuple[str, np.ndarray, tuple[str, ...]]]:
        """(title, codes, lookup) per panel: ``codes`` a (heads shown, layers shown) uint8 array
        of indices into ``lookup``, its "#rrggbb" colours with the unclassified grey at 0.

        The group rule of :func:`~headwidget.groups.panel_colours`, as indices: the composite
        is each head's group + 1 into [grey, *group colours], a category 0 or 1 into [grey, its colour].
        """
        first, last = self.layers
        first_head, last_head = self.heads
        cropped = self.array[first : last + 1, first_head : last_head + 1]  # (layers shown, heads shown, C)
        grey = self.palette["unclassified"]
        groups = head_groups(cropped, self.shown) + 1
        lookups = [(grey, *group_colours(self.palette, self.shown))]
        codes = [groups.T.astype(np.uint8 if len(lookups[0]) <= 256 else np.uint16)]
        for c in visible_categories(self.shown):
            codes.append(np.ascontiguousarray(cropped[..., c].T, dtype=np.uint8))
            lookups.append((grey, self.palette["categories"][c]))
        titles = panel_titles(self.categories, self.shown)
        return list(zip(titles, codes, lookups, strict=True))

    def panels(self) -> list[tuple[str, np.ndarray]]:
        """(title, colours) per panel: colours is a (heads shown, layers shown) array of "#rrggbb"."""
        return [(title, np.array(lookup, dtype=object)[codes]) for title, codes, lookup in self.panel_codes()]

    def panels_named(self, names: tuple[str, ...] | None) -> list[tuple[str, np.ndarray, tuple[str, ...]]]:
        """The panels ``names`` asks for, in its order (None: :meth:`panel_codes`), by the composite's
        title or a visible category's name; a ValueError for any other name."""
        shown = self.panel_codes()
        if names is None:
            return shown
        by_title: dict[str, tuple[str, np.ndarray, tuple[str, ...]]] = {}
        for panel in shown:
            by_title.setdefault(panel[0], panel)  # the composite first, should a category share its title
        for name in names:
            if name not in by_title:
                options = ", ".join(repr(panel[0]) for panel in shown)
                hidden = name in self.categories
                why = (
                    " is hidden in this view (make it visible, or save with full=True)" if hidden else " is not a panel"
                )
                raise ValueError(f"panels: {name!r}{why}; expected names among {options}")
        return [by_title[name] for name in names]

    def layer_counts(self) -> tuple[np.ndarray, list[str], int]:
        """The count bars' data, as the live view counts them.

        Returns
        -------
        counts : numpy.ndarray
            (layers shown, groups) classified heads per layer and group
            (:mod:`headwidget.groups`) among the shown heads.
        colours : list of str
            One colour per group, the composite's.
        busiest : int
            Classified heads in the busiest layer of the model (shown heads only): the
            bars' full height, so cropping layers does not rescale them.
        """
        counts, busiest = layer_counts(self.array, self.shown, self.heads)
        first, last = self.layers
        return counts[first : last + 1], group_colours(self.palette, self.shown), busiest

    def legend(self) -> list[tuple[str, str]]:
        """(label, colour) rows, as in the live view ("k categories" rows as far as the data go)."""
        most = most_categories(self.array, self.shown) if sum(self.shown) > 4 else None  # up to 4: every row
        return legend_entries(self.categories, self.shown, self.palette, most)

    def x_ticks(self) -> list[int]:
        """Layer ticks (every n // 5 of the layers drawn), before a narrow panel thins them
        (:attr:`headwidget.layout.Layout.panels` holds the figure's ticks)."""
        return tick_values(*self.layers, self.array.shape[0])

    def y_ticks(self) -> list[int]:
        """Head ticks (every n // 5 of the heads drawn), before a narrow panel thins them."""
        return tick_values(*self.heads, self.array.shape[1])
