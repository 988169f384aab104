"""HeadMapWidget: the traits that travel between Python and the browser.

Data and style live here; the front end (``js/``) decodes, lays out and draws.
Every way in validates completely before any trait changes, so a failed call
leaves the widget exactly as it was.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import anywidget
import numpy as np
import traitlets

from . import adapters, scoring, storage, taskframe
from .bundle import esm_loader
from .charts import Charts
from .constructors import Constructors
from .data import HeadData, labels_data
from .messages import ViewMessages
from .outputs import Outputs
from .palette import palette_for
from .traits import (
    CategorySubset,
    Data,
    FigureId,
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


class HeadMapWidget(Constructors, ViewMessages, Outputs, Charts, anywidget.AnyWidget):
    """Live map of attention-head categories: "All Categories" plus one panel each.

    Parameters
    ----------
    labels : array-like of shape (layers, heads, categories), mapping, or HeadData
        Booleans (0/1 integers accepted), or ``{category name: (layers, heads) array}``
        (:meth:`from_scores` and :meth:`load` pass a :class:`~headwidget.data.HeadData`).
    categories : sequence of str, optional
        Names for an array input; defaults to "Category 1", "Category 2", ... With
        ``groups``, the categories' order instead (default: first appearance in ``groups``).
    tasks : sequence of str, optional
        With ``groups``: the names along the labels' last axis, which then holds tasks
        (a mapping ``{task: (layers, heads) array}`` names them by its keys).
    groups : mapping of str to str, optional
        ``{task: category}``: the labels are per task, and a head is in a category when
        it is in any of the category's tasks (see :meth:`from_scores`).
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
    continuous_update : bool, optional
        True (default): the view's own layer and head sliders send ``layer_range`` /
        ``head_range`` on every step of a drag, as ipywidgets sliders do. False: the view
        redraws as the slider moves and sends the range once, on release, so an observer
        (or a dependent marimo cell) runs once per drag.

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

    _esm = esm_loader(_STATIC / "widget.js")  # the bundle loaded once per page (bundle.py)
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
    # Read by the view when a slider moves; it redraws nothing, so it takes the cheapest level.
    continuous_update = Flag(
        True, help="the view's sliders send each step of a drag (True) or the range on release (False)"
    ).tag(sync=True, level="title")
    # Pairs the live view with the static figure displayed after it (headwidget.published).
    _figure_id = FigureId(help="names this widget's live view and static figure in a page").tag(
        sync=True, level="title"
    )

    def __init__(
        self,
        labels: Any,
        categories: Sequence[str] | None = None,
        *,
        tasks: Sequence[str] | None = None,
        groups: Mapping[str, str] | None = None,
        title: str | None = None,
        layer_range: tuple[int, int] | None = None,
        head_range: tuple[int, int] | None = None,
        visible: Sequence[str] | None = None,
        palette: str | Mapping[str, str] | None = None,
        threshold: float | None = None,
        top_k: int | None = None,
        show_counts: bool = False,
        continuous_update: bool = True,
    ) -> None:
        # Validate the data and palette first; each trait then checks its own value
        # against them, and a bad argument raises before the widget exists.
        if isinstance(labels, HeadData):
            if categories is not None or tasks is not None or groups is not None:
                raise TypeError("categories, tasks and groups must not be given with HeadData; it holds them")
            data = labels
        else:
            data = labels_data(labels, categories, tasks, groups)
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
            continuous_update=continuous_update,
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
        """Read-only float32 scores (layers, heads, categories), or None.

        With tasks, each category's best task score per head (NaN when all its tasks' are
        NaN): under a threshold a head is in a category exactly when this reaches it. The
        tasks' own scores are :attr:`task_scores`.
        """
        return self._data.category_scores()

    @property
    def tasks(self) -> tuple[str, ...] | None:
        """The task names (the order of :attr:`task_labels`' last axis), or None without tasks."""
        return self._data.tasks

    @property
    def groups(self) -> dict[str, str] | None:
        """``{task: category}`` in task order (a copy), or None without tasks."""
        return None if self._data.groups is None else self._data.groups.mapping

    @property
    def task_labels(self) -> np.ndarray | None:
        """Read-only bool (layers, heads, tasks) under the current rule, or None without tasks.

        ``labels[..., c]`` is ``task_labels[..., members].any(-1)`` over category ``c``'s tasks.
        """
        if self._data.groups is None:
            return None
        return self._data.task_labels_for(self.threshold, self.top_k)

    @property
    def task_scores(self) -> np.ndarray | None:
        """Read-only float32 scores (layers, heads, tasks), or None (no tasks or no scores)."""
        return None if self._data.groups is None else self._data.scores

    def to_frame(self) -> Any:
        """A pandas DataFrame: one row per membership (layer, head, category), or, with
        scores, one row per cell (layer, head, category, score, label).

        With tasks, rows are per task: a ``task`` column beside ``category``, one row per
        (layer, head, task) membership, or with scores per (layer, head, task) cell, whose
        ``score`` and ``label`` are the task's. ``frame.attrs["headwidget"]`` records the
        shape, tasks, groups, categories and rule, so
        ``HeadMapWidget.from_frame(widget.to_frame())`` gives back the same data and rule.
        """
        rule = (self.threshold, self.top_k)
        if self._data.groups is not None:
            return taskframe.tasks_to_frame(self.task_labels, self._data.groups, self._data.scores, rule)
        return adapters.array_to_frame(self.labels, self.categories, self.scores, rule)

    def selected_frame(self) -> Any:
        """The selected heads with their categories: a pandas DataFrame with columns
        layer, head, categories (names, comma-separated), with tasks the tasks each head
        passes under the current rule (comma-separated), and one bool column per category."""
        return adapters.selection_to_frame(self.labels, self.categories, self.selected, self.task_labels, self.tasks)

    def save_labels(self, path: str | os.PathLike) -> None:
        """Write labels, category names and scores to .npz, .csv (long form) or .json.

        With tasks, the per-task labels and scores, the tasks and their groups
        (:meth:`load` gives back the same widget).
        """
        data, rule = self._data, (self.threshold, self.top_k)
        storage.save_labels(path, data.task_labels_for(*rule), data.columns, data.scores, groups=data.groups)

    # ------------------------------------------------------------ replacing the data

    def set_labels(
        self,
        labels: Any,
        categories: Sequence[str] | None = None,
        *,
        tasks: Sequence[str] | None = None,
        groups: Mapping[str, str] | None = None,
    ) -> None:
        """Replace the data (any shape); every view redraws.

        Arguments as the constructor's: with ``groups`` the labels are per task. The
        layer (head) range is kept when the number of layers (heads) is unchanged and
        reset to all of them otherwise; categories that stay keep their visibility.
        New data with as many categories (with ``groups``: tasks) as now keep the current
        names when none are given; groups are never kept: without ``groups=`` the last
        axis is the categories.
        """
        if not isinstance(labels, Mapping):
            if groups is None and categories is None:
                categories = self._names_for(np.shape(labels))
            elif groups is not None and tasks is None and categories is None:
                tasks = self._names_for(np.shape(labels), grouped=True)
        self._replace(labels_data(labels, categories, tasks, groups), (None, None))

    def set_scores(
        self,
        scores: Any,
        names: Sequence[str] | None = None,
        *,
        groups: Mapping[str, str] | None = None,
        categories: Sequence[str] | None = None,
        threshold: float | None = None,
        top_k: int | None = None,
    ) -> None:
        """Replace the data with new scores, classified as in :meth:`from_scores` (same arguments).

        Without ``names``, new scores with as many categories (with ``groups``: tasks) as
        now keep the current names.
        """
        values = scoring.check_scores(scores)
        rule = scoring.check_rule(threshold, top_k, *values.shape[:2])
        if names is None:
            names = self._names_for(values.shape, grouped=groups is not None)
        self._replace(HeadData.from_scores(values, names, groups=groups, order=categories), rule)

    def _names_for(self, shape: tuple[int, ...], *, grouped: bool = False) -> Sequence[str] | None:
        """New data with as many categories (grouped: tasks) as now keeps the current names."""
        current = self.tasks if grouped else self.categories
        return current if current is not None and len(shape) == 3 and shape[2] == len(current) else None

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
