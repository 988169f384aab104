"""HeadMapWidget: the traits that travel between Python and the browser.

Data and style live here; the front end (``js/``) decodes, lays out and draws.
Every way in validates completely before any trait changes, so a failed call
leaves the widget exactly as it was.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import anywidget
import numpy as np
import traitlets

from . import adapters, export, scoring, storage
from .constructors import Constructors
from .data import HeadData
from .messages import ViewMessages
from .palette import palette_for
from .traits import (
    CategorySubset,
    Data,
    Flag,
    HeadPairs,
    IndexRange,
    Palette,
    Text,
    Threshold,
    TopK,
    data_from_json,
    data_to_json,
)

_STATIC = Path(__file__).parent / "static"


class HeadMapWidget(Constructors, ViewMessages, anywidget.AnyWidget):
    """Live map of attention-head categories: "All Categories" plus one panel each.

    Parameters
    ----------
    labels : array-like of shape (layers, heads, categories), mapping, or HeadData
        Booleans (0/1 integers accepted), or ``{category name: (layers, heads) array}``
        (:meth:`from_scores` and :meth:`load` pass a :class:`~headwidget.data.HeadData`).
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
    threshold, top_k : optional
        The rule that classifies scores (with scores only; see :meth:`from_scores`).
    show_counts : bool, optional
        Show the per-layer count bars below the composite (off by default); the view's
        "counts" button sets it too.

    Notes
    -----
    Every synced trait checks its value, from Python or from a view, with the same
    message. A view may set ``layer_range``, ``head_range``, ``visible``, ``selected``,
    ``show_counts``, ``threshold`` and ``top_k``; everything else (the data, palette,
    title, and anywidget's and ipywidgets' own traits such as ``_esm`` and ``layout``)
    is read-only from a view. In a message from a view with several keys, **the good keys
    apply and the refused ones are corrected**: each key is its own change, except
    ``threshold`` and ``top_k``, which are one change (both set, or a rule left
    missing, refuses the pair). A refused key keeps Python's value, which is sent back
    to every view (the echo of the message carries Python's values, never the refused
    ones), and a :class:`~headwidget.messages.ViewUpdateRefused` warning says what was refused and why.

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

    # Every synced trait checks its own values (traits.py) and names the update level it
    # costs a view; js/traits.js keys the front end's event list on the same names.
    _data = Data(help="category names with labels and/or scores; encoded as packed bits and float32").tag(
        sync=True, level="data", to_json=data_to_json, from_json=data_from_json
    )
    _palette = Palette(help="colours of the categories, of heads in 2+ categories, and of unclassified heads").tag(
        sync=True, level="data"
    )
    threshold = Threshold(help="scores: a head is in a category when its score is >= threshold").tag(
        sync=True, level="rule", from_view=True
    )
    top_k = TopK(help="scores: each category's top_k best heads are in it").tag(sync=True, level="rule", from_view=True)
    visible = CategorySubset(help="names of the categories shown, in category order").tag(
        sync=True, level="visible", from_view=True
    )
    head_range = IndexRange(1, help="inclusive (first, last) heads shown").tag(sync=True, level="heads", from_view=True)
    layer_range = IndexRange(0, help="inclusive (first, last) layers shown").tag(
        sync=True, level="range", from_view=True
    )
    selected = HeadPairs(help="selected heads as sorted (layer, head) pairs").tag(
        sync=True, level="selection", from_view=True
    )
    title = Text(help="text above the panels").tag(sync=True, level="title")
    show_counts = Flag(help="show the per-layer count bars below the composite").tag(
        sync=True, level="heads", from_view=True
    )

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
        threshold: float | None = None,
        top_k: int | None = None,
        show_counts: bool = False,
    ) -> None:
        # Validate the data and palette first; each trait then checks its own value
        # against them, and a bad argument raises before the widget exists.
        if isinstance(labels, HeadData):
            if categories is not None:
                raise TypeError("categories must not be given with HeadData; it holds the category names")
            data = labels
        else:
            data = HeadData.from_labels(labels, categories)
        colours = palette_for(data.shape[2], data.categories, palette)
        self._palette_option = _own_palette(palette)
        n_layers, n_heads, _ = data.shape
        super().__init__(
            _data=data,  # first: the other traits are checked against it
            _palette=colours,
            title="" if title is None else title,
            layer_range=(0, n_layers - 1) if layer_range is None else layer_range,
            head_range=(0, n_heads - 1) if head_range is None else head_range,
            visible=list(data.categories) if visible is None else visible,
            threshold=threshold,
            top_k=top_k,
            show_counts=show_counts,
        )

    # ------------------------------------------------------------ ways out

    @property
    def labels(self) -> np.ndarray:
        """Read-only bool array (layers, heads, categories); assigning replaces the data."""
        return self._data.labels_for(self.threshold, self.top_k)

    @labels.setter
    def labels(self, value: Any) -> None:
        self.set_labels(value)

    @property
    def categories(self) -> tuple[str, ...]:
        """Category names in panel order."""
        return self._data.categories

    @property
    def shape(self) -> tuple[int, int, int]:
        """(layers, heads, categories)."""
        return self._data.shape

    @property
    def palette(self) -> str | Mapping[str, str]:
        """ "reference", "colorblind" or the ``{category: colour}`` mapping; assigning recolours every view.

        A mapping is copied on the way in and out: changing the dict you passed (or got)
        changes nothing. Replacing the data drops the entries of categories that are gone.
        """
        option = self._palette_option
        if option is None:
            return "reference"
        return dict(option) if isinstance(option, Mapping) else option

    @palette.setter
    def palette(self, value: str | Mapping[str, str]) -> None:
        option = _own_palette(value)  # a copy, so the caller's dict cannot change under us
        colours = palette_for(len(self.categories), self.categories, option)  # validates first
        self._palette = colours
        self._palette_option = option

    @property
    def scores(self) -> np.ndarray | None:
        """Read-only float32 scores (layers, heads, categories), or None."""
        return self._data.scores

    def to_frame(self) -> Any:
        """A pandas DataFrame: one row per membership (layer, head, category), or, with
        scores, one row per cell (layer, head, category, score, label).

        ``HeadMapWidget.from_frame(widget.to_frame())`` gives back the same labels, scores and rule.
        """
        return adapters.array_to_frame(self.labels, self.categories, self.scores, (self.threshold, self.top_k))

    def selected_frame(self) -> Any:
        """The selected heads with their categories: a pandas DataFrame with columns
        layer, head, categories (names, comma-separated) and one bool column per category."""
        return adapters.selection_to_frame(self.labels, self.categories, self.selected)

    def save_labels(self, path: str | os.PathLike) -> None:
        """Write labels, category names and scores to .npz, .csv (long form) or .json."""
        storage.save_labels(path, self.labels, self.categories, self.scores)

    def save(
        self,
        path: str | os.PathLike,
        *,
        full: bool = False,
        dpi: float = 150,
        counts: bool | None = None,
        width: float | str | None = None,
        font_size: float | None = None,
        ncols: int | None = None,
        panels: Sequence[str] | None = None,
        legend: str | None = "left",
        xlabel: str | None = "layer",
        ylabel: str | None = "head",
    ) -> None:
        """Save a snapshot: .svg (pure Python), .png / .pdf (matplotlib), or .html (interactive, offline).

        Parameters
        ----------
        path : str or os.PathLike
            Where to write; the extension picks the format. Written beside the target
            and renamed when complete: a failed save leaves an existing file as it was.
        full : bool
            Every layer, head and category instead of the current view.
        dpi : float
            PNG resolution: its width in pixels is the width in inches times ``dpi``.
        counts : bool or None
            The per-layer count bars under the composite (None: follow ``show_counts``).
        width : float or str, optional
            The figure's width: CSS px (96 per inch) or a string with a unit, ``"3.25in"``,
            ``"17cm"``, ``"120mm"``, ``"504pt"``, ``"900px"``. Default ``"7in"``.
        font_size : float, optional
            Every text's size in points at that width (the title's is 1.2 times it). Default 8.
        ncols : int, optional
            Panels per row. Default: one row when the panels fit at a legible size,
            else the fewest rows that do.
        panels : list of str, optional
            Which panels, in which order: "All Categories" and category names.
        legend : {"left", "right", "top", "bottom"} or None
            Where the legend goes; None for none.
        xlabel, ylabel : str or None
            The axis labels ("layer", "head"); None or "" for none.

        The size options shape the SVG, PNG and PDF; they are checked for an .html page
        too, which is the live view and sizes itself to the browser.

        Raises
        ------
        ValueError, TypeError
            A bad option, naming it, the value and what is expected; nothing is written.
        """
        export.save(
            self,
            path,
            full=full,
            dpi=dpi,
            counts=counts,
            width=width,
            font_size=font_size,
            ncols=ncols,
            panels=panels,
            legend=legend,
            xlabel=xlabel,
            ylabel=ylabel,
        )

    def to_matplotlib(
        self,
        *,
        full: bool = False,
        counts: bool | None = None,
        width: float | str | None = None,
        font_size: float | None = None,
        ncols: int | None = None,
        panels: Sequence[str] | None = None,
        legend: str | None = "left",
        xlabel: str | None = "layer",
        ylabel: str | None = "head",
    ) -> Any:
        """The same figure as a matplotlib ``Figure``, to restyle for a paper (needs matplotlib).

        Size it here, with ``width`` (e.g. ``"3.25in"``) and ``font_size`` (points), as
        :meth:`save` takes them: ``fig.set_size_inches`` afterwards stretches the panels
        and leaves the text at its old size. The options are :meth:`save`'s. To write a
        PDF yourself with its text as embedded TrueType (as :meth:`save` does), save
        inside ``matplotlib.rc_context({"pdf.fonttype": 42})``.
        """
        from .figure import Layout
        from .mpl import draw_matplotlib
        from .size import FigureSpec
        from .snapshot import Snapshot

        spec = FigureSpec.parse(width, font_size, ncols, panels, legend, xlabel, ylabel)
        snapshot = Snapshot.of(self, full=full, counts=export.resolve_counts(self, counts))
        return draw_matplotlib(Layout.of(snapshot, spec))

    #: Add a static SVG of the figure to the display bundle, so a saved notebook shows
    #: it where no widget can render (GitHub, nbviewer, nbconvert without widget state).
    static_fallback = True

    #: Most cells (layers shown x heads shown x panels) the static fallback draws. The SVG
    #: grows with them (about 4.5 bytes a cell when half the heads are in each category) and
    #: rides in the notebook with every display: 2**19 cells keep it under about 2.5 MB and
    #: 0.4 s, and take every published model's full view (126 x 128 heads with 12
    #: categories is 209,664 cells). Above it the bundle carries a one-line notice instead.
    static_fallback_max_cells = 2**19

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is None or not self.static_fallback:
            return bundle
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
        (first, last), (first_head, last_head) = self.layer_range, self.head_range
        cells = (last - first + 1) * (last_head - first_head + 1) * (len(self.visible) + 1)
        if cells > self.static_fallback_max_cells:
            # Checked before drawing: a 2,048 x 2,048 x 12 view took 38 s and 122 MB of SVG.
            n_layers, n_heads, n_categories = self.shape
            notice = (
                f"HeadMapWidget: {n_layers} layers x {n_heads} heads, {n_categories} categories. "
                f"No static figure in this output: the view draws {cells:,} cells, more than "
                f"{self.static_fallback_max_cells:,}; crop layer_range / head_range or hide categories "
                "before displaying, or write the figure with widget.save('map.svg')."
            )
            return {**data, "text/plain": notice}, metadata
        try:
            from .snapshot import Snapshot
            from .svg import render_svg

            svg = render_svg(Snapshot.of(self, counts=export.resolve_counts(self, None)))
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
        self._replace(HeadData.from_labels(labels, categories), (None, None))

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
        self._replace(HeadData.from_scores(values, categories), rule)

    def _names_for(self, shape: tuple[int, ...]) -> Sequence[str] | None:
        """New data with as many categories as now keeps the current names."""
        return self.categories if len(shape) == 3 and shape[2] == len(self.categories) else None

    def _replace(self, data: HeadData, rule: tuple[float | None, int | None]) -> None:
        n_layers, n_heads, _ = data.shape
        old, shown = set(self.categories), set(self.visible)
        option = self._palette_option
        if isinstance(option, Mapping):
            # Colours of categories that stay are kept; those of categories that are gone
            # are dropped (naming them would refuse the new data); new ones take the
            # palette's colour at their position. Nothing left: the reference palette.
            names = set(data.categories)
            option = {name: colour for name, colour in option.items() if name in names} or None
        traits = {
            "_data": data,  # first: the other traits are checked against it
            "_palette": palette_for(data.shape[2], data.categories, option),
            "threshold": rule[0],
            "top_k": rule[1],
            "layer_range": self.layer_range if n_layers == self.shape[0] else (0, n_layers - 1),
            "head_range": self.head_range if n_heads == self.shape[1] else (0, n_heads - 1),
            "visible": [n for n in data.categories if n in shown or n not in old],
            "selected": [(la, h) for la, h in self.selected if la < n_layers and h < n_heads],
        }
        # One message to the views; a trait that refuses its value rolls every one back.
        with self.hold_sync(), self.hold_trait_notifications():
            for name, value in traits.items():
                self.set_trait(name, value)
        self._palette_option = option  # only once every trait took its new value

    # ------------------------------------------------------------ one rule at a time

    @traitlets.validate("threshold", "top_k")
    def _valid_rule(self, proposal: dict[str, Any]) -> float | int | None:
        name, value = proposal["trait"].name, proposal["value"]
        other = "top_k" if name == "threshold" else "threshold"
        if value is None and getattr(self, other) is None and self._data.labels is None:
            raise traitlets.TraitError(f"{name} cannot be None: these scores need a rule (set {other} to switch)")
        return value

    def notify_change(self, change: Any) -> None:
        # Choosing a threshold drops top_k and vice versa, in the same message to the
        # views, so a view never draws with both rules or none.
        name = change["name"]
        other = {"threshold": "top_k", "top_k": "threshold"}.get(name)
        if (
            other
            and change["type"] == "change"
            and getattr(self, name) is not None
            and getattr(self, other) is not None
        ):
            with self.hold_sync():
                self.set_trait(other, None)
                super().notify_change(change)
            return
        super().notify_change(change)


def _own_palette(value: object) -> object:
    """A mapping palette as a private dict (anything else as it is, for palette_for to check)."""
    return dict(value) if isinstance(value, Mapping) else value
