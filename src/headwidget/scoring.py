"""Continuous head scores (function-vector effects, ablation deltas) classified into labels.

The rule, kept identical in ``js/scoring.js`` so the browser can re-classify live:

* ``threshold=t``: a head belongs to a category when its score is >= t;
* ``top_k=k``: a head belongs to a category when it is among that category's k
  highest scores over all (layer, head); ties go to the lower flat index
  (layer * heads + head).

NaN scores never classify. Scores travel to the browser as little-endian float32.
"""

from __future__ import annotations

import math

import numpy as np

_FLOAT32_MAX = float(np.finfo(np.float32).max)


def check_scores(scores: object) -> np.ndarray:
    """Scores as a C-contiguous float32 array (layers, heads, categories)."""
    try:
        array = np.asarray(scores)
    except (ValueError, TypeError) as exc:
        raise ValueError(
            f"scores is not a rectangular array ({exc}); expected floats (layers, heads, categories)"
        ) from None
    if array.dtype.kind not in "fiu" or array.dtype.kind == "b":
        raise TypeError(f"scores has dtype {array.dtype}; expected floats (layers, heads, categories)")
    if array.ndim != 3:
        raise ValueError(f"scores has shape {array.shape}; expected (layers, heads, categories)")
    return np.ascontiguousarray(array, dtype=np.float32)


def check_rule(threshold: object, top_k: object, n_layers: int, n_heads: int) -> tuple[float | None, int | None]:
    """Exactly one of a finite threshold or an integer 1 <= top_k <= layers * heads."""
    if (threshold is None) == (top_k is None):
        raise ValueError(f"give exactly one of threshold= or top_k=; got threshold={threshold!r}, top_k={top_k!r}")
    if threshold is not None:
        return check_threshold(threshold), None
    return None, check_top_k(top_k, n_layers, n_heads)


def check_threshold(threshold: object) -> float:
    """A finite number, returned as float."""
    if isinstance(threshold, (bool, np.bool_)) or not isinstance(threshold, (int, float, np.integer, np.floating)):
        raise TypeError(f"threshold must be a number; got {type(threshold).__name__} {threshold!r}")
    try:
        value = float(threshold)
    except OverflowError:  # an int beyond float's range
        value = math.inf
    if not math.isfinite(value):
        raise ValueError(f"threshold must be finite; got {threshold!r}")
    if abs(value) > _FLOAT32_MAX:  # both sides compare in float32, where it would be infinite
        raise ValueError(f"threshold must be within float32's range (+-{_FLOAT32_MAX:.4g}); got {threshold!r}")
    return value


def check_top_k(top_k: object, n_layers: int, n_heads: int) -> int:
    """An integer between 1 and the number of heads."""
    if isinstance(top_k, (bool, np.bool_)) or not isinstance(top_k, (int, np.integer)):
        raise TypeError(f"top_k must be an integer; got {type(top_k).__name__} {top_k!r}")
    n = n_layers * n_heads
    if not 1 <= top_k <= n:
        raise ValueError(f"top_k must be between 1 and the number of heads ({n_layers} x {n_heads} = {n}); got {top_k}")
    return int(top_k)


def classify(scores: np.ndarray, threshold: float | None = None, top_k: int | None = None) -> np.ndarray:
    """Bool labels (layers, heads, categories) from float32 ``scores`` by one rule (see module doc)."""
    valid = ~np.isnan(scores)
    if threshold is not None:
        # compare in float32, as the browser does
        return valid & (scores >= np.float32(threshold))
    n_layers, n_heads, n_categories = scores.shape
    flat = scores.reshape(n_layers * n_heads, n_categories)
    labels = np.zeros(flat.shape, dtype=bool)
    for c in range(n_categories):
        column = flat[:, c]
        candidates = np.flatnonzero(~np.isnan(column))
        # highest score first, then lower index: a stable sort on the negated scores
        order = candidates[np.argsort(-column[candidates], kind="stable")]
        labels[order[:top_k], c] = True
    return labels.reshape(scores.shape)
