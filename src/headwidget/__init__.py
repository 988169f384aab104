"""headwidget: a live, layer x head map of attention-head categories for Jupyter."""

from .example import EXAMPLE_CATEGORIES, EXAMPLE_TASKS, example_labels, example_task_scores
from .labels import HeadLabels
from .widget import HeadMapWidget

__all__ = [
    "EXAMPLE_CATEGORIES",
    "EXAMPLE_TASKS",
    "HeadLabels",
    "HeadMapWidget",
    "example_labels",
    "example_task_scores",
]
__version__ = "0.1.0"
