"""Linked bqplot charts of a widget: per-layer counts here, every head's score in
:mod:`headwidget.scorechart`.

bqplot is optional (``pip install "headwidget[bqplot]"``) and imported inside the
functions. Every link goes through the kernel (traitlets ``observe``): the brushes hold
floats in data units and the widget whole indices, so each direction converts and
checks. A :class:`ChartLink` holds a chart's observers on both sides and removes them
all when either side closes (``widget.close()`` or ``figure.close()``) or on
:meth:`ChartLink.unlink`; the figure keeps it as ``figure.headwidget_link``.

The counts chart draws the rule of :mod:`headwidget.groups` (``layer_counts`` under the
visible categories and the head range, stacked by group colour); its brush spans the
bars of ``layer_range``, from ``first - 0.5`` to ``last + 0.5``. A brush ``[a, b]`` sets
``layer_range`` to every layer whose bar it touches: ``(floor(a + 0.5), ceil(b - 0.5))``
clamped to the model, so ``[3.4, 17.8]`` gives ``(3, 18)``. A NaN brush, or one outside
every bar, is refused (a :class:`~headwidget.messages.ViewUpdateRefused` warning) and
the brush goes back to ``layer_range``. Every layer is no brush: a cleared brush sets
``layer_range`` to every layer, and every layer clears the brush, so a drag anywhere on
the chart starts a new one.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any

import numpy as np

from . import groups
from .messages import ViewUpdateRefused


class ChartLink:
    """The observers between one widget and one figure, removed together.

    Parameters
    ----------
    widget : HeadMapWidget
        The widget the chart follows.
    figure : bqplot.Figure
        The chart.
    """

    def __init__(self, widget: Any, figure: Any) -> None:
        self.widget, self.figure = widget, figure
        self._observers: list[tuple[Any, Callable[[dict], None], tuple[str, ...]]] = []
        self._busy = False
        self.observe(widget, self._closed, "comm")
        self.observe(figure, self._closed, "comm")

    @property
    def linked(self) -> bool:
        """Whether the observers are still in place."""
        return bool(self._observers)

    def observe(self, owner: Any, handler: Callable[[dict], None], *names: str) -> None:
        """``owner.observe(handler, names)``, remembered for :meth:`unlink`."""
        owner.observe(handler, names=list(names))
        self._observers.append((owner, handler, names))

    def unlink(self) -> None:
        """Remove every observer on both sides; the figure stays as it is drawn."""
        observers, self._observers = self._observers, []
        for owner, handler, names in observers:
            owner.unobserve(handler, names=list(names))

    @contextmanager
    def quiet(self) -> Any:
        """While the link writes one side, the other side's echo is ignored."""
        busy, self._busy = self._busy, True
        try:
            yield
        finally:
            self._busy = busy

    def _closed(self, change: dict) -> None:
        if change["new"] is None:
            self.unlink()


def _guard(link: ChartLink, handler: Callable[[], None]) -> Callable[[dict], None]:
    """An observer that runs ``handler`` unless the link itself is writing."""

    def observer(change: dict) -> None:
        if not link._busy and link.linked:
            with link.quiet():
                handler()

    return observer


def _refused(what: str, value: Any, expected: str) -> None:
    warnings.warn(f"{what} {value!r} refused: expected {expected}", ViewUpdateRefused, stacklevel=3)


# ------------------------------------------------------------ counts


def layers_of_brush(selected: Any, n_layers: int) -> tuple[int, int] | None:
    """The layer range a brush ``[a, b]`` (data units) touches, clamped; None for no brush.

    Raises
    ------
    ValueError
        A NaN or infinite end, or a brush that touches no layer's bar.
    """
    if selected is None or len(selected) == 0:
        return None
    values = np.asarray(selected, dtype=float).ravel()
    if values.size != 2 or not np.isfinite(values).all():
        raise ValueError(f"two finite layer positions; got {values.tolist()}")
    a, b = sorted(values.tolist())
    if b < -0.5 or a > n_layers - 0.5:
        raise ValueError(f"a brush touching layers 0..{n_layers - 1} (bars -0.5..{n_layers - 0.5})")
    first = min(max(math.floor(a + 0.5), 0), n_layers - 1)
    last = min(max(math.ceil(b - 0.5), first), n_layers - 1)
    return first, last


def brush_of_layers(layer_range: tuple[int, int], n_layers: int) -> list[float] | None:
    """The brush spanning the bars of an inclusive layer range (None, no brush, for every layer)."""
    first, last = layer_range
    return None if (first, last) == (0, n_layers - 1) else [first - 0.5, last + 0.5]


def counts_of(widget: Any) -> tuple[np.ndarray, list[str], list[str]]:
    """(layers, groups) counts under the visible categories and head range, group labels and colours."""
    shown = [name in widget.visible for name in widget.categories]
    counts, _ = groups.layer_counts(widget.labels, shown, widget.head_range)
    labels = groups.group_labels(widget.categories, shown)
    return counts, labels, groups.group_colours(widget._palette, shown)


def counts_chart(widget: Any) -> Any:
    """A bqplot ``Figure`` of classified heads per layer, stacked by composite group.

    The bars follow ``visible``, ``head_range``, the rule and the data; a
    ``BrushIntervalSelector`` on the layer axis and ``widget.layer_range`` follow each
    other (see the module's docstring for the rounding).

    Parameters
    ----------
    widget : HeadMapWidget
        The widget to follow.

    Returns
    -------
    bqplot.Figure
        With ``figure.headwidget_link`` (a :class:`ChartLink`), ``figure.marks[0]`` the
        ``Bars`` and ``figure.interaction`` the brush.
    """
    import bqplot

    n_layers = widget.shape[0]
    x = bqplot.LinearScale(min=-0.5, max=n_layers - 0.5)
    y = bqplot.LinearScale(min=0)
    bars = bqplot.Bars(
        scales={"x": x, "y": y}, type="stacked", padding=0.15, display_legend=True, stroke="white", opacities=[1.0]
    )
    brush = bqplot.interacts.BrushIntervalSelector(scale=x, color="#8c8c8c")
    axes = [
        bqplot.Axis(scale=x, label="layer", tick_format="d", grid_lines="none"),
        bqplot.Axis(scale=y, side="left", label="heads", tick_format="d", grid_lines="dashed"),
    ]
    figure = bqplot.Figure(
        marks=[bars],
        axes=axes,
        interaction=brush,
        title="Classified heads per layer (brush to set layer_range)",
        legend_location="top-left",
        fig_margin={"top": 50, "bottom": 45, "left": 50, "right": 20},
    )
    figure.layout.height = "300px"
    link = ChartLink(widget, figure)
    figure.headwidget_link = link

    def redraw() -> None:
        counts, labels, colours = counts_of(widget)
        n = counts.shape[0]
        with bars.hold_sync():
            bars.x = np.arange(n)
            bars.y = counts.T if counts.shape[1] else np.zeros((1, n), dtype=int)
            bars.labels = labels
            bars.colors = colours or [widget._palette["unclassified"]]
        x.max = n - 0.5
        # headroom above the busiest layer for the legend (one row per group), top left
        busiest = max(1, int(counts.sum(axis=1).max(initial=0)))
        y.max = math.ceil(busiest * (1.25 + 0.09 * len(labels)))

    def brush_from_widget() -> None:
        if not brush.brushing:
            brush.selected = brush_of_layers(widget.layer_range, widget.shape[0])

    def widget_from_brush() -> None:
        n = widget.shape[0]
        try:
            layers = layers_of_brush(brush.selected, n)
        except ValueError as error:
            _refused("counts chart brush", _plain(brush.selected), str(error))
            brush.selected = brush_of_layers(widget.layer_range, widget.shape[0])
            return
        widget.layer_range = (0, n - 1) if layers is None else layers
        if not brush.brushing:  # a drag snaps to whole bars when it ends
            brush.selected = brush_of_layers(widget.layer_range, widget.shape[0])

    redraw()
    brush_from_widget()
    link.observe(widget, _guard(link, redraw), "_data", "_palette", "visible", "head_range", "threshold", "top_k")
    link.observe(widget, _guard(link, brush_from_widget), "layer_range", "_data")
    link.observe(brush, _guard(link, widget_from_brush), "selected", "brushing")
    return figure


def _plain(value: Any) -> Any:
    return None if value is None else np.asarray(value).tolist()


class Charts:
    """``counts_chart`` and ``scores_chart`` as methods (mixed into ``HeadMapWidget``)."""

    def counts_chart(self) -> Any:
        """A linked bqplot chart of heads per layer and group; see :func:`headwidget.charts.counts_chart`."""
        return counts_chart(self)

    def scores_chart(self) -> Any:
        """A linked bqplot chart of every head's score; see :func:`headwidget.scorechart.scores_chart`."""
        from .scorechart import scores_chart  # its own module; it builds on this one's links

        return scores_chart(self)
