"""Small label sets the browser tests draw, with heads whose colours are known."""

from __future__ import annotations

import numpy as np

NAMES = ["Algorithmic", "Knowledge", "Linguistic", "Translation"]


def staircase() -> np.ndarray:
    """6 layers x 5 heads: head (k, k) is in categories 0..k-1; head (5, 0) only in Translation."""
    labels = np.zeros((6, 5, 4), bool)
    for k in range(5):
        labels[k, k, :k] = True
    labels[5, 0, 3] = True
    return labels


def stacks() -> np.ndarray:
    """4 layers x 5 heads x 2: layer 0 none; 1: one A; 2: one A, one B; 3: two A, one B, one A+B.

    The count bars' known heights: the busiest layer (3) has 4 classified heads."""
    x = np.zeros((4, 5, 2), bool)
    x[1, 0, 0] = True
    x[2, 0, 0] = x[2, 1, 1] = True
    x[3, 0, 0] = x[3, 1, 0] = x[3, 2, 1] = True
    x[3, 3] = True
    return x
