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
        score: str | None = None,
        label: str | None = None,
        n_layers: int | None = None,
        n_heads: int | None = None,
        categories: Sequence[str] | None = None,
        **options: Any,
    ) -> HeadMapWidget:
        """A long table (pandas or polars): one row per membership, or with ``score=`` one row per cell.

        Without ``score`` each row says a head is in a category. With ``score`` (the
        name of a column of numbers) each row is a (layer, head, category) cell with
        its score; the labels come from ``label`` (a column of booleans) or from
        ``threshold=`` / ``top_k=`` as in :meth:`from_scores`. The shape defaults to
        the largest indices + 1, the categories to their order of first appearance;
        a table from :meth:`to_frame` records its shape, categories, columns and rule,
        so ``from_frame(widget.to_frame())`` gives back the same labels, scores and rule.
        """
        data = adapters.frame_to_data(
            frame,
            layer,
            head,
            category,
            score=score,
            label=label,
            n_layers=n_layers,
            n_heads=n_heads,
            categories=categories,
        )
        if data.scores is None:
            assert data.array is not None
            return cls(data.array, data.categories, **options)
        threshold, top_k = options.pop("threshold", None), options.pop("top_k", None)
        if threshold is None and top_k is None:
            threshold, top_k = data.threshold, data.top_k  # the rule to_frame recorded, if any
        if threshold is not None or top_k is not None:
            return cls.from_scores(data.scores, data.categories, threshold=threshold, top_k=top_k, **options)
        if data.array is None:
            raise ValueError(
                f"frame has scores (column {score or 'score'!r}) but no labels: pass threshold= or top_k= "
                "to classify them, or label= the column of labels"
            )
        return cls(HeadData.from_scores(data.scores, data.categories).with_labels(data.array), **options)

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
        anew (and get the live control); otherwise the saved labels are used. A rule
        for a file without scores is refused (there is nothing for it to classify).
        """
        threshold, top_k = options.pop("threshold", None), options.pop("top_k", None)
        array, names, values = storage.load_labels(path)
        if values is None and (threshold is not None or top_k is not None):
            # a rule classifies scores; ignoring it would show the saved labels as if classified
            given = "threshold" if threshold is not None else "top_k"
            raise ValueError(
                f"{given}= was given but {os.fspath(path)} has no scores (only labels); "
                f"{given}= classifies scores, so load this file without it"
            )
        if values is not None and (threshold is not None or top_k is not None):
            return cls.from_scores(values, names, threshold=threshold, top_k=top_k, **options)
        if values is not None:  # the saved labels, with their scores for the tooltip
            return cls(HeadData.from_scores(values, names).with_labels(array), **options)
        return cls(array, names, **options)
