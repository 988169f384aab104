"""A bundled, *synthetic* label set shaped like the reference figure.

These labels are made up by a seeded random generator. They imitate the shape
of real head-classification results (specialisation emerging in the last third
of the layers, Linguistic heads densest, Translation heads sparsest) so the
widget can be tried with no data of your own. They describe no real model.
"""

from __future__ import annotations

import numpy as np

#: Category names of the example, in panel order (as in the reference figure).
EXAMPLE_CATEGORIES = ("Algorithmic", "Knowledge", "Linguistic", "Translation")

# Probability that a head in the specialised layers belongs to each category.
_DENSITY = {"Algorithmic": 0.22, "Knowledge": 0.09, "Linguistic": 0.45, "Translation": 0.02}


def example_labels(n_layers: int = 32, n_heads: int = 32, *, seed: int = 0) -> dict[str, np.ndarray]:
    """Synthetic labels {category: (n_layers, n_heads) bool array}.

    Parameters
    ----------
    n_layers, n_heads : int
        Model shape; the default 32 x 32 is that of Llama-3.1-8B.
    seed : int
        Seed of the generator; the same seed gives the same labels.

    Returns
    -------
    dict of str to numpy.ndarray
        One boolean (layers, heads) array per category of :data:`EXAMPLE_CATEGORIES`.

    Examples
    --------
    >>> from headwidget import HeadMapWidget, example_labels
    >>> HeadMapWidget(example_labels())  # doctest: +SKIP
    """
    if n_layers < 1 or n_heads < 1:
        raise ValueError(f"example_labels needs n_layers, n_heads >= 1; got ({n_layers}, {n_heads})")
    rng = np.random.default_rng(seed)
    layer = np.arange(n_layers)[:, None] / max(n_layers - 1, 1)
    head = np.arange(n_heads)[None, :] / max(n_heads - 1, 1)
    onset = 0.56  # layer 18 of 32: where specialised heads start
    late = np.clip((layer - onset) / (1 - onset), 0, 1) > 0
    labels = {}
    for name, density in _DENSITY.items():
        p = np.where(late, density, 0.0) * np.ones_like(head)
        if name == "Linguistic":  # densest in a band in the middle of the late layers
            p = p * (1.0 + 0.8 * np.exp(-(((layer - 0.75) / 0.08) ** 2)))
        if name == "Translation":  # only the very last layers, lower half of the heads
            p = np.where((layer > 0.75) & (head > 0.35), 0.12, 0.0) * np.ones_like(p)
        labels[name] = rng.random((n_layers, n_heads)) < np.clip(p, 0, 1)
    return labels
