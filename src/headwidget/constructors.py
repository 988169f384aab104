"""The alternative constructors of :class:`~headwidget.HeadMapWidget`.

Kept apart from the traits in :mod:`headwidget.widget`: each turns another form
of data (head lists, a long table, scores, a file) into the arguments of the
ordinary constructor and calls ``cls(...)``, so it validates the same way.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from . import adapters, scoring, storage
from .data import HeadData

if TYPE_CHECKING:
    from .widget import HeadMapWidget


class Constructors:
    """Mixin: ``from_heads``, ``from_frame``, ``from_scores`` and ``load`` for :class:`HeadMapWidget`."""

    @classmethod
    def from_heads(cls, heads: Mapping[str, Any], *, n_layers: int, n_heads: int, **options: Any) -> HeadMapWidget:
        """Per-category lists of heads, e.g. ``{"Translation": [(27, 18), (30, 21)]}``.

        Examples
        --------
        >>> w = HeadMapWidget.from_heads({"Translation": [(27, 18), (30, 21)]}, n_layers=32, n_heads=32)
        """
        array, names = adapters.heads_to_array(heads, n_layers, n_heads)
        return cls(array, names, **options)

    @classmethod
    def from_frame(
        cls,
        frame: Any,
        layer: str = "layer",
        head: str = "head",
        category: str = "category",
        *,
        n_layers: int | None = None,
        n_heads: int | None = None,
        categories: Sequence[str] | None = None,
        **options: Any,
    ) -> HeadMapWidget:
        """A long table (pandas or polars) with one row per (layer, head, category) membership.

        The shape defaults to the largest indices + 1 (or what :meth:`to_frame`
        recorded); the categories to their order of first appearance.
        """
        array, names = adapters.frame_to_array(
            frame, layer, head, category, n_layers=n_layers, n_heads=n_heads, categories=categories
        )
        return cls(array, names, **options)

    @classmethod
    def from_scores(
        cls,
        scores: Any,
        categories: Sequence[str] | None = None,
        *,
        threshold: float | None = None,
        top_k: int | None = None,
        **options: Any,
    ) -> HeadMapWidget:
        """Continuous scores (layers, heads, categories), classified by ``threshold`` or ``top_k``.

        A head belongs to a category when its score is >= ``threshold``, or when it
        is among the category's ``top_k`` highest scores; NaN never classifies.
        The view gets a control that re-classifies live, synced with
        :attr:`threshold` / :attr:`top_k`.
        """
        values = scoring.check_scores(scores)
        threshold, top_k = scoring.check_rule(threshold, top_k, *values.shape[:2])
        return cls(HeadData.from_scores(values, categories), threshold=threshold, top_k=top_k, **options)

    @classmethod
    def load(cls, path: str | os.PathLike, **options: Any) -> HeadMapWidget:
        """A widget from a file written by :meth:`save_labels` (.npz, .csv or .json).

        With scores in the file, pass ``threshold=`` or ``top_k=`` to classify them
        anew (and get the live control); otherwise the saved labels are used.
        """
        threshold, top_k = options.pop("threshold", None), options.pop("top_k", None)
        array, names, values = storage.load_labels(path)
        if values is not None and (threshold is not None or top_k is not None):
            return cls.from_scores(values, names, threshold=threshold, top_k=top_k, **options)
        if values is not None:  # the saved labels, with their scores for the tooltip
            return cls(HeadData.from_scores(values, names).with_labels(array), **options)
        return cls(array, names, **options)
