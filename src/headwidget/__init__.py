"""headwidget: a live, layer x head map of attention-head categories for Jupyter."""

from .example import EXAMPLE_CATEGORIES, example_labels
from .labels import HeadLabels
from .widget import HeadMapWidget

__all__ = ["EXAMPLE_CATEGORIES", "HeadLabels", "HeadMapWidget", "example_labels"]
__version__ = "0.1.0"
