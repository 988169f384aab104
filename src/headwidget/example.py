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


#: The example's 20 tasks by category (2 Translation, 5 Knowledge, 5 Algorithmic,
#: 8 Linguistic), named like the relations such papers score; in panel order.
EXAMPLE_TASKS: dict[str, tuple[str, ...]] = {
    "Algorithmic": ("word_first_letter", "word_last_letter", "word_length", "next_item", "previous_item"),
    "Knowledge": (
        "country_to_capital",
        "country_to_currency",
        "landmark_to_country",
        "person_to_occupation",
        "product_to_company",
    ),
    "Linguistic": (
        "antonym",
        "synonym",
        "singular_to_plural",
        "plural_to_singular",
        "present_to_past",
        "present_to_gerund",
        "adjective_to_comparative",
        "adjective_to_superlative",
    ),
    "Translation": ("english_to_french", "english_to_spanish"),
}

#: The score at which the example's tasks classify a head (``threshold=``).
EXAMPLE_THRESHOLD = 0.5


def example_task_scores(
    n_layers: int = 32, n_heads: int = 32, *, seed: int = 0
) -> tuple[np.ndarray, list[str], dict[str, str]]:
    """Synthetic per-task scores whose tasks, grouped, give :func:`example_labels`.

    Each head of a category in :func:`example_labels` passes (score in [0.5, 1)) on
    one or more of the category's tasks, at random; every other score is below 0.5.
    So ``HeadMapWidget.from_scores(scores, tasks, groups=groups, threshold=0.5)``
    shows exactly the example's categories, with the tasks behind each head.

    Parameters
    ----------
    n_layers, n_heads : int
        Model shape.
    seed : int
        Seed of the generator (the labels use the same seed).

    Returns
    -------
    scores : numpy.ndarray
        float32 (layers, heads, 20).
    tasks : list of str
        The 20 task names, the scores' last axis.
    groups : dict of str to str
        Each task's category (:data:`EXAMPLE_TASKS`), in panel order.

    Examples
    --------
    >>> scores, tasks, groups = example_task_scores()
    >>> HeadMapWidget.from_scores(scores, tasks, groups=groups, threshold=0.5)  # doctest: +SKIP
    """
    labels = example_labels(n_layers, n_heads, seed=seed)
    rng = np.random.default_rng(seed + 1)
    tasks = [task for names in EXAMPLE_TASKS.values() for task in names]
    groups = {task: category for category, names in EXAMPLE_TASKS.items() for task in names}
    scores = np.empty((n_layers, n_heads, len(tasks)), dtype=np.float32)
    start = 0
    for category, names in EXAMPLE_TASKS.items():
        n = len(names)
        passes = rng.random((n_layers, n_heads, n)) < 0.35
        # a head of the category passes on at least one of its tasks, chosen at random
        passes[np.arange(n_layers)[:, None], np.arange(n_heads)[None, :], rng.integers(0, n, (n_layers, n_heads))] = (
            True
        )
        passes &= labels[category][..., None]
        high = rng.uniform(EXAMPLE_THRESHOLD, 1.0, passes.shape)
        low = rng.uniform(0.0, EXAMPLE_THRESHOLD, passes.shape) * rng.random(passes.shape)
        scores[..., start : start + n] = np.where(passes, high, low)
        start += n
    return scores, tasks, groups
