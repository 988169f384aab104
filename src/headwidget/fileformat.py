"""What the three label-file formats share: their tag, the CSV columns and the float32
overflow check (:mod:`headwidget.storage` reads and writes them)."""

from __future__ import annotations

import os

import numpy as np

FORMAT = "headwidget-labels"
VERSION = 1
COLUMNS = ["layer", "head", "category", "label"]
NOT_OURS = f"is not a {FORMAT} file of version {VERSION}"

Loaded = tuple[np.ndarray, list[str], np.ndarray | None]


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
