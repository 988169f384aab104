"""Tasks grouped into categories: the one statement of the grouping rule.

Papers score every head on tasks (``english_to_french``, ``country_to_capital``,
``word_first_letter``, ...) and group the tasks into categories (Translation,
Knowledge, Algorithmic, ...). The rule, stated identically in ``js/tasks.js``:

* the labels' or scores' last axis holds the tasks, and ``groups`` maps each task to
  its category;
* a rule (``threshold`` / ``top_k``, :mod:`headwidget.scoring`) classifies each task
  on its own (``top_k``: each task's k best heads);
* a head is in a category when it is in any of the category's tasks.

So with a threshold a head is in a category exactly when its best score over the
category's tasks reaches it: :meth:`TaskGroups.category_scores` is that maximum (NaN
when every task's score is NaN).

Categories are ordered by their first appearance in ``groups`` (a mapping's iteration
order), unless ``categories=`` gives the order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .labels import check_names, check_text, short


@dataclass(frozen=True)
class TaskGroups:
    """Task names, category names, and each task's category.

    Attributes
    ----------
    tasks : tuple of str
        The tasks, in the order of the data's last axis.
    categories : tuple of str
        The categories, in panel order.
    index : tuple of int
        ``index[t]`` is the position in ``categories`` of task ``t``'s category.
    """

    tasks: tuple[str, ...]
    categories: tuple[str, ...]
    index: tuple[int, ...]

    @classmethod
    def build(
        cls,
        tasks: object,
        groups: object,
        categories: object = None,
        *,
        n_tasks: int | None = None,
    ) -> TaskGroups:
        """Check ``tasks`` (names along the data's last axis) against ``groups`` ({task: category}).

        Parameters
        ----------
        tasks : sequence of str
            The tasks, one per entry of the data's last axis.
        groups : mapping of str to str
            Each task's category; every task must have one, and no other key is allowed.
        categories : sequence of str, optional
            The categories' order; exactly the categories ``groups`` names. Default:
            their order of first appearance in ``groups``.
        n_tasks : int, optional
            The length of the data's last axis, when there is data to match.

        Raises
        ------
        TypeError, ValueError
            Naming the argument, what it holds and what is expected.
        """
        names = check_names(tasks, "tasks")
        if n_tasks is not None and len(names) != n_tasks:
            raise ValueError(
                f"tasks has {len(names)} names but the data's last axis has {n_tasks} entries; "
                "expected one task name per entry"
            )
        if not isinstance(groups, Mapping):
            raise TypeError(f"groups must be a mapping {{task: category}}; got {type(groups).__name__} {short(groups)}")
        known = set(names)
        order: dict[str, None] = {}  # first appearance, in the mapping's order
        for task, category in groups.items():
            if not isinstance(task, str) or task not in known:
                raise ValueError(f"groups names the task {short(task)}, which is not one of the tasks {_some(names)}")
            if not isinstance(category, str):
                raise TypeError(
                    f"groups[{task!r}] must be a category name (str); got {type(category).__name__} {short(category)}"
                )
            order.setdefault(check_text(category, f"groups[{task!r}]", empty=False))
        missing = [task for task in names if task not in groups]
        if missing:
            raise ValueError(f"groups has no category for the tasks {_some(missing)}; expected one for every task")
        if categories is None:
            ordered = list(order)
        else:
            ordered = check_names(categories, "categories")
            if set(ordered) != set(order):
                extra = [c for c in ordered if c not in order]
                absent = [c for c in order if c not in set(ordered)]
                raise ValueError(
                    f"categories must list exactly the categories of groups; "
                    f"{'it adds ' + _some(extra) if extra else ''}{' and ' if extra and absent else ''}"
                    f"{'it leaves out ' + _some(absent) if absent else ''}"
                )
        position = {name: i for i, name in enumerate(ordered)}
        return cls(tuple(names), tuple(ordered), tuple(position[groups[task]] for task in names))

    @classmethod
    def from_index(cls, tasks: object, categories: object, index: object) -> TaskGroups:
        """From the synced or saved form: a category position per task (checked)."""
        task_names = check_names(tasks, "tasks")
        category_names = check_names(categories, "categories")
        if isinstance(index, (str, bytes)) or not isinstance(index, (Sequence, np.ndarray)):
            raise TypeError(f"groups must be a list of category positions; got {type(index).__name__}")
        positions = list(index)
        if len(positions) != len(task_names):
            raise ValueError(f"groups has {len(positions)} entries; expected one per task ({len(task_names)})")
        for position in positions:
            if isinstance(position, (bool, np.bool_)) or not isinstance(position, (int, np.integer)):
                raise TypeError(f"groups holds {short(position)}; expected category positions (int)")
            if not 0 <= position < len(category_names):
                raise ValueError(f"groups holds {position}; expected a category position 0..{len(category_names) - 1}")
        empty = sorted(set(range(len(category_names))) - {int(p) for p in positions})
        if empty:
            raise ValueError(
                f"categories {_some([category_names[c] for c in empty])} have no task; expected each to have one"
            )
        return cls(tuple(task_names), tuple(category_names), tuple(int(p) for p in positions))

    @property
    def mapping(self) -> dict[str, str]:
        """``{task: category}``, in task order."""
        return {task: self.categories[c] for task, c in zip(self.tasks, self.index, strict=True)}

    def members(self, category: int) -> list[int]:
        """The positions of a category's tasks, in task order."""
        return [t for t, c in enumerate(self.index) if c == category]

    def group(self, task_labels: np.ndarray) -> np.ndarray:
        """Category labels (layers, heads, categories): a head is in a category when any of its tasks is."""
        out = np.empty((*task_labels.shape[:2], len(self.categories)), dtype=bool)
        for c in range(len(self.categories)):
            np.any(task_labels[..., self.members(c)], axis=-1, out=out[..., c])
        return out

    def category_scores(self, scores: np.ndarray) -> np.ndarray:
        """Each category's best task score per head (NaN when all its tasks' are NaN), float32."""
        out = np.empty((*scores.shape[:2], len(self.categories)), dtype=np.float32)
        for c in range(len(self.categories)):
            part = scores[..., self.members(c)]
            valid = ~np.isnan(part)
            best = np.where(valid, part, -np.inf).max(axis=-1)
            out[..., c] = np.where(valid.any(axis=-1), best, np.nan)
        return out


def _some(names: Sequence[object], limit: int = 8) -> str:
    """A list of names for a message, cut after ``limit``."""
    shown = [short(n, 40) for n in names[:limit]]
    return "[" + ", ".join(shown) + (", ...]" if len(names) > limit else "]")
