"""Label sets whose heads have known colours, and the colours every panel should show."""

from __future__ import annotations

import numpy as np

from headwidget import HeadMapWidget, example_labels

# The example's categories, spelled out (not read from headwidget, so tests can catch a change).
NAMES = ["Algorithmic", "Knowledge", "Linguistic", "Translation"]
# The reference figure's legend for NAMES, top to bottom: groups of many categories, the
# categories last to first, then the unclassified heads.
REFERENCE_LEGEND = [
    "4 categories",
    "3 categories",
    "2 categories",
    "Translation",
    "Linguistic",
    "Knowledge",
    "Algorithmic",
    "Unclassified",
]
# Category names and titles that must stay text in every face (SVG, PNG, HTML, the live view).
XSS = ("</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>", 'Tom & "Jerry"', "$x^2$ \\frac{a}{b}")


def staircase() -> np.ndarray:
    """6 layers x 5 heads x 4 categories: head (k, k) is in categories 0 .. k-1,
    and head 0 of layer 5 in category 3 only."""
    labels = np.zeros((6, 5, 4), dtype=bool)
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


def example_head(categories: list[str], layers: tuple[int, int] = (0, 31)) -> tuple[int, int]:
    """The first (layer, head) of :func:`headwidget.example_labels` within the inclusive
    ``layers`` that is in exactly ``categories`` (and no other), layer by layer, head by head."""
    labels = HeadMapWidget(example_labels()).labels
    want = np.array([name in categories for name in NAMES])
    for layer in range(layers[0], layers[1] + 1):
        for head in range(labels.shape[1]):
            if (labels[layer, head] == want).all():
                return layer, head
    raise AssertionError(f"the example has no head in exactly {categories} in layers {layers[0]}..{layers[1]}")


def export_views() -> dict[str, HeadMapWidget]:
    """The views the static-export tests draw, by name: whole, cropped in layers and heads, some categories hidden."""
    names = ["A", "B", "C", "D"]
    return {
        "staircase": HeadMapWidget(staircase(), names, title="Staircase"),
        "staircase-view": HeadMapWidget(staircase(), names, layer_range=(1, 4), visible=["A", "C", "D"]),
        "example": HeadMapWidget(example_labels(), title="Synthetic example (not a real model)"),
        "example-view": HeadMapWidget(example_labels(), layer_range=(18, 31), visible=["Linguistic", "Translation"]),
        "staircase-heads": HeadMapWidget(staircase(), names, layer_range=(1, 4), head_range=(1, 3)),
        "example-heads": HeadMapWidget(example_labels(), head_range=(4, 11), visible=["Linguistic", "Knowledge"]),
    }


def expected_grids(widget: HeadMapWidget, *, full: bool = False) -> list[tuple[str, np.ndarray]]:
    """(title, (heads shown, layers shown) colours) per panel, from the labels and palette.

    Computed here, not through :meth:`Snapshot.panels`, so every face is checked against the
    same rules as the live view: composite colour by the number of visible categories,
    per-panel category colour where the head is in that category, light grey elsewhere."""
    palette = widget._palette
    grey = palette["unclassified"]
    first, last = (0, widget.shape[0] - 1) if full else widget.layer_range
    first_head, last_head = (0, widget.shape[1] - 1) if full else widget.head_range
    visible = [c for c, name in enumerate(widget.categories) if full or name in widget.visible]
    labels = widget.labels[first : last + 1, first_head : last_head + 1]
    n_shown, n_heads = labels.shape[:2]
    composite = np.full((n_heads, n_shown), grey, dtype=object)
    for layer in range(n_shown):
        for head in range(n_heads):
            on = [c for c in visible if labels[layer, head, c]]
            if len(on) == 1:
                composite[head, layer] = palette["categories"][on[0]]
            elif len(on) > 1:
                composite[head, layer] = palette["multi"][len(on) - 2]
    grids = [("All Categories", composite)]
    for c in visible:
        grids.append((widget.categories[c], np.where(labels[:, :, c].T, palette["categories"][c], grey).astype(object)))
    return grids
