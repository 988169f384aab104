"""First render on a cold page, and the first range step after it, side by side.

Each sample is a fresh browser context (a fresh page, nothing compiled yet): the
library is loaded, the figure's state is parsed, the idle baseline is taken, then
the render is measured through its painted frames, then one layer-range step. The
widget page is the test harness; plotly's page loads plotly.js through a route.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import numpy as np

from measure import measured, med, median_deltas, net_median, steady_summary
from pages import (
    BENCH_JS,
    PLOTLY_COLD_JS,
    PLOTLY_PREPARE_JS,
    PLOTLY_UPDATES_JS,
    VIEWPORT,
    WIDGET_COLD_JS,
    WIDGET_UPDATES_JS,
    open_plotly_page,
    plotly_figure,
)

BASELINES = 3  # idle samples per page, before anything is drawn


def _summary(times: list[float], raw: list[dict], base: list[dict]) -> dict[str, Any]:
    return {
        "samples": len(raw),
        "script_ms": times,
        "script_median_ms": med(times),
        "cdp_task_ms": [r["TaskDuration"] for r in raw],
        "cdp_raw_median_ms": median_deltas(raw),
        "cdp_baseline_median_ms": median_deltas(base),
        "cdp_net_median_ms": net_median(raw, base),
    }


def cold_widget(browser: Any, widget: Any, first_step: list[int], samples: int) -> dict[str, Any]:
    """``samples`` fresh pages: the first render of ``widget``, then one step to ``first_step``."""
    from tests.harness.harness import open_page, widget_state

    state = widget_state(widget)
    times, raw, base = [], [], []
    steps, step_raw, step_base = [], [], []
    for _ in range(samples):
        page = open_page(browser, **VIEWPORT)
        page.bring_to_front()
        page.evaluate(BENCH_JS)
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.evaluate("(state) => { hw.models.push(hw.createModel(state)); }", state)
        for _ in range(BASELINES):
            base.append(measured(cdp, partial(page.evaluate, WIDGET_COLD_JS, False))[1])
            step_base.append(measured(cdp, partial(page.evaluate, WIDGET_UPDATES_JS, [[first_step], False]))[1])
        dt, delta = measured(cdp, partial(page.evaluate, WIDGET_COLD_JS, True))
        times.append(dt)
        raw.append(delta)
        (step,), delta = measured(cdp, partial(page.evaluate, WIDGET_UPDATES_JS, [[first_step], True]))
        steps.append(step)
        step_raw.append(delta)
        page.context.close()
    return {"render": _summary(times, raw, base), "first_step": steady_summary(steps, step_raw, step_base)}


def cold_plotly(
    browser: Any, labels: np.ndarray, categories: list[str], first_step: list[int], samples: int, plotly_js: bytes
) -> dict[str, Any]:
    """The same for plotly: ``Plotly.newPlot`` of the figure, then one ``relayout`` of every x axis."""
    fig_json = plotly_figure(labels, categories).to_json()
    n_axes = labels.shape[2] + 1
    times, raw, base = [], [], []
    steps, step_raw, step_base = [], [], []
    for _ in range(samples):
        page = open_plotly_page(browser, plotly_js)
        page.bring_to_front()
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.evaluate(PLOTLY_PREPARE_JS, fig_json)
        for _ in range(BASELINES):
            base.append(measured(cdp, partial(page.evaluate, PLOTLY_COLD_JS, False))[1])
            step_base.append(measured(cdp, partial(page.evaluate, PLOTLY_UPDATES_JS, [[first_step], False, n_axes]))[1])
        dt, delta = measured(cdp, partial(page.evaluate, PLOTLY_COLD_JS, True))
        times.append(dt)
        raw.append(delta)
        (step,), delta = measured(cdp, partial(page.evaluate, PLOTLY_UPDATES_JS, [[first_step], True, n_axes]))
        steps.append(step)
        step_raw.append(delta)
        page.context.close()
    return {"render": _summary(times, raw, base), "first_step": steady_summary(steps, step_raw, step_base)}
