"""The linked bqplot charts in a real JupyterLab 4: drawn from bqplot's own lab extension
(offline), brushed with the mouse, and following the widget both ways through the kernel."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
import pytest

from headwidget import example_task_scores
from tests.helpers.views import drag_range_handle

from .cells import SETUP
from .notebook import Notebook, errors_of_ours

pytest.importorskip("bqplot")

COUNTS = "counts = widget.counts_chart()\nwidget"
SCORES = (
    "import headwidget, json\n"
    "from headwidget import HeadMapWidget, example_task_scores\n"
    "scores, tasks, groups = example_task_scores(16, 8)\n"
    "widget = HeadMapWidget.from_scores(scores, tasks, groups=groups, threshold=0.5)\n"
    "chart = widget.scores_chart()\n"
    "widget"
)
KERNEL = (
    "print(json.dumps({'layer_range': list(widget.layer_range), 'selected': widget.selected,"
    " 'threshold': widget.threshold}))"
)
COUNTS_BRUSH = (
    "print(json.dumps(None if counts.interaction.selected is None else counts.interaction.selected.tolist()))"
)
SCORES_BRUSH = (
    "b = chart.headwidget_link.brush\nprint(json.dumps({'x': b.selected_x.tolist(), 'y': b.selected_y.tolist()}))"
)


def off_host(page) -> list[str]:
    """Every request the page makes to anywhere but the server, from now on."""
    seen: list[str] = []
    page.on("request", lambda r: urlparse(r.url).hostname not in ("127.0.0.1", None) and seen.append(r.url))
    return seen


def wait_for_charts(page, bars: int = 0, dots: int = 0) -> None:
    page.wait_for_function(
        "([bars, dots]) => document.querySelectorAll('.bqplot .bargroup').length >= bars && "
        "document.querySelectorAll('.bqplot .dot').length >= dots",
        arg=[bars, dots],
        timeout=60_000,
    )


def axis_map(figure, axis: int):
    """Data value -> screen position along a figure's axis (0: x, 1: y), fitted to its tick marks."""
    figure.scroll_into_view_if_needed()
    marks = (
        figure.locator(".axis")
        .nth(axis)
        .locator(".tick")
        .evaluate_all(
            """ticks => ticks.map(t => {
            const r = t.querySelector('line').getBoundingClientRect();
            return [t.textContent.replace('\u2212', '-'), r.x + r.width / 2, r.y + r.height / 2];
        })"""
        )
    )
    values = np.array([float(text) for text, _, _ in marks])
    where = np.array([m[1 if axis == 0 else 2] for m in marks])
    slope, offset = np.polyfit(values, where, 1)
    return lambda value: float(slope * value + offset)


def brush_left(page, x: float) -> None:
    """Wait until the counts chart's brush starts at ``x`` on screen."""
    page.wait_for_function(
        "x => Math.abs(document.querySelector('.bqplot .brushintsel .selection')"
        ".getBoundingClientRect().left - x) < 1.5",
        arg=x,
    )


def eventually(page, check, seconds: float = 10) -> None:
    """Poll ``check`` (which reads the page) until it holds."""
    for _ in range(int(seconds * 10)):
        if check():
            return
        page.wait_for_timeout(100)
    assert check()


def drag(page, start: tuple[float, float], end: tuple[float, float]) -> None:
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(*end, steps=10)
    page.mouse.up()


def test_lab_extension_of_bqplot_is_installed():
    out = subprocess.run(
        [str(Path(sys.executable).parent / "jupyter"), "labextension", "list"], capture_output=True, text=True
    )
    assert "bqplot" in out.stdout + out.stderr


def test_counts_chart_brush_and_layer_range_follow_each_other(page, jupyter):
    outside = off_host(page)
    nb = Notebook(page, jupyter, "counts.ipynb", [SETUP + "\n" + COUNTS, "counts", KERNEL, COUNTS_BRUSH, "pass"])
    nb.run_all()
    wait_for_charts(page, bars=32)
    figure = page.locator(".bqplot").first
    assert figure.locator(".bargroup").count() == 32  # one stack per layer
    assert figure.locator("rect.bar").count() == 32 * 7  # 4 categories, then 2, 3 and 4 together
    assert figure.locator(".brushintsel .selection").evaluate("e => getComputedStyle(e).display") == "none"

    # brush layers 3.4 .. 17.8 with the mouse: every layer whose bar it touches, 3 .. 18
    x_of = axis_map(figure, 0)
    box = figure.locator(".selector .overlay").bounding_box()
    middle = box["y"] + box["height"] / 2
    drag(page, (x_of(3.4), middle), (x_of(17.8), middle))
    assert json.loads(nb.execute(2))["layer_range"] == [3, 18]
    assert json.loads(nb.execute(3)) == [2.5, 18.5]  # the brush snapped to the bars
    selection = figure.locator(".brushintsel .selection")
    brush_left(page, x_of(2.5))
    rect = selection.bounding_box()
    assert rect["x"] == pytest.approx(x_of(2.5), abs=1.5)
    assert rect["x"] + rect["width"] == pytest.approx(x_of(18.5), abs=1.5)

    # the widget's own layer slider moves the brush
    drag_range_handle(page, nb.view(), "lo", 10, 32)
    assert json.loads(nb.execute(2))["layer_range"] == [10, 18]
    assert json.loads(nb.execute(3)) == [9.5, 18.5]
    figure.scroll_into_view_if_needed()
    brush_left(page, x_of(9.5))
    rect = selection.bounding_box()
    assert rect["x"] + rect["width"] == pytest.approx(x_of(18.5), abs=1.5)
    assert outside == []  # bqplot's extension came from the server, nothing from the network
    assert errors_of_ours(page.errors) == []


def test_scores_chart_brush_selects_heads_and_threshold_moves_the_line(page, jupyter):
    scores, tasks, _ = example_task_scores(16, 8)
    nb = Notebook(page, jupyter, "scores.ipynb", [SCORES, "chart", KERNEL, SCORES_BRUSH, "pass"])
    nb.run_all()
    finite = int(np.isfinite(scores).sum())
    wait_for_charts(page, dots=finite)
    figure = page.locator(".bqplot").first
    assert figure.locator(".dot").count() == finite + 1  # every task's points, and the threshold's handle
    assert figure.locator(".legendtext").evaluate_all("ts => ts.map(t => t.textContent)") == [
        "Algorithmic",
        "Knowledge",
        "Linguistic",
        "Translation",
    ]

    # brush layers ~9..12 above the threshold: the heads with a point there are selected
    x_of, y_of = axis_map(figure, 0), axis_map(figure, 1)
    drag(page, (x_of(8.6), y_of(0.95)), (x_of(12.4), y_of(0.7)))
    brushed = json.loads(nb.execute(3, SCORES_BRUSH))
    (x0, x1), (y0, y1) = brushed["x"], brushed["y"]
    assert x0 == pytest.approx(8.6, abs=0.1) and x1 == pytest.approx(12.4, abs=0.1)
    assert y0 == pytest.approx(0.7, abs=0.02) and y1 == pytest.approx(0.95, abs=0.02)
    layer, head = np.indices((16, 8))
    jitter = layer - 0.5 + (head + 0.5) / 8
    inside = (jitter >= x0) & (jitter <= x1)
    inside = inside[..., None] & (scores >= y0) & (scores <= y1)
    expected = sorted({(int(la), int(h)) for la, h, _ in zip(*np.nonzero(inside), strict=True)})
    state = json.loads(nb.execute(2))
    assert expected and [tuple(p) for p in state["selected"]] == expected
    # and drawn: every point of a selected head outlined, in every task
    chosen = np.zeros((16, 8), bool)
    chosen[tuple(np.array(expected).T)] = True
    outlined = "ds => ds.filter(d => getComputedStyle(d).stroke === 'rgb(17, 17, 17)').length"
    eventually(page, lambda: figure.locator(".dot").evaluate_all(outlined) == int(np.isfinite(scores[chosen]).sum()))

    # threshold from the kernel moves the line (and its handle)
    nb.execute(4, "widget.threshold = 0.8")
    line = figure.locator(".curve .line").first

    def line_at(value: float) -> bool:
        y_of = axis_map(figure, 1)  # after scrolling the figure into view
        box = line.bounding_box()
        return abs(box["y"] + box["height"] / 2 - y_of(value)) < 2

    eventually(page, lambda: line_at(0.8))
    y_of = axis_map(figure, 1)

    # dragging the handle sets the threshold in the kernel
    handle = figure.locator(".dot").last.bounding_box()
    centre = (handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2)
    assert centre[1] == pytest.approx(y_of(0.8), abs=2)
    drag(page, centre, (centre[0], y_of(0.6)))
    threshold = json.loads(nb.execute(2))["threshold"]
    assert threshold == pytest.approx(0.6, abs=0.02)
    assert errors_of_ours(page.errors) == []
