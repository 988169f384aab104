"""What a widget shows: category names with head labels, scores, or both, validated once.

:class:`HeadData` is the one copy of the data in Python. It travels to the browser
through one synced trait (``HeadMapWidget._data``) that encodes it as

``{"shape": [L, H, C], "categories": [...], "tasks": [...] | None, "groups": [...] | None,
"bits": bytes | None, "scores": bytes | None}``

* ``tasks`` / ``groups``: with tasks grouped into categories (:mod:`headwidget.tasks`),
  the T task names and each task's category position; then ``bits`` and ``scores``
  hold one entry per task (last axis T), and both sides derive the categories' labels
  by the grouping rule. ``None`` (or absent, in state saved before tasks existed)
  when the last axis is the categories;
* ``bits``: the fixed labels packed one bit per cell (``numpy.packbits``, C order over
  layer, head, task or category, most significant bit first); ``None`` when the labels
  follow from the scores and the rule (threshold / top-k), which both sides apply themselves;
* ``scores``: little-endian float32 in the same order, or ``None``.

ipywidgets sends the two byte strings as binary buffers (a ``DataView`` each in the
browser); :meth:`HeadData.from_json` checks everything a view or a saved state could
send before it allocates anything.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import scoring
from .labels import HeadLabels, check_names, check_shape, read_only, short
from .tasks import TaskGroups

Rule = tuple[float | None, int | None]


@dataclass(frozen=True, eq=False)
class HeadData:
    """Category names and the heads' labels and/or scores, per category or per task.

    Attributes
    ----------
    categories : tuple of str
        One name per category, in panel order.
    labels : numpy.ndarray or None
        Fixed labels, read-only bool (layers, heads, N); None when they are the scores
        classified by the widget's rule. N is the number of tasks when ``groups`` is
        set, else the number of categories.
    scores : numpy.ndarray or None
        Read-only float32 scores of the same shape, or None.
    groups : TaskGroups or None
        The tasks along the last axis and each one's category; None when the last
        axis is the categories.
    """

    categories: tuple[str, ...]
    labels: np.ndarray | None
    scores: np.ndarray | None
    groups: TaskGroups | None = None
    _classified: dict[Rule, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict, repr=False)
    _best: list[np.ndarray] = field(default_factory=list, repr=False)  # category_scores, once computed

    @classmethod
    def from_labels(
        cls,
        labels: object,
        categories: Sequence[str] | None = None,
        *,
        groups: object = None,
        order: Sequence[str] | None = None,
    ) -> HeadData:
        """Validated labels (any form :meth:`HeadLabels.build` takes).

        With ``groups`` ({task: category}) the labels' last axis and ``categories`` are
        the tasks, and ``order`` may give the categories' order (see :mod:`headwidget.tasks`).
        """
        head_labels = HeadLabels.build(labels, categories)
        return cls._grouped(head_labels.categories, head_labels.array, None, groups, order)

    @classmethod
    def from_scores(
        cls,
        scores: object,
        categories: Sequence[str] | None = None,
        *,
        groups: object = None,
        order: Sequence[str] | None = None,
    ) -> HeadData:
        """Validated scores (layers, heads, categories or tasks), to be classified by a rule."""
        values = scoring.check_scores(scores)
        check_shape(values.shape, "scores", "categories" if groups is None else "tasks")
        if groups is not None and categories is None:
            raise ValueError(
                f"groups= needs the task names (scores has shape {values.shape}, {values.shape[2]} tasks): "
                "pass them as the second argument"
            )
        names = _names(categories, values.shape) if groups is None else _task_names(categories, values.shape, "scores")
        # ours: the caller's array may change later (check_scores may return it as is)
        return cls._grouped(tuple(names), None, read_only(values), groups, order)

    @classmethod
    def _grouped(
        cls, names: tuple[str, ...], labels: np.ndarray | None, scores: np.ndarray | None, groups: object, order: object
    ) -> HeadData:
        if groups is None:
            if order is not None:
                raise ValueError(
                    f"categories={short(order)} orders the categories of groups=, but no groups= was given; "
                    "without groups= the last axis is the categories: pass their names as the second argument"
                )
            return cls(names, labels, scores)
        task_groups = TaskGroups.build(names, groups, order)
        return cls(task_groups.categories, labels, scores, task_groups)

    def with_labels(self, labels: np.ndarray) -> HeadData:
        """The same scores with fixed labels (read from a file that holds both)."""
        fixed = HeadLabels.build(labels, list(self.columns)).array
        if self.scores is not None and fixed.shape != self.scores.shape:
            raise ValueError(f"labels has shape {fixed.shape}; expected the scores' {self.scores.shape}")
        return HeadData(self.categories, fixed, self.scores, self.groups)

    @property
    def shape(self) -> tuple[int, int, int]:
        """(layers, heads, categories)."""
        array = self.labels if self.labels is not None else self.scores
        n_layers, n_heads = array.shape[:2]  # type: ignore[union-attr]
        return int(n_layers), int(n_heads), len(self.categories)

    @property
    def tasks(self) -> tuple[str, ...] | None:
        """The task names along the last axis, or None when it holds the categories."""
        return None if self.groups is None else self.groups.tasks

    @property
    def columns(self) -> tuple[str, ...]:
        """The names along the labels' and scores' last axis: the tasks, or the categories."""
        return self.categories if self.groups is None else self.groups.tasks

    def labels_for(self, threshold: float | None, top_k: int | None) -> np.ndarray:
        """The categories' labels under a rule: the scores classified (per task, then grouped),
        or the fixed labels when there is no rule."""
        return self._under(threshold, top_k)[1]

    def task_labels_for(self, threshold: float | None, top_k: int | None) -> np.ndarray:
        """The labels along the last axis (per task when grouped) under a rule."""
        return self._under(threshold, top_k)[0]

    def category_scores(self) -> np.ndarray | None:
        """Scores per category: the scores, or with tasks each category's best task score."""
        if self.scores is None or self.groups is None:
            return self.scores
        if not self._best:  # computed once: the scores never change
            self._best.append(read_only(self.groups.category_scores(self.scores), copy=False))
        return self._best[0]

    def _under(self, threshold: float | None, top_k: int | None) -> tuple[np.ndarray, np.ndarray]:
        rule = (threshold, top_k)
        if rule not in self._classified:
            if threshold is None and top_k is None:
                if self.labels is None:
                    raise ValueError("these scores need a rule: threshold= or top_k=")
                columns = self.labels
            elif self.scores is None:
                raise ValueError("a rule needs scores; these data have labels only")
            else:
                columns = read_only(scoring.classify(self.scores, threshold, top_k), copy=False)
            grouped = columns if self.groups is None else read_only(self.groups.group(columns), copy=False)
            self._classified.clear()  # one rule at a time is all a widget shows
            self._classified[rule] = (columns, grouped)
        return self._classified[rule]

    # ------------------------------------------------------------ encoding for the view

    def to_json(self) -> dict[str, Any]:
        """The synced form (see module doc); bytes become binary buffers."""
        return {
            "shape": list(self.shape),
            "categories": list(self.categories),
            "tasks": None if self.groups is None else list(self.groups.tasks),
            "groups": None if self.groups is None else list(self.groups.index),
            "bits": None if self.labels is None else np.packbits(self.labels, axis=None).tobytes(),
            # copy=False: already little-endian float32 on most machines, so one copy (to bytes), not two
            "scores": None if self.scores is None else self.scores.astype("<f4", copy=False).tobytes(),
        }

    @classmethod
    def from_json(cls, value: object) -> HeadData:
        """Decode and check the synced form, as sent by a view or read from saved state.

        Raises
        ------
        ValueError, TypeError
            For anything but the form :meth:`to_json` writes, before allocating arrays.
        """
        if not isinstance(value, dict) or not _KEYS <= set(value) <= _KEYS | {"tasks", "groups"}:
            raise ValueError(f"data must be {{shape, categories, tasks, groups, bits, scores}}; got {short(value)}")
        shape = value["shape"]
        if not (isinstance(shape, (list, tuple)) and len(shape) == 3 and all(_is_int(n) for n in shape)):
            raise ValueError(f"data shape must be [layers, heads, categories]; got {short(shape)}")
        shape = tuple(int(n) for n in shape)
        check_shape(shape, "data")
        names = _names(value["categories"], shape)
        tasks, index = value.get("tasks"), value.get("groups")
        groups = None
        if tasks is not None or index is not None:
            if tasks is None or index is None:
                raise ValueError("data has one of tasks and groups; expected both or neither")
            if isinstance(tasks, (list, tuple)):  # before checking every name
                check_shape((*shape[:2], len(tasks)), "data", "tasks")
            groups = TaskGroups.from_index(tasks, names, index)
            shape = (*shape[:2], len(groups.tasks))
        n = math.prod(shape)
        bits, scores = value["bits"], value["scores"]
        if bits is None and scores is None:
            raise ValueError("data has neither bits nor scores; expected labels, scores or both")
        labels = None
        if bits is not None:
            raw = _bytes(bits, "data bits", -(-n // 8))
            labels = read_only(np.unpackbits(np.frombuffer(raw, np.uint8), count=n).reshape(shape).astype(bool))
        values = None
        if scores is not None:
            raw = _bytes(scores, "data scores", 4 * n)
            values = read_only(np.frombuffer(raw, "<f4").astype(np.float32).reshape(shape), copy=False)
        return cls(tuple(names), labels, values, groups)


_KEYS = {"shape", "categories", "bits", "scores"}


def _names(categories: object, shape: tuple[int, ...]) -> list[str]:
    if categories is None:
        return [f"Category {i + 1}" for i in range(shape[2])]
    names = check_names(categories, "categories")
    if len(names) != shape[2]:
        raise ValueError(
            f"categories has {len(names)} names but the data have shape {tuple(shape)}, i.e. {shape[2]} "
            "categories; expected one name per category"
        )
    return names


def _task_names(tasks: object, shape: tuple[int, ...], what: str) -> list[str]:
    """The task names along the last axis of ``what`` (with groups), one per entry."""
    names = check_names(tasks, "tasks")
    if len(names) != shape[2]:
        raise ValueError(
            f"tasks has {len(names)} names but {what} has shape {tuple(shape)}, i.e. {shape[2]} tasks; "
            "expected one name per task"
        )
    return names


def _bytes(value: object, name: str, size: int) -> bytes:
    if not isinstance(value, (bytes, bytearray, memoryview)):
        raise TypeError(f"{name} must be binary; got {type(value).__name__}")
    raw = bytes(value)
    if len(raw) != size:
        raise ValueError(f"{name} has {len(raw)} bytes; expected {size} for the shape")
    return raw


def _is_int(value: object) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def labels_data(labels: object, categories: object, tasks: object, groups: object) -> HeadData:
    """The constructor's and ``set_labels``' data: labels per category, or per task with ``groups``.

    Without ``groups`` the labels' last axis holds the categories, named by ``categories``.
    With ``groups`` ({task: category}) it holds the tasks, named by ``tasks`` (or by the
    keys of a mapping ``{task: (layers, heads) array}``), and ``categories`` may give the
    categories' order.
    """
    if groups is None:
        if tasks is not None:
            raise ValueError(
                f"tasks={short(tasks)} names the labels' last axis when groups= maps the tasks to categories; "
                "without groups= the last axis holds the categories: pass their names as categories"
            )
        return HeadData.from_labels(labels, categories)  # type: ignore[arg-type]
    if isinstance(labels, Mapping):
        if tasks is not None:
            raise TypeError("tasks must not be given when labels is a mapping; the mapping's keys are the tasks")
    elif tasks is None:
        hint = ""
        named = isinstance(categories, (list, tuple)) and all(isinstance(c, str) for c in categories)
        if isinstance(groups, Mapping) and named and set(categories) == set(groups):  # type: ignore[arg-type]
            hint = f" (categories={short(categories)} lists the tasks; categories= orders the categories)"
        raise ValueError(
            f"groups= needs the task names{hint}: pass tasks=[...], one per entry of the labels' last axis, "
            "or labels as {task: (layers, heads) array}"
        )
    if tasks is not None:  # the labels' own checks first, then the count of tasks
        labels = HeadLabels.build(labels).array
        _task_names(tasks, labels.shape, "labels")
    return HeadData.from_labels(labels, tasks, groups=groups, order=categories)  # type: ignore[arg-type]
