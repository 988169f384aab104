"""What the three label-file formats share: their tag, the CSV columns, what a file
holds (:class:`Saved`), the task groups' check and the float32 overflow check
(:mod:`headwidget.storage` reads and writes them)."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from .tasks import TaskGroups

FORMAT = "headwidget-labels"
VERSION = 1
COLUMNS = ["layer", "head", "category", "label"]
TASK_COLUMNS = ["layer", "head", "task", "category", "label"]
NOT_OURS = f"is not a {FORMAT} file of version {VERSION}"


class Saved(NamedTuple):
    """What a label file holds.

    Attributes
    ----------
    array : numpy.ndarray
        Bool labels (layers, heads, N): N categories, or N tasks with ``groups``.
    names : list of str
        The names along the last axis: the categories, or the tasks.
    scores : numpy.ndarray or None
        Float32 scores of the same shape, or None.
    groups : TaskGroups or None
        The tasks' categories (and the categories' order), or None.
    """

    array: np.ndarray
    names: list[str]
    scores: np.ndarray | None
    groups: TaskGroups | None = None


def task_groups(path: str | os.PathLike, build: Callable[..., TaskGroups], *args: object) -> TaskGroups:
    """``TaskGroups.build`` or ``from_index`` on what a file holds; any refusal names the file."""
    try:
        return build(*args)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{path}: {exc}") from None


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def refuse_overflow(path: str | os.PathLike, wide: np.ndarray, narrowed: np.ndarray) -> None:
    """Refuse finite scores that float32 cannot hold (they would silently become infinite)."""
    lost = np.isinf(narrowed) & np.isfinite(wide)
    if lost.any():
        value = wide[lost].ravel()[0].item()
        raise ValueError(
            f"{path}: scores contains {value!r}, too large for float32; expected at most 3.4e38 in magnitude "
            "(infinities are written as Infinity)"
        )
