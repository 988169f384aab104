"""The alternative constructors of :class:`~headwidget.HeadMapWidget`.

Kept apart from the traits in :mod:`headwidget.widget`: each turns another form
of data (head lists, a long table, scores, a file) into the arguments of the
ordinary constructor and calls ``cls(...)``, so it validates the same way.

With ``groups={task: category}`` each takes per-task data (head lists per task, a
task column, scores per task) and the categories follow by the grouping rule of
:mod:`headwidget.tasks`; ``categories=`` then orders the categories.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from . import adapters, scoring, storage, taskframe
from .data import HeadData
from .tasks import TaskGroups

if TYPE_CHECKING:
    from .widget import HeadMapWidget


class Constructors:
    """Mixin: ``from_heads``, ``from_frame``, ``from_scores`` and ``load`` for :class:`HeadMapWidget`."""

    @classmethod
    def from_heads(
        cls,
        heads: Mapping[str, Any],
        *,
        n_layers: int,
        n_heads: int,
        groups: Mapping[str, str] | None = None,
        categories: Sequence[str] | None = None,
        **options: Any,
    ) -> HeadMapWidget:
        """Per-category lists of heads, e.g. ``{"Translation": [(27, 18), (30, 21)]}``.

        With ``groups`` ({task: category}) the keys are tasks, each with its heads, and a
        head is in a category when it is in any of its tasks; ``categories`` orders the
        categories (default: first appearance in ``groups``).

        Examples
        --------
        >>> w = HeadMapWidget.from_heads({"Translation": [(27, 18), (30, 21)]}, n_layers=32, n_heads=32)
        >>> w = HeadMapWidget.from_heads(
        ...     {"english_to_french": [(27, 18)], "country_to_capital": [(20, 3)]},
        ...     n_layers=32, n_heads=32,
        ...     groups={"english_to_french": "Translation", "country_to_capital": "Knowledge"},
        ... )
        """
        if groups is None and categories is not None:
            raise ValueError(
                f"categories={categories!r:.80} orders the categories of groups=, but no groups= was given; "
                "without groups= the keys of heads are the categories, in order"
            )
        array, names = adapters.heads_to_array(heads, n_layers, n_heads)
        return cls(HeadData.from_labels(array, names, groups=groups, order=categories), **options)

    @classmethod
    def from_frame(
        cls,
        frame: Any,
        layer: str = "layer",
        head: str = "head",
        category: str = "category",
        *,
        task: str | None = None,
        groups: Mapping[str, str] | None = None,
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

        With ``task`` (a column of task names) the rows are per task, (layer, head, task)
        memberships or cells, and each task's category comes from ``groups``
        ({task: category}; the tasks are then its keys, in order) or else from the
        ``category`` column (the same category on every row of a task). ``categories``
        orders the categories.
        """
        if task is None:
            task = taskframe.recorded_task(frame)
        if task is None and groups is not None:
            raise ValueError(
                "groups= maps tasks to categories: pass task= the column of task names "
                "(without it each row's category comes from the category column)"
            )
        reader = adapters.frame_to_data if task is None else taskframe.frame_to_data
        extra = {} if task is None else {"task": task, "groups": groups}
        data = reader(
            frame,
            layer,
            head,
            category,
            score=score,
            label=label,
            n_layers=n_layers,
            n_heads=n_heads,
            categories=categories,
            **extra,
        )
        grouping = _grouping(data.groups)
        if data.scores is None:
            assert data.array is not None
            return cls(HeadData.from_labels(data.array, data.categories, **grouping), **options)
        threshold, top_k = options.pop("threshold", None), options.pop("top_k", None)
        if threshold is None and top_k is None:
            threshold, top_k = data.threshold, data.top_k  # the rule to_frame recorded, if any
        order = grouping.pop("order", None)
        if threshold is not None or top_k is not None:
            return cls.from_scores(
                data.scores, data.categories, **grouping, categories=order, threshold=threshold, top_k=top_k, **options
            )
        if data.array is None:
            raise ValueError(
                f"frame has scores (column {score or 'score'!r}) but no labels: pass threshold= or top_k= "
                "to classify them, or label= the column of labels"
            )
        scored = HeadData.from_scores(data.scores, data.categories, **grouping, order=order)
        return cls(scored.with_labels(data.array), **options)

    @classmethod
    def from_scores(
        cls,
        scores: Any,
        names: Sequence[str] | None = None,
        *,
        groups: Mapping[str, str] | None = None,
        categories: Sequence[str] | None = None,
        threshold: float | None = None,
        top_k: int | None = None,
        **options: Any,
    ) -> HeadMapWidget:
        """Continuous scores, classified by ``threshold`` or ``top_k``.

        Parameters
        ----------
        scores : array-like of shape (layers, heads, categories), or (layers, heads, tasks) with ``groups``
            Floats; NaN never classifies.
        names : sequence of str, optional
            The names along the last axis: the categories (default "Category 1", ...),
            or with ``groups`` the tasks (required then).
        groups : mapping of str to str, optional
            ``{task: category}`` for every task. The rule classifies each task on its
            own (``top_k``: each task's k best heads) and a head is in a category when
            it passes on any of the category's tasks.
        categories : sequence of str, optional
            With ``groups``, the categories' order (exactly the categories of ``groups``);
            default their first appearance in ``groups``. Refused without ``groups``.
        threshold, top_k : optional
            Exactly one: a head belongs to a category (task) when its score is >=
            ``threshold``, or when it is among the ``top_k`` highest scores.
        **options
            The constructor's keyword arguments (``title=``, ``palette=``, ...).

        Notes
        -----
        The view gets a control that re-classifies live, synced with :attr:`threshold`
        / :attr:`top_k`. With tasks, :attr:`scores` is each category's best task score
        and :attr:`task_scores` / :attr:`task_labels` are per task.
        """
        values = scoring.check_scores(scores)
        threshold, top_k = scoring.check_rule(threshold, top_k, *values.shape[:2])
        data = HeadData.from_scores(values, names, groups=groups, order=categories)
        return cls(data, threshold=threshold, top_k=top_k, **options)

    @classmethod
    def load(cls, path: str | os.PathLike, **options: Any) -> HeadMapWidget:
        """A widget from a file written by :meth:`save_labels` (.npz, .csv or .json).

        With scores in the file, pass ``threshold=`` or ``top_k=`` to classify them
        anew (and get the live control); otherwise the saved labels are used. A rule
        for a file without scores is refused (there is nothing for it to classify).
        A file with tasks gives back its tasks and groups.
        """
        threshold, top_k = options.pop("threshold", None), options.pop("top_k", None)
        saved = storage.load_file(path)
        grouping = _grouping(saved.groups)
        if saved.scores is None and (threshold is not None or top_k is not None):
            # a rule classifies scores; ignoring it would show the saved labels as if classified
            given = "threshold" if threshold is not None else "top_k"
            raise ValueError(
                f"{given}= was given but {os.fspath(path)} has no scores (only labels); "
                f"{given}= classifies scores, so load this file without it"
            )
        if saved.scores is None:
            return cls(HeadData.from_labels(saved.array, saved.names, **grouping), **options)
        order = grouping.pop("order", None)
        if threshold is not None or top_k is not None:
            return cls.from_scores(
                saved.scores, saved.names, **grouping, categories=order, threshold=threshold, top_k=top_k, **options
            )
        # the saved labels, with their scores for the tooltip
        scored = HeadData.from_scores(saved.scores, saved.names, **grouping, order=order)
        return cls(scored.with_labels(saved.array), **options)


def _grouping(groups: TaskGroups | None) -> dict[str, Any]:
    """``groups=`` and ``order=`` for :class:`HeadData` from checked task groups (empty without)."""
    return {} if groups is None else {"groups": groups.mapping, "order": list(groups.categories)}
