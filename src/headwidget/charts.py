"""Linked bqplot charts of a widget: per-layer counts and every head's score.

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
from traitlets import TraitError

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


# ------------------------------------------------------------ scores


def scores_chart(widget: Any) -> Any:
    """A bqplot ``Figure`` of every head's score, one colour per category.

    x is the layer, each head jittered across its layer's width (``layer - 0.5 +
    (head + 0.5) / heads``); y the score. With tasks, one ``Scatter`` per task in its
    category's colour; otherwise one per category; hidden categories are hidden. A
    ``BrushSelector`` puts every head with a point inside it into ``widget.selected``
    (when the drag ends; a cleared brush clears it; a selection made elsewhere clears the
    brush), and the selected heads' points are drawn opaque with a dark outline. The
    threshold is a dashed ``Lines`` mark with a draggable diamond just right of the plot:
    dragging the diamond, or setting the line's ``y`` from Python, sets
    ``widget.threshold``; the line follows ``widget.threshold`` and is hidden while the
    rule is ``top_k``.

    Parameters
    ----------
    widget : HeadMapWidget
        A widget with scores.

    Returns
    -------
    bqplot.Figure
        With ``figure.headwidget_link`` (a :class:`ChartLink` whose ``points``, ``line``,
        ``handle`` and ``brush`` are the marks and the interaction).

    Raises
    ------
    ValueError
        When the widget has no scores.
    """
    import bqplot

    if widget.scores is None:
        raise ValueError(
            "scores_chart needs a widget with scores; this one has labels only "
            "(make one with HeadMapWidget.from_scores(scores, names, threshold=...))"
        )
    n_layers = widget.shape[0]
    x = bqplot.LinearScale(min=-0.5, max=n_layers - 0.5)
    y = bqplot.LinearScale()
    brush = bqplot.interacts.BrushSelector(x_scale=x, y_scale=y, color="#8c8c8c")
    line = bqplot.Lines(scales={"x": x, "y": y}, colors=["#222222"], line_style="dashed", stroke_width=1.5)
    # the handle sits right of the plot, outside the brush's area, which would catch its drag
    drag = {"enable_move": True, "restrict_y": True, "update_on_move": True, "apply_clip": False}
    handle = bqplot.Scatter(scales={"x": x, "y": y}, marker="diamond", colors=["#222222"], default_size=120, **drag)
    axes = [
        bqplot.Axis(scale=x, label="layer (heads spread across each layer)", tick_format="d", grid_lines="none"),
        bqplot.Axis(scale=y, side="left", label="score", grid_lines="dashed"),
    ]
    figure = bqplot.Figure(
        axes=axes,
        interaction=brush,
        title="Scores (brush to select heads; drag \u25c6 to set threshold)",
        legend_location="top-left",
        fig_margin={"top": 50, "bottom": 45, "left": 55, "right": 40},
    )
    figure.layout.height = "340px"
    link = ChartLink(widget, figure)
    link.brush, link.line, link.handle, link.points = brush, line, handle, []
    figure.headwidget_link = link
    where: dict[str, np.ndarray] = {}  # per point of every Scatter, in mark order: x, y, layer, head

    def rebuild() -> None:
        link.points = _points(bqplot, widget, x, y, where)
        figure.marks = [*link.points, line, handle]
        rescale()
        show()

    def rescale() -> None:
        n = widget.shape[0]
        values = where["y"]
        lo, hi = (float(values.min()), float(values.max())) if values.size else (0.0, 1.0)
        pad = (hi - lo) * 0.05 or 0.5
        # headroom above the highest score for the legend (one row per category), top left
        x.max, y.min, y.max = n - 0.5, lo - pad, hi + pad * (2 + 1.6 * len(widget.categories))
        right = n - 0.5 + max(0.6, n * 0.025)  # just right of the plot: outside the brush's area
        with line.hold_sync(), handle.hold_sync():
            line.x = [-0.5, right]
            handle.x = [right]
        line_from_widget()

    def line_from_widget() -> None:
        on = widget.threshold is not None
        line.visible = handle.visible = on
        if on:
            line.y = [widget.threshold, widget.threshold]
            if handle.y is None or len(handle.y) != 1 or float(handle.y[0]) != widget.threshold:
                handle.y = [widget.threshold]

    def widget_from(value: Any) -> None:
        try:
            widget.threshold = float(np.asarray(value, dtype=float).ravel()[0])
        except (TypeError, ValueError, IndexError, TraitError) as error:
            _refused("threshold line", _plain(value), str(error))
        line_from_widget()

    def show() -> None:
        for mark, category in zip(link.points, where["category_of_mark"], strict=True):
            mark.visible = widget.categories[category] in widget.visible
        highlight()

    def highlight() -> None:
        grid = np.zeros(widget.shape[:2], dtype=bool)
        for layer, head in widget.selected:
            grid[layer, head] = True
        for mark, (start, stop) in zip(link.points, where["spans"], strict=True):
            hit = np.flatnonzero(grid[where["layer"][start:stop], where["head"][start:stop]])
            mark.selected = hit if widget.selected else None

    def selected_from_widget() -> None:  # set elsewhere: the brush no longer says what is selected
        with brush.hold_sync():
            brush.selected_x = brush.selected_y = None
        highlight()

    def selected_from_brush() -> None:
        if brush.brushing:
            return
        sx, sy = brush.selected_x, brush.selected_y
        if sx is None or sy is None or len(sx) == 0 or len(sy) == 0:
            widget.selected = []
            highlight()
            return
        box = np.asarray([*sx, *sy], dtype=float)
        if box.size != 4 or not np.isfinite(box).all():
            _refused("scores chart brush", box.tolist(), "two finite x and two finite y positions")
            return
        (x0, x1), (y0, y1) = sorted(box[:2]), sorted(box[2:])
        shown = np.zeros(where["x"].shape, dtype=bool)
        for mark, (start, stop) in zip(link.points, where["spans"], strict=True):
            shown[start:stop] = mark.visible
        inside = shown & (where["x"] >= x0) & (where["x"] <= x1) & (where["y"] >= y0) & (where["y"] <= y1)
        heads = sorted(set(zip(where["layer"][inside].tolist(), where["head"][inside].tolist(), strict=True)))
        widget.selected = heads
        highlight()

    rebuild()
    link.observe(widget, _guard(link, rebuild), "_data", "_palette")
    link.observe(widget, _guard(link, line_from_widget), "threshold", "top_k")
    link.observe(widget, _guard(link, show), "visible")
    link.observe(widget, _guard(link, selected_from_widget), "selected")
    link.observe(line, _guard(link, lambda: widget_from(line.y)), "y")
    link.observe(handle, _guard(link, lambda: widget_from(handle.y)), "y")
    link.observe(brush, _guard(link, selected_from_brush), "selected_x", "selected_y", "brushing")
    return figure


_POINTS = {
    "default_size": 14,
    "stroke_width": 0,
    "opacities": [0.75],
    "selected_style": {"opacity": 1.0, "stroke": "#111111", "stroke-width": 1.5},
    "unselected_style": {"opacity": 0.2},
}


def _points(bqplot: Any, widget: Any, x: Any, y: Any, where: dict[str, Any]) -> list[Any]:
    """One Scatter per category (with tasks: per task, in its category's colour); fills ``where``."""
    data = widget._data
    n_layers, n_heads, _ = data.shape
    if data.scores is None:
        values = np.zeros((n_layers, n_heads, 0), dtype=np.float32)
        columns: list[tuple[str, int]] = []
    elif widget.tasks is None:
        values = np.asarray(widget.scores)
        columns = [(name, c) for c, name in enumerate(widget.categories)]
    else:
        values = np.asarray(widget.task_scores)
        category = {name: c for c, name in enumerate(widget.categories)}
        columns = [(task, category[widget.groups[task]]) for task in widget.tasks]
    layer, head = (a.ravel() for a in np.indices((n_layers, n_heads)))
    jitter = layer - 0.5 + (head + 0.5) / n_heads
    marks, spans, parts, first_of = [], [], [], set()
    start = 0
    for column, (name, c) in enumerate(columns):
        score = values[..., column].ravel()
        keep = np.isfinite(score)  # NaN never classifies, and bqplot cannot draw it
        parts.append((jitter[keep], score[keep].astype(float), layer[keep], head[keep]))
        spans.append((start, start + int(keep.sum())))
        start = spans[-1][1]
        mark = bqplot.Scatter(x=parts[-1][0], y=parts[-1][1], scales={"x": x, "y": y}, **_POINTS)
        mark.colors, mark.labels = [widget._palette["categories"][c]], [widget.categories[c]]
        mark.display_legend = c not in first_of  # one legend row per category
        mark.headwidget_column = name
        first_of.add(c)
        marks.append(mark)
    for i, key in enumerate(("x", "y", "layer", "head")):
        where[key] = np.concatenate([p[i] for p in parts]) if parts else np.zeros(0, float if i < 2 else int)
    where["spans"] = spans
    where["category_of_mark"] = [c for _, c in columns]
    return marks


class Charts:
    """``counts_chart`` and ``scores_chart`` as methods (mixed into ``HeadMapWidget``)."""

    def counts_chart(self) -> Any:
        """A linked bqplot chart of heads per layer and group; see :func:`headwidget.charts.counts_chart`."""
        return counts_chart(self)

    def scores_chart(self) -> Any:
        """A linked bqplot chart of every head's score; see :func:`headwidget.charts.scores_chart`."""
        return scores_chart(self)
