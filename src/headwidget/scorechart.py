"""The linked bqplot chart of every head's score (see :mod:`headwidget.charts` for how
charts link to a widget and unlink)."""

from __future__ import annotations

from typing import Any

import numpy as np
from traitlets import TraitError

from .charts import ChartLink, _guard, _plain, _refused


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
