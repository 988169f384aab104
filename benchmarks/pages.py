"""The two pages under test: timing hooks and update loops (JS), and the
plotly figure that draws the same map as the widget."""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from headwidget.groups import group_colours, head_groups
from headwidget.palette import palette_for

VIEWPORT = {"width": 2400, "height": 1000}

PLOTLY_ORIGIN = "http://plotly.test"
PANEL_PX = 250  # width given to each plotly subplot

# Injected into both pages: time every requestAnimationFrame callback that page
# code schedules, and offer frame waits that bypass the hook (so they are not timed).
BENCH_JS = """
(() => {
  if (window.bench) return;
  const raw = window.requestAnimationFrame.bind(window);
  const log = [];
  window.requestAnimationFrame = (callback) => raw((t) => {
    const t0 = performance.now();
    try { callback(t); } finally { log.push(performance.now() - t0); }
  });
  const frame = () => new Promise((resolve) => raw(() => resolve()));
  window.bench = {
    log,
    takeLog: () => log.splice(0),
    // The update's frame runs (style, layout, paint), then one more frame begins.
    painted: async () => { await frame(); await frame(); },
    // Run fn in a task of its own, as a comm message would arrive; settles with its
    // (awaited) result. Chromium's ScriptDuration misses script run from DevTools'
    // evaluate continuations, so everything measured starts in such a task.
    task: (fn) => new Promise((resolve, reject) => setTimeout(() => {
      try { resolve(fn()); } catch (err) { reject(err); }
    }, 0)),
    // One update per value, each awaited to a painted frame: script time is the
    // (awaited) synchronous call plus every hooked rAF callback that ran before the
    // frame painted. With apply false the same loop runs without updating (the baseline).
    async steps(values, apply, update) {
      const out = [];
      await window.bench.painted();
      window.bench.takeLog();
      for (const value of values) {
        const sync = await window.bench.task(() => {
          const t0 = performance.now();
          return Promise.resolve(apply ? update(value) : undefined).then(() => performance.now() - t0);
        });
        await window.bench.painted();
        const raf = window.bench.takeLog();
        out.push({ sync, raf: raf.reduce((s, x) => s + x, 0), callbacks: raf.length });
      }
      return out;
    },
    timerResolution() {
      const steps = [];
      for (let i = 0; i < 50; i++) {
        const a = performance.now();
        let b = a;
        while (b === a) b = performance.now();
        steps.push(b - a);
      }
      return Math.min(...steps);
    },
  };
})();
"""

PLOTLY_HTML = """<!doctype html>
<html><head><meta charset="utf-8"><title>plotly bench</title>
<script src="/plotly.js"></script>
<style>body { margin: 8px; background: #fff; }</style></head>
<body><div id="plots"></div></body></html>
"""

# A range step in each: the widget's model, plotly's axes (x: layers, y: heads).
_WIDGET_STEP_JS = """
([ranges, apply]) => {
  const model = hw.models[hw.models.length - 1];
  return bench.steps(ranges, apply, (range) => model.set("TRAIT", range));
}
"""

_PLOTLY_STEP_JS = """
([ranges, apply, nAxes]) => bench.steps(ranges, apply, ([a, b]) => {
  const update = {};
  for (let i = 1; i <= nAxes; i++) update[`AXISaxis${i === 1 ? "" : i}.range`] = [a - 0.5, b + 0.5];
  return Plotly.relayout(window.benchPlot, update);
})
"""

WIDGET_UPDATES_JS = _WIDGET_STEP_JS.replace("TRAIT", "layer_range")
PLOTLY_UPDATES_JS = _PLOTLY_STEP_JS.replace("AXIS", "x")
# heads too: the explored steady state (steps.py) crops both axes first
WIDGET_HEAD_UPDATES_JS = _WIDGET_STEP_JS.replace("TRAIT", "head_range")
PLOTLY_HEAD_UPDATES_JS = _PLOTLY_STEP_JS.replace("AXIS", "y")

# The visible box of every panel (its ``.hw-clip``) and one pixel of the composite after
# the last update: the head's centre inside the box, mapped onto the canvas's backing
# store through the canvas's own box, so it holds whether the box is sized for the shown
# layers or for all of them (the crop stretched to fill it).
WIDGET_CHECK_JS = """
([first, last, head, nHeads]) => {
  const views = document.querySelectorAll(".view");
  const view = views[views.length - 1];
  const clips = [...view.querySelectorAll(".hw-clip")];
  const composite = view.querySelector("canvas.hw-canvas");
  const box = composite.closest(".hw-clip").getBoundingClientRect();
  const x = box.left + (last - first + 0.5) * box.width / (last - first + 1);
  const y = box.top + (head + 0.5) * box.height / nHeads;
  const rect = composite.getBoundingClientRect();
  const px = composite.getContext("2d").getImageData(
    Math.floor((x - rect.left) * composite.width / rect.width),
    Math.floor((y - rect.top) * composite.height / rect.height), 1, 1).data;
  return {
    widths: clips.map((c) => c.getBoundingClientRect().width),
    heights: clips.map((c) => c.getBoundingClientRect().height),
    pixel: [...px],
  };
}
"""

# Fresh page, first render: the render (or newPlot) in a task of its own, then four
# frames, so a redraw the view schedules for its first frame (a resize observed once it
# is laid out) is counted too. With apply false: the same frames, idle (the baseline).
WIDGET_COLD_JS = """
async (apply) => {
  const model = hw.models[hw.models.length - 1];
  const dt = await bench.task(() => {
    if (!apply) return 0;
    const t0 = performance.now();
    hw.render(model);
    return performance.now() - t0;
  });
  await bench.painted();
  await bench.painted();
  return dt;
}
"""

PLOTLY_COLD_JS = """
async (apply) => {
  const { data, layout } = window.benchFig;
  const dt = await bench.task(() => {
    if (!apply) return 0;
    const t0 = performance.now();
    return Plotly.newPlot(window.benchPlot, data, layout).then(() => performance.now() - t0);
  });
  await bench.painted();
  await bench.painted();
  return dt;
}
"""

PLOTLY_PREPARE_JS = """(json) => {
  const fig = JSON.parse(json);
  const gd = document.createElement("div");
  document.getElementById("plots").append(gd);
  window.benchPlot = gd;
  window.benchFig = fig;
}"""


def composite_codes(labels: np.ndarray) -> np.ndarray:
    """Colour index per head, every category shown: 0 unclassified, else its group + 1 (headwidget.groups)."""
    return head_groups(labels, [True] * labels.shape[2]) + 1


def composite_colors(palette: dict[str, Any]) -> list[str]:
    """Colours indexed by :func:`composite_codes`."""
    return [palette["unclassified"], *group_colours(palette, [True] * len(palette["categories"]))]


def discrete_scale(colors: list[str]) -> list[list[Any]]:
    """A plotly colorscale with one flat band per colour (for integer z, zmin=-0.5)."""
    n = len(colors)
    scale: list[list[Any]] = []
    for i, color in enumerate(colors):
        scale += [[i / n, color], [(i + 1) / n, color]]
    return scale


def plotly_figure(labels: np.ndarray, categories: list[str]) -> go.Figure:
    """The widget's figure in plotly: the composite, then one two-colour panel per category."""
    n_layers, n_heads, n_categories = labels.shape
    palette = palette_for(n_categories)
    colors = composite_colors(palette)
    fig = make_subplots(rows=1, cols=n_categories + 1, subplot_titles=["All Categories", *categories])
    composite = composite_codes(labels).T.astype(np.uint8)  # z[head][layer]
    fig.add_trace(
        go.Heatmap(z=composite, colorscale=discrete_scale(colors), zmin=-0.5, zmax=len(colors) - 0.5, showscale=False),
        row=1,
        col=1,
    )
    grey = palette["unclassified"]
    for c, color in enumerate(palette["categories"]):
        fig.add_trace(
            go.Heatmap(
                z=labels[:, :, c].T.astype(np.uint8),
                colorscale=[[0, grey], [0.5, grey], [0.5, color], [1, color]],
                zmin=0,
                zmax=1,
                showscale=False,
            ),
            row=1,
            col=c + 2,
        )
    fig.update_xaxes(title_text="layer", range=[-0.5, n_layers - 0.5])
    fig.update_yaxes(title_text="head", range=[-0.5, n_heads - 0.5])
    fig.update_layout(width=PANEL_PX * (n_categories + 1) + 80, height=340, margin={"t": 40, "b": 50})
    return fig


def open_plotly_page(browser: Any, plotly_js: bytes) -> Any:
    """A page with plotly.js served locally; every other request is aborted."""
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
    files = {"/": (PLOTLY_HTML.encode(), "text/html"), "/plotly.js": (plotly_js, "text/javascript")}

    def answer(route: Any) -> None:
        url = route.request.url
        path = url[len(PLOTLY_ORIGIN) :].split("?")[0] or "/"
        if url.startswith(PLOTLY_ORIGIN) and path in files:
            body, mime = files[path]
            route.fulfill(status=200, body=body, content_type=mime)
        else:
            route.abort()

    context.route("**/*", answer)
    context.add_init_script(BENCH_JS)
    page = context.new_page()
    page.goto(PLOTLY_ORIGIN + "/")
    page.wait_for_function("typeof window.Plotly === 'object' && !!window.bench")
    return page
