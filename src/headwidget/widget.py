"""HeadMapWidget: the traits that travel between Python and the browser.

Data and style live here; the front end (``js/``) decodes, lays out and draws.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import anywidget
import numpy as np
import traitlets

from .labels import HeadLabels
from .palette import palette_for

_STATIC = Path(__file__).parent / "static"


class HeadMapWidget(anywidget.AnyWidget):
    """Live map of attention-head categories: "All Categories" plus one panel each.

    Parameters
    ----------
    labels : array-like of shape (layers, heads, categories), or mapping
        Booleans (0/1 integers accepted), or ``{category name: (layers, heads) array}``.
    categories : sequence of str, optional
        Names for an array input; defaults to "Category 1", "Category 2", ...
    title : str, optional
        Shown above the panels.
    layer_range : (int, int), optional
        Inclusive (first, last) layers shown; defaults to every layer.
    visible : sequence of str, optional
        Names of the categories shown; defaults to all.

    Examples
    --------
    >>> import numpy as np
    >>> from headwidget import HeadMapWidget
    >>> w = HeadMapWidget(np.zeros((32, 32, 2), bool), ["Knowledge", "Linguistic"])
    >>> w.layer_range = (18, 31)
    >>> w.visible = ["Linguistic"]
    """

    _esm = _STATIC / "widget.js"
    _css = _STATIC / "widget.css"

    # Labels as packed bits (numpy.packbits, C order over layer, head, category).
    _labels = traitlets.Bytes(b"").tag(sync=True)
    _shape = traitlets.Tuple(traitlets.Int(), traitlets.Int(), traitlets.Int(), default_value=(0, 0, 0)).tag(sync=True)
    _categories = traitlets.List(traitlets.Unicode()).tag(sync=True)
    _palette = traitlets.Dict().tag(sync=True)

    title = traitlets.Unicode("").tag(sync=True)
    # Checked entirely by the validators below, for one clear message per mistake.
    layer_range = traitlets.Any((0, 0)).tag(sync=True)
    visible = traitlets.Any([]).tag(sync=True)

    def __init__(
        self,
        labels: Any,
        categories: Sequence[str] | None = None,
        *,
        title: str | None = None,
        layer_range: tuple[int, int] | None = None,
        visible: Sequence[str] | None = None,
    ) -> None:
        # Validate everything first: a bad argument raises before any trait exists.
        head_labels = HeadLabels.build(labels, categories)
        palette = palette_for(head_labels.shape[2])
        n_layers = head_labels.shape[0]
        title = _check_title(title)
        first_last = (0, n_layers - 1) if layer_range is None else _check_layer_range(layer_range, n_layers)
        shown = list(head_labels.categories) if visible is None else _check_visible(visible, head_labels.categories)

        self._head_labels = head_labels
        super().__init__(
            _labels=head_labels.pack(),
            _shape=head_labels.shape,
            _categories=list(head_labels.categories),
            _palette=palette,
            title=title,
            layer_range=first_last,
            visible=shown,
        )

    @property
    def labels(self) -> np.ndarray:
        """Read-only bool array (layers, heads, categories) equal to the input."""
        return self._head_labels.array

    @property
    def categories(self) -> tuple[str, ...]:
        """Category names in panel order."""
        return self._head_labels.categories

    @property
    def shape(self) -> tuple[int, int, int]:
        """(layers, heads, categories)."""
        return self._head_labels.shape

    def layer_slider(self, **kwargs: Any):
        """An ``ipywidgets.IntRangeSlider`` jslinked to :attr:`layer_range`.

        The link lives in the browser, so the slider keeps working in saved
        widget state and exported HTML without a kernel.
        """
        import ipywidgets

        options = {"description": "layers", "continuous_update": True, **kwargs}
        slider = ipywidgets.IntRangeSlider(value=self.layer_range, min=0, max=self.shape[0] - 1, step=1, **options)
        ipywidgets.jslink((self, "layer_range"), (slider, "value"))
        return slider

    @traitlets.validate("layer_range")
    def _valid_layer_range(self, proposal: dict[str, Any]) -> tuple[int, int]:
        return _check_layer_range(proposal["value"], self._head_labels.shape[0])

    @traitlets.validate("visible")
    def _valid_visible(self, proposal: dict[str, Any]) -> list[str]:
        return _check_visible(proposal["value"], self._head_labels.categories)

    @traitlets.validate("title")
    def _valid_title(self, proposal: dict[str, Any]) -> str:
        return _check_title(proposal["value"])


def _check_title(title: object) -> str:
    if title is None:
        return ""
    if not isinstance(title, str):
        raise traitlets.TraitError(f"title must be a str; got {type(title).__name__} {title!r}")
    return title


def _check_layer_range(value: object, n_layers: int) -> tuple[int, int]:
    """An inclusive (first, last) pair of layer indices within the model."""
    expected = f"an inclusive (first, last) pair with 0 <= first <= last <= {n_layers - 1}"
    if isinstance(value, (str, bytes)) or not isinstance(value, (Sequence, np.ndarray)) or len(value) != 2:
        raise traitlets.TraitError(f"layer_range must be {expected}; got {value!r}")
    pair = []
    for item in value:
        if isinstance(item, (bool, np.bool_)) or not isinstance(item, (int, np.integer)):
            raise traitlets.TraitError(
                f"layer_range must hold integers; got {value!r} ({type(item).__name__} {item!r})"
            )
        pair.append(int(item))
    first, last = pair
    if not 0 <= first <= last <= n_layers - 1:
        raise traitlets.TraitError(f"layer_range must be {expected}; got ({first}, {last})")
    return first, last


def _check_visible(value: object, categories: Sequence[str]) -> list[str]:
    """Names of shown categories, returned in category order."""
    if isinstance(value, str) or not isinstance(value, (Sequence, np.ndarray, set, frozenset)):
        raise traitlets.TraitError(f"visible must be a list of category names from {list(categories)}; got {value!r}")
    names = list(value)
    for name in names:
        if name not in categories:
            raise traitlets.TraitError(
                f"visible contains {name!r}, which is not a category; expected names from {list(categories)}"
            )
    if len(set(names)) != len(names):
        raise traitlets.TraitError(f"visible lists a category twice: {names!r}")
    return [name for name in categories if name in names]
