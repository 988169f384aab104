"""The notebook cells the Jupyter tests run, and heads of the example they check."""

from __future__ import annotations

import numpy as np

from headwidget import HeadMapWidget, example_labels

NAMES = ["Algorithmic", "Knowledge", "Linguistic", "Translation"]
LABELS = HeadMapWidget(example_labels()).labels

SETUP = (
    "import headwidget, json\n"
    "from headwidget import HeadMapWidget, example_labels\n"
    "widget = HeadMapWidget(example_labels())"
)
# Prints the kernel's view of the widget as JSON, for the test to read back.
PROBE = (
    "print(json.dumps({'layer_range': list(widget.layer_range), 'visible': widget.visible,"
    " 'selected': widget.selected, 'file': headwidget.__file__}))"
)


def head_in(categories: list[str], min_layer: int = 0) -> tuple[int, int]:
    """A head of the example that is in exactly ``categories`` (and no other)."""
    want = np.array([name in categories for name in NAMES])
    for layer in range(min_layer, LABELS.shape[0]):
        for head in range(LABELS.shape[1]):
            if (LABELS[layer, head] == want).all():
                return layer, head
    raise AssertionError(f"the example has no head in exactly {categories}")


LINGUISTIC_ONLY = head_in(["Linguistic"], min_layer=24)
ALGO_AND_LING = head_in(["Algorithmic", "Linguistic"], min_layer=24)
