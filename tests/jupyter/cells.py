"""The notebook cells the Jupyter tests run, and heads of the example they check."""

from __future__ import annotations

from tests.helpers.labels import example_head

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

# Heads of the example in exactly these categories, in layers 24..31.
LINGUISTIC_ONLY = example_head(["Linguistic"], layers=(24, 31))
ALGO_AND_LING = example_head(["Algorithmic", "Linguistic"], layers=(24, 31))
