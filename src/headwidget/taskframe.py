"""Long tables with a task column: tasks grouped into categories, in and out.

* :func:`frame_to_data`: rows per (layer, head, task), each task's category from a
  ``groups`` mapping or from a category column (one category per task);
* :func:`tasks_to_frame`: the widget's per-task labels (and scores) as such a table,
  with the tasks, groups and rule recorded in ``frame.attrs["headwidget"]`` so that
  :func:`frame_to_data` gives back exactly the same data.

The cells themselves are read by :func:`headwidget.adapters.frame_to_data` with the
task column as its last axis, so both kinds of table follow one set of checks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from . import adapters
from .labels import check_names, short
from .tasks import TaskGroups


def recorded_task(frame: Any) -> str | None:
    """The task column :func:`tasks_to_frame` recorded, when the frame still has it."""
    recorded = _recorded(frame)
    column = recorded.get("task")
    columns = getattr(frame, "columns", None)
    if isinstance(column, str) and columns is not None and column in [str(c) for c in columns]:
        return column
    return None


def frame_to_data(
    frame: Any,
    layer: str,
    head: str,
    category: str,
    *,
    task: str,
    groups: Mapping[str, str] | None = None,
    score: str | None = None,
    label: str | None = None,
    n_layers: int | None = None,
    n_heads: int | None = None,
    categories: Sequence[str] | None = None,
) -> adapters.FrameData:
    """A long table with a ``task`` column to per-task labels and/or scores with their groups.

    The tasks are ``groups``' keys in order when given (its categories win over any
    category column); else those :func:`tasks_to_frame` recorded, a categorical task
    column's categories, or their order of first appearance, and each task's category is
    read from the ``category`` column, which must give every task one category.
    ``categories`` orders the categories (default: first appearance).
    """
    columns = getattr(frame, "columns", None)
    if columns is None:
        raise TypeError(f"frame must be a pandas or polars DataFrame; got {type(frame).__name__}")
    columns = [str(c) for c in columns]
    if task not in columns:
        raise ValueError(f"frame has no column {task!r} (given as task=); its columns are {columns}")
    recorded = _recorded(frame)
    values = frame[task]
    names = [_name(v, task, "task") for v in np.asarray(values, dtype=object)]
    if groups is None and recorded.get("task") == task and isinstance(recorded.get("groups"), Mapping):
        groups = dict(recorded["groups"])
        if categories is None and isinstance(recorded.get("categories"), list):
            categories = list(recorded["categories"])
    if groups is not None:
        if not isinstance(groups, Mapping):
            raise TypeError(f"groups must be a mapping {{task: category}}; got {type(groups).__name__} {short(groups)}")
        tasks = check_names(list(groups.keys()), "groups keys (the tasks)")
    else:
        if category not in columns:
            raise ValueError(
                f"frame has no column {category!r} (given as category=); with task= each task's category "
                f"comes from groups= or from a category column; its columns are {columns}"
            )
        groups = _groups_of(names, [_name(v, category, "category") for v in np.asarray(frame[category], dtype=object)],
                            task, category)  # fmt: skip
        known = getattr(getattr(values, "cat", None), "categories", None)
        if isinstance(recorded.get("tasks"), list) and recorded.get("task") == task:
            tasks = list(recorded["tasks"])
        elif known is not None:
            tasks = [str(t) for t in known]
        else:
            tasks = list(groups)
        absent = [t for t in tasks if t not in groups]
        if absent:
            raise ValueError(
                f"frame[{task!r}] lists the tasks {absent[:8]} with no rows, so the category column gives "
                "them no category; pass groups= {task: category}"
            )
    unknown = list(dict.fromkeys(t for t in names if t not in set(tasks)))
    if unknown:
        raise ValueError(f"frame[{task!r}] has the tasks {unknown[:8]}, which groups does not map to a category")
    task_groups = TaskGroups.build(tasks, groups, categories)
    data = adapters.frame_to_data(
        frame, layer, head, task, score=score, label=label, n_layers=n_layers, n_heads=n_heads, categories=tasks
    )
    return adapters.FrameData(data.array, list(tasks), data.scores, data.threshold, data.top_k, task_groups)


def _groups_of(tasks: list[str], categories: list[str], task: str, category: str) -> dict[str, str]:
    """Each task's category from the rows, refused when a task has two."""
    groups: dict[str, str] = {}
    for row, (name, group) in enumerate(zip(tasks, categories, strict=True)):
        first = groups.setdefault(name, group)
        if first != group:
            raise ValueError(
                f"frame[{category!r}] gives the task {name!r} two categories, {first!r} and {group!r} "
                f"(row {row}); expected one category per task (frame[{task!r}])"
            )
    return groups


def _name(value: object, column: str, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"frame[{column!r}] must hold {what} names (str); got {type(value).__name__} {short(value)}")
    return value


def _recorded(frame: Any) -> dict[str, Any]:
    recorded = getattr(frame, "attrs", {})
    recorded = recorded.get("headwidget", {}) if isinstance(recorded, Mapping) else {}
    return dict(recorded) if isinstance(recorded, Mapping) else {}


def tasks_to_frame(
    task_labels: np.ndarray,
    groups: TaskGroups,
    scores: np.ndarray | None = None,
    rule: tuple[float | None, int | None] = (None, None),
) -> Any:
    """The long table of per-task data: columns layer, head, task, category (and score, label).

    Without scores one row per (layer, head, task) membership; with scores one row per
    (layer, head, task) cell in C order. ``task`` and ``category`` are ordered
    categoricals; ``frame.attrs["headwidget"]`` records the shape, the tasks, the groups,
    the categories' order, the columns and the rule.
    """
    import pandas as pd  # optional: only this export needs it

    frame = adapters.array_to_frame(task_labels, groups.tasks, scores, rule)
    frame = frame.rename(columns={"category": "task"})
    record = dict(frame.attrs["headwidget"])
    codes = np.asarray(groups.index, dtype=np.int64)[frame["task"].cat.codes.to_numpy()]
    frame.insert(3, "category", pd.Categorical.from_codes(codes, categories=list(groups.categories), ordered=True))
    record.update(
        task="task",
        tasks=list(groups.tasks),
        groups=groups.mapping,
        categories=list(groups.categories),
        category="category",
    )
    frame.attrs["headwidget"] = record
    return frame
