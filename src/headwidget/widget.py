"""HeadMapWidget: the traits that travel between Python and the browser.

Data and style live here; the front end (``js/``) decodes, lays out and draws.
Every way in validates completely before any trait changes, so a failed call
leaves the widget exactly as it was.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import anywidget
import numpy as np
import traitlets

from . import adapters, export, scoring, storage
from .constructors import Constructors
from .labels import HeadLabels
from .options import check_head_range, check_layer_range, check_selected, check_title, check_visible
from .palette import palette_for

_STATIC = Path(__file__).parent / "static"


class HeadMapWidget(Constructors, anywidget.AnyWidget):
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
    head_range : (int, int), optional
        Inclusive (first, last) heads shown; defaults to every head.
    visible : sequence of str, optional
        Names of the categories shown; defaults to all.
    palette : "reference", "colorblind" or mapping of str to str, optional
        The reference colours (default), Okabe & Ito's colour-blind-safe set, or
        ``{category: "#rrggbb"}`` overrides.

    Examples
    --------
    >>> import numpy as np
    >>> from headwidget import HeadMapWidget
    >>> w = HeadMapWidget(np.zeros((32, 32, 2), bool), ["Knowledge", "Linguistic"])
    >>> w.layer_range = (18, 31)
    >>> w.head_range = (0, 15)
    >>> w.visible = ["Linguistic"]
    """

    _esm = _STATIC / "widget.js"
    _css = _STATIC / "widget.css"

    # Labels as packed bits (numpy.packbits, C order over layer, head, category).
    _labels = traitlets.Bytes(b"").tag(sync=True)
    _shape = traitlets.Tuple(traitlets.Int(), traitlets.Int(), traitlets.Int(), default_value=(0, 0, 0)).tag(sync=True)
    _categories = traitlets.List(traitlets.Unicode()).tag(sync=True)
    _palette = traitlets.Dict().tag(sync=True)
    # Scores as little-endian float32, C order; empty when the widget has none.
    _scores = traitlets.Bytes(b"").tag(sync=True)

    title = traitlets.Unicode("").tag(sync=True)
    # Checked entirely by the validators below, for one clear message per mistake.
    layer_range = traitlets.Any((0, 0)).tag(sync=True)
    head_range = traitlets.Any((0, 0)).tag(sync=True)
    visible = traitlets.Any([]).tag(sync=True)
    threshold = traitlets.Any(None, allow_none=True).tag(sync=True)
    #: Selected heads as a sorted list of (layer, head); set by clicks in the view or from Python.
    selected = traitlets.Any([]).tag(sync=True)
    top_k = traitlets.Any(None, allow_none=True).tag(sync=True)

    def __init__(
        self,
        labels: Any,
        categories: Sequence[str] | None = None,
        *,
        title: str | None = None,
        layer_range: tuple[int, int] | None = None,
        head_range: tuple[int, int] | None = None,
        visible: Sequence[str] | None = None,
        palette: str | Mapping[str, str] | None = None,
    ) -> None:
        # Validate everything first: a bad argument raises before any trait exists.
        head_labels = HeadLabels.build(labels, categories)
        self._palette_option = palette
        self._score_array: np.ndarray | None = None
        traits = self._data_traits(head_labels, None, (None, None), palette)
        n_layers, n_heads = head_labels.shape[:2]
        traits["title"] = check_title(title)
        traits["layer_range"] = (0, n_layers - 1) if layer_range is None else check_layer_range(layer_range, n_layers)
        traits["head_range"] = (0, n_heads - 1) if head_range is None else check_head_range(head_range, n_heads)
        traits["visible"] = (
            list(head_labels.categories) if visible is None else check_visible(visible, head_labels.categories)
        )
        self._head_labels = head_labels
        super().__init__(**traits)

    # ------------------------------------------------------------ ways out

    @property
    def labels(self) -> np.ndarray:
        """Read-only bool array (layers, heads, categories); assigning replaces the data."""
        return self._head_labels.array

    @labels.setter
    def labels(self, value: Any) -> None:
        self.set_labels(value)

    @property
    def categories(self) -> tuple[str, ...]:
        """Category names in panel order."""
        return self._head_labels.categories

    @property
    def shape(self) -> tuple[int, int, int]:
        """(layers, heads, categories)."""
        return self._head_labels.shape

    @property
    def palette(self) -> str | Mapping[str, str]:
        """ "reference", "colorblind" or the ``{category: colour}`` mapping; assigning recolours every view."""
        return "reference" if self._palette_option is None else self._palette_option

    @palette.setter
    def palette(self, value: str | Mapping[str, str]) -> None:
        colours = palette_for(len(self.categories), self.categories, value)  # validates first
        self._palette_option = value
        self._palette = colours

    @property
    def scores(self) -> np.ndarray | None:
        """Read-only float32 scores (layers, heads, categories), or None."""
        return self._score_array

    def to_frame(self) -> Any:
        """The memberships as a pandas DataFrame: layer, head, category (and score).

        ``HeadMapWidget.from_frame(widget.to_frame())`` gives back the same labels.
        """
        return adapters.array_to_frame(self.labels, self.categories, self._score_array)

    def selected_frame(self) -> Any:
        """The selected heads with their categories: a pandas DataFrame with columns
        layer, head, categories (names, comma-separated) and one bool column per category."""
        return adapters.selection_to_frame(self.labels, self.categories, self.selected)

    def save_labels(self, path: str | os.PathLike) -> None:
        """Write labels, category names and scores to .npz, .csv (long form) or .json."""
        storage.save_labels(path, self.labels, self.categories, self._score_array)

    def save(
        self,
        path: str | os.PathLike,
        *,
        full: bool = False,
        dpi: float = 150,
        scale: float = 1.0,
        counts: bool = False,
    ) -> None:
        """Save a snapshot: .svg (pure Python), .png / .pdf (matplotlib), or .html (interactive, offline).

        By default the snapshot shows the current view (layer and head ranges,
        visible categories); ``full=True`` shows every layer, head and category. ``dpi``
        and ``scale`` size the PNG and PDF. ``counts=True`` adds the per-layer count bars
        above the composite to an SVG, PNG or PDF (the HTML page always has them).
        """
        export.save(self, path, full=full, dpi=dpi, scale=scale, counts=counts)

    def to_matplotlib(self, *, full: bool = False, counts: bool = False) -> Any:
        """The same figure as a matplotlib ``Figure``, to restyle for a paper (needs matplotlib)."""
        from .mpl import to_matplotlib
        from .snapshot import Snapshot

        return to_matplotlib(Snapshot.of(self, full=full, counts=counts))

    #: Add a static SVG of the figure to the display bundle, so a saved notebook shows
    #: it where no widget can render (GitHub, nbviewer, nbconvert without widget state).
    static_fallback = True

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is None or not self.static_fallback:
            return bundle
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
        try:
            from .snapshot import Snapshot
            from .svg import render_svg

            svg = render_svg(Snapshot.of(self))
        except Exception as exc:  # the live view must show even if the fallback fails
            warnings.warn(f"headwidget: no static fallback for this output ({exc})", stacklevel=2)
            return bundle
        return {**data, "image/svg+xml": svg}, metadata

    def layer_slider(self, **kwargs: Any) -> Any:
        """An ``ipywidgets.IntRangeSlider`` jslinked to :attr:`layer_range`.

        The link lives in the browser, so the slider keeps working in saved
        widget state and exported HTML without a kernel.
        """
        return self._range_slider("layer_range", "layers", self.shape[0], kwargs)

    def head_slider(self, **kwargs: Any) -> Any:
        """An ``ipywidgets.IntRangeSlider`` jslinked to :attr:`head_range`, as :meth:`layer_slider`."""
        return self._range_slider("head_range", "heads", self.shape[1], kwargs)

    def _range_slider(self, trait: str, description: str, n: int, kwargs: dict[str, Any]) -> Any:
        import ipywidgets

        options = {"description": description, "continuous_update": True, **kwargs}
        slider = ipywidgets.IntRangeSlider(value=getattr(self, trait), min=0, max=n - 1, step=1, **options)
        ipywidgets.jslink((self, trait), (slider, "value"))
        return slider

    # ------------------------------------------------------------ replacing the data

    def set_labels(self, labels: Any, categories: Sequence[str] | None = None) -> None:
        """Replace the data (any shape); every view redraws.

        The layer (head) range is kept when the number of layers (heads) is
        unchanged and reset to all of them otherwise; categories that stay keep
        their visibility.
        """
        if categories is None and not isinstance(labels, Mapping):
            categories = self._names_for(np.shape(labels))
        self._replace(HeadLabels.build(labels, categories), None, (None, None))

    def set_scores(
        self,
        scores: Any,
        categories: Sequence[str] | None = None,
        *,
        threshold: float | None = None,
        top_k: int | None = None,
    ) -> None:
        """Replace the data with new scores, classified as in :meth:`from_scores`."""
        values = scoring.check_scores(scores)
        rule = scoring.check_rule(threshold, top_k, *values.shape[:2])
        if categories is None:
            categories = self._names_for(values.shape)
        self._replace(HeadLabels.build(scoring.classify(values, *rule), categories), values, rule)

    def _names_for(self, shape: tuple[int, ...]) -> Sequence[str] | None:
        """New data with as many categories as now keeps the current names."""
        return self.categories if len(shape) == 3 and shape[2] == len(self.categories) else None

    def _replace(self, head_labels: HeadLabels, values: np.ndarray | None, rule: tuple) -> None:
        traits = self._data_traits(head_labels, values, rule, self._palette_option)
        n_layers, n_heads = head_labels.shape[:2]
        traits["layer_range"] = self.layer_range if n_layers == self.shape[0] else (0, n_layers - 1)
        traits["head_range"] = self.head_range if n_heads == self.shape[1] else (0, n_heads - 1)
        old = set(self.categories)
        shown = set(self.visible)
        traits["visible"] = [n for n in head_labels.categories if n in shown or n not in old]
        traits["selected"] = [(la, h) for la, h in self.selected if la < n_layers and h < n_heads]
        # Everything is valid: switch over in one message to the views.
        self._head_labels = head_labels
        self._score_array = values
        with self.hold_sync(), self._rule_quiet():
            for name, value in traits.items():
                self.set_trait(name, value)

    def _data_traits(
        self, head_labels: HeadLabels, values: np.ndarray | None, rule: tuple, palette: object
    ) -> dict[str, Any]:
        if values is not None and values.shape != head_labels.shape:
            raise ValueError(f"scores has shape {values.shape}; expected the labels' {head_labels.shape}")
        return {
            "_labels": head_labels.pack(),
            "_shape": head_labels.shape,
            "_categories": list(head_labels.categories),
            "_palette": palette_for(head_labels.shape[2], head_labels.categories, palette),
            "_scores": b"" if values is None else values.astype("<f4").tobytes(),
            "threshold": rule[0],
            "top_k": rule[1],
        }

    # ------------------------------------------------------------ validation and live re-classification

    @traitlets.validate("layer_range")
    def _valid_layer_range(self, proposal: dict[str, Any]) -> tuple[int, int]:
        return check_layer_range(proposal["value"], self._head_labels.shape[0])

    @traitlets.validate("head_range")
    def _valid_head_range(self, proposal: dict[str, Any]) -> tuple[int, int]:
        return check_head_range(proposal["value"], self._head_labels.shape[1])

    @traitlets.validate("visible")
    def _valid_visible(self, proposal: dict[str, Any]) -> list[str]:
        return check_visible(proposal["value"], self._head_labels.categories)

    @traitlets.validate("selected")
    def _valid_selected(self, proposal: dict[str, Any]) -> list[tuple[int, int]]:
        return check_selected(proposal["value"], *self._head_labels.shape[:2])

    @traitlets.validate("title")
    def _valid_title(self, proposal: dict[str, Any]) -> str:
        return check_title(proposal["value"])

    @traitlets.validate("threshold", "top_k")
    def _valid_rule(self, proposal: dict[str, Any]) -> float | int | None:
        name, value = proposal["trait"].name, proposal["value"]
        if value is None or getattr(self, "_quiet", False):
            return value
        if self._score_array is None:
            raise traitlets.TraitError(
                f"{name} needs scores; this widget has labels only (build it with HeadMapWidget.from_scores)"
            )
        n_layers, n_heads, _ = self.shape
        threshold, top_k = (value, None) if name == "threshold" else (None, value)
        try:
            rule = scoring.check_rule(threshold, top_k, n_layers, n_heads)
        except (TypeError, ValueError) as exc:
            raise traitlets.TraitError(str(exc)) from None
        return rule[0] if name == "threshold" else rule[1]

    @traitlets.observe("threshold", "top_k")
    def _reclassify(self, change: dict[str, Any]) -> None:
        if getattr(self, "_quiet", False) or change["new"] is None or self._score_array is None:
            return
        rule = (change["new"], None) if change["name"] == "threshold" else (None, change["new"])
        head_labels = HeadLabels.build(scoring.classify(self._score_array, *rule), self.categories)
        self._head_labels = head_labels
        with self.hold_sync(), self._rule_quiet():
            # one rule at a time: choosing a threshold drops top_k and vice versa
            self.set_trait("top_k" if change["name"] == "threshold" else "threshold", None)
            self._labels = head_labels.pack()

    @contextmanager
    def _rule_quiet(self) -> Iterator[None]:
        """Rule traits change without re-classifying: the caller already did."""
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = False
