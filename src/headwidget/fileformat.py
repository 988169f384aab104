"""What the three label-file formats share: their tag, the CSV columns, and how a
message quotes a file (:mod:`headwidget.storage` reads and writes them)."""

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


def short(value: object, limit: int = 80) -> str:
    """``repr(value)`` cut to ``limit`` characters: a message quotes a file, never all of it."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
