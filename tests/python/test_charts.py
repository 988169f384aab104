"""The linked bqplot charts: what they draw, both directions of every link, and unlinking."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from headwidget import HeadMapWidget, example_labels, example_task_scores
from headwidget.groups import group_colours, layer_counts
from headwidget.messages import ViewUpdateRefused

bqplot = pytest.importorskip("bqplot")


def scored() -> HeadMapWidget:
    rng = np.random.default_rng(1)
    scores = rng.random((6, 4, 3)).astype(np.float32)
    scores[0, 0, 1] = np.nan
    return HeadMapWidget.from_scores(scores, ["A", "B", "C"], threshold=0.5)


def observers(widget: HeadMapWidget) -> dict[str, list]:
    """Every change handler on the widget, by trait (traitlets keeps an emptied list)."""
    handlers = {name: list(kinds.get("change", [])) for name, kinds in widget._trait_notifiers.items()}
    return {name: found for name, found in handlers.items() if found}


def shown_counts(widget: HeadMapWidget) -> np.ndarray:
    shown = [name in widget.visible for name in widget.categories]
    return layer_counts(widget.labels, shown, widget.head_range)[0]


# ------------------------------------------------------------ counts chart


def test_counts_bars_are_the_group_rule():
    widget = HeadMapWidget(example_labels())
    figure = widget.counts_chart()
    bars = figure.marks[0]
    assert isinstance(bars, bqplot.Bars) and bars.type == "stacked"
    np.testing.assert_array_equal(bars.y, shown_counts(widget).T)
    np.testing.assert_array_equal(bars.x, np.arange(32))
    assert list(bars.colors) == group_colours(widget._palette, [True] * 4)
    assert list(bars.labels) == [*widget.categories, "2 categories", "3 categories", "4 categories"]


def test_counts_follow_visible_head_range_and_threshold():
    widget = HeadMapWidget(example_labels())
    bars = widget.counts_chart().marks[0]
    widget.visible = ["Algorithmic", "Linguistic"]
    widget.head_range = (4, 20)
    expected = shown_counts(widget)
    assert expected.shape == (32, 3)
    np.testing.assert_array_equal(bars.y, expected.T)
    assert list(bars.labels) == ["Algorithmic", "Linguistic", "2 categories"]

    scored_widget = scored()
    bars = scored_widget.counts_chart().marks[0]
    before = np.asarray(bars.y).copy()
    scored_widget.threshold = 0.2
    np.testing.assert_array_equal(bars.y, shown_counts(scored_widget).T)
    assert np.asarray(bars.y).sum() > before.sum()
    scored_widget.top_k = 2
    np.testing.assert_array_equal(bars.y, shown_counts(scored_widget).T)


def test_counts_follow_new_data():
    widget = HeadMapWidget(example_labels())
    figure = widget.counts_chart()
    widget.set_labels({name: grid[:10] for name, grid in example_labels().items()})
    np.testing.assert_array_equal(figure.marks[0].y, shown_counts(widget).T)
    assert figure.axes[0].scale.max == 9.5
    assert figure.interaction.selected is None  # every layer: no brush


def test_brush_sets_layer_range_to_whole_clamped_layers():
    widget = HeadMapWidget(example_labels())
    brush = widget.counts_chart().interaction
    assert brush.selected is None  # every layer: no brush
    brush.selected = [3.4, 17.8]
    assert widget.layer_range == (3, 18)
    assert list(brush.selected) == [2.5, 18.5]  # snapped to the bars
    brush.selected = [17.8, 3.4]  # reversed
    assert widget.layer_range == (3, 18)
    brush.selected = [-7.0, 9.2]  # beyond the first bar: clamped
    assert widget.layer_range == (0, 9)
    assert list(brush.selected) == [-0.5, 9.5]
    brush.selected = [-7.0, 40.0]  # every layer: the brush goes
    assert widget.layer_range == (0, 31)
    assert brush.selected is None
    brush.selected = [3.4, 17.8]
    brush.selected = [5.2, 5.3]  # inside one bar
    assert widget.layer_range == (5, 5)
    brush.selected = None  # cleared: every layer
    assert widget.layer_range == (0, 31)
    assert brush.selected is None


def test_brush_follows_layer_range():
    widget = HeadMapWidget(example_labels())
    brush = widget.counts_chart().interaction
    widget.layer_range = (18, 31)
    assert list(brush.selected) == [17.5, 31.5]
    widget.layer_range = (0, 31)
    assert brush.selected is None


def test_brush_while_dragging_is_not_snapped():
    widget = HeadMapWidget(example_labels())
    brush = widget.counts_chart().interaction
    brush.brushing = True
    brush.selected = [3.4, 17.8]
    assert widget.layer_range == (3, 18)
    assert list(brush.selected) == [3.4, 17.8]  # the user's drag is left alone
    brush.brushing = False
    assert list(brush.selected) == [2.5, 18.5]


@pytest.mark.parametrize("bad", [[np.nan, 4.0], [1.0, np.inf], [40.0, 50.0], [-9.0, -3.0]])
def test_bad_brush_is_refused_and_put_back(bad):
    widget = HeadMapWidget(example_labels(), layer_range=(2, 9))
    brush = widget.counts_chart().interaction
    with pytest.warns(ViewUpdateRefused, match="counts chart brush"):
        brush.selected = bad
    assert widget.layer_range == (2, 9)
    assert list(brush.selected) == [1.5, 9.5]
    widget.layer_range = (4, 6)  # still linked
    assert list(brush.selected) == [3.5, 6.5]


# ------------------------------------------------------------ scores chart


def test_scores_chart_needs_scores():
    with pytest.raises(ValueError, match="scores_chart needs a widget with scores.*from_scores"):
        HeadMapWidget(example_labels()).scores_chart()


def test_scores_points_are_the_scores():
    widget = scored()
    link = widget.scores_chart().headwidget_link
    assert [m.labels[0] for m in link.points] == ["A", "B", "C"]
    layer, head = np.indices((6, 4)).reshape(2, -1)
    for c, mark in enumerate(link.points):
        score = widget.scores[..., c].ravel()
        keep = np.isfinite(score)
        np.testing.assert_allclose(mark.y, score[keep])
        np.testing.assert_allclose(mark.x, (layer - 0.5 + (head + 0.5) / 4)[keep])
        assert list(mark.colors) == [widget._palette["categories"][c]]
    assert len(link.points[1].y) == 23  # the NaN is not drawn


def test_scores_with_tasks_one_mark_per_task_in_its_category_colour():
    scores, tasks, groups = example_task_scores(8, 6)
    widget = HeadMapWidget.from_scores(scores, tasks, groups=groups, threshold=0.5)
    link = widget.scores_chart().headwidget_link
    assert [m.headwidget_column for m in link.points] == tasks
    for t, mark in enumerate(link.points):
        np.testing.assert_allclose(mark.y, widget.task_scores[..., t].ravel())
        colour = widget._palette["categories"][widget.categories.index(groups[tasks[t]])]
        assert list(mark.colors) == [colour]
    # one legend entry per category
    assert sorted(m.labels[0] for m in link.points if m.display_legend) == sorted(widget.categories)


def test_threshold_line_both_ways():
    widget = scored()
    link = widget.scores_chart().headwidget_link
    assert list(link.line.y) == [0.5, 0.5] and list(link.handle.y) == [0.5]
    widget.threshold = 0.7
    assert list(link.line.y) == [0.7, 0.7] and list(link.handle.y) == [0.7]
    link.line.y = [0.25, 0.25]
    assert widget.threshold == 0.25
    link.handle.y = [0.6]  # the diamond, dragged
    assert widget.threshold == pytest.approx(0.6)
    assert list(link.line.y) == [pytest.approx(0.6)] * 2
    widget.top_k = 3  # no threshold: no line
    assert not link.line.visible and not link.handle.visible
    link.handle.y = [0.4]
    assert widget.threshold == pytest.approx(0.4) and widget.top_k is None and link.line.visible


def test_bad_threshold_from_line_is_refused():
    widget = scored()
    link = widget.scores_chart().headwidget_link
    with pytest.warns(ViewUpdateRefused, match="threshold line"):
        link.line.y = [np.inf, np.inf]
    assert widget.threshold == 0.5
    assert list(link.line.y) == [0.5, 0.5]


def test_brushing_heads_selects_them_and_selection_is_highlighted():
    widget = scored()
    link = widget.scores_chart().headwidget_link
    brush = link.brush
    with brush.hold_trait_notifications():
        brush.selected_x = [1.5, 3.5]
        brush.selected_y = [0.8, 1.0]
    xs = np.concatenate([m.x for m in link.points])
    ys = np.concatenate([m.y for m in link.points])
    layer, head = np.indices((6, 4)).reshape(2, -1)
    expected = set()
    for c in range(3):
        score = widget.scores[..., c].ravel()
        inside = (layer >= 2) & (layer <= 3) & (score >= 0.8)
        expected |= set(zip(layer[inside].tolist(), head[inside].tolist(), strict=True))
    assert xs.size == ys.size and expected
    assert widget.selected == sorted(expected)
    # every point of a selected head is highlighted, in every category
    for c, mark in enumerate(link.points):
        score = widget.scores[..., c].ravel()
        keep = np.isfinite(score)
        pairs = list(zip(layer[keep].tolist(), head[keep].tolist(), strict=True))
        assert sorted(np.asarray(mark.selected).tolist()) == [i for i, p in enumerate(pairs) if p in expected]
    widget.selected = [(5, 3)]  # selected elsewhere (a click in the widget)
    assert [len(m.selected) for m in link.points] == [1, 1, 1]
    assert brush.selected_x is None and brush.selected_y is None  # the brush no longer says so
    widget.selected = []
    assert all(m.selected is None for m in link.points)


def test_scores_brush_ignores_hidden_categories_and_waits_for_the_drag_to_end():
    widget = scored()
    link = widget.scores_chart().headwidget_link
    widget.visible = ["A"]
    assert [m.visible for m in link.points] == [True, False, False]
    link.brush.brushing = True
    link.brush.selected_x = [-0.5, 5.5]
    link.brush.selected_y = [-1.0, 2.0]
    assert widget.selected == []
    link.brush.brushing = False
    assert len(widget.selected) == 24  # every head has a finite score in A


def test_scores_chart_follows_new_data():
    widget = scored()
    figure = widget.scores_chart()
    widget.set_scores(np.full((3, 2, 2), 0.9, np.float32), ["X", "Y"], threshold=0.5)
    link = figure.headwidget_link
    assert [m.labels[0] for m in link.points] == ["X", "Y"]
    assert figure.marks == [*link.points, link.line, link.handle]
    assert [len(m.y) for m in link.points] == [6, 6]


# ------------------------------------------------------------ unlinking


@pytest.mark.parametrize("chart", ["counts_chart", "scores_chart"])
@pytest.mark.parametrize("closed", ["widget", "figure", "unlink"])
def test_closing_either_side_removes_every_observer(chart, closed):
    widget = scored()
    before = observers(widget)
    figure = getattr(widget, chart)()
    assert observers(widget) != before
    link = figure.headwidget_link
    {"widget": widget.close, "figure": figure.close, "unlink": link.unlink}[closed]()
    assert observers(widget) == before
    assert not link.linked
    for owner in [figure, *figure.marks, figure.interaction]:
        assert not any(
            getattr(h, "__qualname__", "").startswith(("counts_chart", "scores_chart", "_guard", "ChartLink"))
            for kinds in owner._trait_notifiers.values()
            for h in kinds.get("change", [])
        )


def test_unlinked_chart_no_longer_follows():
    widget = HeadMapWidget(example_labels())
    figure = widget.counts_chart()
    figure.close()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        figure.interaction.selected = [3.0, 4.0]
        widget.layer_range = (10, 12)
    assert widget.layer_range == (10, 12)
    assert list(figure.interaction.selected) == [3.0, 4.0]


def test_two_charts_on_one_widget_each_unlink_alone():
    widget = HeadMapWidget(example_labels())
    before = observers(widget)
    first, second = widget.counts_chart(), widget.counts_chart()
    first.close()
    widget.layer_range = (1, 2)
    assert list(second.interaction.selected) == [0.5, 2.5]
    second.close()
    assert observers(widget) == before


def test_bad_scores_brush_is_refused_and_keeps_the_selection():
    widget = scored()
    widget.selected = [(1, 1)]
    brush = widget.scores_chart().headwidget_link.brush
    with pytest.warns(ViewUpdateRefused, match="scores chart brush"):
        with brush.hold_trait_notifications():
            brush.selected_x = [np.nan, 2.0]
            brush.selected_y = [0.0, 1.0]
    assert widget.selected == [(1, 1)]
    brush.selected_x, brush.selected_y = [0.5, 1.5], [-5.0, 5.0]  # still linked: layer 1's heads
    assert widget.selected == [(1, h) for h in range(4)]
