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
