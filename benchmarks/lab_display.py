"""Shift+Enter to painted panels in a real JupyterLab: headwidget against plotly.

One notebook in headless Chromium, its own Jupyter server on 127.0.0.1. A setup cell
builds seeded 126 x 128 x 8 labels (as ``bench.py``) and the same plotly figure as
``pages.plotly_figure``; one cell displays ``HeadMapWidget(labels, categories)``, the
next displays ``fig`` through plotly's JupyterLab mime renderer (``jupyterlab-plotly``,
shipped in the plotly wheel, with plotly.js bundled: nothing is fetched). Each sample
clicks into one of the two cells and presses Shift+Enter; the page times from the key
press (a capturing ``keydown`` listener) to the frame after the new output is painted:

* headwidget: the new view has all its panel canvases, sized (the first draw is
  synchronous, so they hold their pixels), then two animation frames;
* plotly: the new plot has every heatmap's image, each image decoded, then two
  animation frames.

It also records when the output's element (``.headwidget`` / ``.js-plotly-plot``)
first appears, which splits the kernel and the transport from the drawing.
Both are warmed up first (two runs each), then sampled interleaved. Per sample it also
records the page's main-thread time over the interval (CDP ``TaskDuration``, less the
idle page's rate over the same time). This includes JupyterLab's and the kernel
connection's own work, and the kernel's time to build the output (the widget is
constructed in the cell; the plotly figure is built beforehand and only serialised).

Usage: ``.venv/bin/python benchmarks/lab_display.py [--samples N]`` (about a minute).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.harness.harness import launch  # noqa: E402
from tests.jupyter.notebook import KERNEL_IDLE, Notebook  # noqa: E402
from tests.jupyter.server import JupyterServer  # noqa: E402

SHAPE = (126, 128, 8)
SEED = 20240601  # bench.py's
PANELS = SHAPE[2] + 1  # the composite and one per category, in both

SETUP = f"""import sys
sys.path.insert(0, {str(BENCH)!r})
import numpy as np
import plotly.io as pio
from headwidget import HeadMapWidget
from pages import plotly_figure
pio.renderers.default = "plotly_mimetype"  # JupyterLab's plotly mime renderer, nothing inlined
shape = {SHAPE!r}
labels = np.random.default_rng([{SEED}, *shape]).random(shape) < 0.2
categories = [f"Category {{i + 1}}" for i in range(shape[2])]
fig = plotly_figure(labels, categories)"""
CELLS = [SETUP, "HeadMapWidget(labels, categories)", "fig", "pass"]
CELL_OF = {"headwidget": 1, "plotly": 2}

# Arm the page for one Shift+Enter: outputs already there are marked old; from the key
# press, every frame looks for the new output, painted; settles with the milliseconds.
WATCH = """([kind, index, panels]) => {
  const raw = window.requestAnimationFrame.bind(window);
  const cell = window.jupyterapp.shell.currentWidget.content.widgets[index].node;
  for (const el of cell.querySelectorAll(".headwidget, .js-plotly-plot")) el.dataset.benchOld = "1";
  const fresh = (selector) => [...cell.querySelectorAll(selector)].find((el) => !el.dataset.benchOld);
  const ready = kind === "headwidget"
    ? () => {
        const view = fresh(".headwidget");
        const canvases = view ? [...view.querySelectorAll("canvas.hw-canvas")] : [];
        return canvases.length >= panels && canvases.every((c) => c.width > 0) ? [] : null;
      }
    : () => {
        const plot = fresh(".js-plotly-plot");
        const images = plot ? [...plot.querySelectorAll("g.hm image")] : [];
        return images.length >= panels ? images : null;
      };
  window.benchMs = undefined;
  window.benchOutputMs = undefined;
  let t0 = 0;
  const poll = () => raw(() => {
    if (window.benchOutputMs === undefined && fresh(kind === "headwidget" ? ".headwidget" : ".js-plotly-plot")) {
      window.benchOutputMs = performance.now() - t0;
    }
    const found = ready();
    if (!found) return poll();
    Promise.all(found.map((img) => (img.decode ? img.decode().catch(() => null) : null)))
      .then(() => raw(() => raw(() => { window.benchMs = performance.now() - t0; })));
  });
  window.benchDebug = () => ({
    t0, output: window.benchOutputMs,
    canvases: cell.querySelectorAll("canvas.hw-canvas").length, images: cell.querySelectorAll("g.hm image").length,
  });
  const onKey = (event) => {
    if (event.key !== "Enter" || !event.shiftKey) return;
    document.removeEventListener("keydown", onKey, true);
    t0 = performance.now();
    poll();
  };
  document.addEventListener("keydown", onKey, true);
}"""


def task_s(cdp) -> float:
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return metrics["TaskDuration"]


def idle_rate(page, cdp, seconds: float = 1.0) -> float:
    """Main-thread seconds per second of the notebook page doing nothing."""
    before, t0 = task_s(cdp), time.perf_counter()
    page.wait_for_timeout(seconds * 1000)
    return (task_s(cdp) - before) / (time.perf_counter() - t0)


def shift_enter(page, cdp, nb: Notebook, kind: str, idle: float) -> dict[str, float]:
    """Run the cell of ``kind`` with Shift+Enter; (wall ms to painted, net main-thread ms)."""
    index = CELL_OF[kind]
    cell = nb.cell(index)
    cell.scroll_into_view_if_needed()
    cell.locator(".cm-content").click()
    page.wait_for_function(
        """i => {
            const notebook = window.jupyterapp.shell.currentWidget.content;
            return notebook.activeCellIndex === i && notebook.mode === 'edit';
        }""",
        arg=index,
    )
    page.evaluate(WATCH, [kind, index, PANELS])
    before, t0 = task_s(cdp), time.perf_counter()
    page.keyboard.press("Shift+Enter")
    try:
        page.wait_for_function("window.benchMs !== undefined", timeout=60_000)
    except Exception:
        print(kind, "not shown:", page.evaluate("window.benchDebug()"), file=sys.stderr)
        raise
    wall, output = page.evaluate("[window.benchMs, window.benchOutputMs]")
    main = (task_s(cdp) - before - idle * (time.perf_counter() - t0)) * 1000
    page.wait_for_function(KERNEL_IDLE)
    page.wait_for_timeout(300)
    return {"wall_ms": wall, "main_thread_ms": main, "output_ms": output}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=7, help="samples per library (at least 5)")
    parser.add_argument("--json", type=Path, default=BENCH / "out" / "lab_display.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        server = JupyterServer(Path(tmp))
        server.start()
        browser = launch(p)
        try:
            page = browser.new_context(viewport={"width": 1800, "height": 1000}).new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            nb = Notebook(page, server, "display.ipynb", CELLS)
            nb.run_all()
            plotted = "n => document.querySelectorAll('.js-plotly-plot g.hm image').length >= n"
            page.wait_for_function(plotted, arg=PANELS)
            cdp = page.context.new_cdp_session(page)
            cdp.send("Performance.enable")
            idle = idle_rate(page, cdp)
            samples: dict[str, list[dict[str, float]]] = {"headwidget": [], "plotly": []}
            order = ["headwidget", "plotly"]
            for kind in order * 2:  # warm-up
                shift_enter(page, cdp, nb, kind, idle)
            for i in range(args.samples):
                for kind in order if i % 2 == 0 else order[::-1]:
                    samples[kind].append(shift_enter(page, cdp, nb, kind, idle))
        finally:
            browser.close()
            server.stop()
    medians = {
        kind: {key: statistics.median(s[key] for s in rows) for key in ("wall_ms", "main_thread_ms", "output_ms")}
        for kind, rows in samples.items()
    }
    hw, pl = medians["headwidget"], medians["plotly"]
    ratio = hw["wall_ms"] / pl["wall_ms"]
    print(f"JupyterLab, {' x '.join(map(str, SHAPE))}, Shift+Enter to painted panels, median of {args.samples} each")
    print("| measure | headwidget | plotly | ratio |")
    print("|---|---:|---:|---:|")
    print(f"| Shift+Enter to painted, wall ms | {hw['wall_ms']:.0f} | {pl['wall_ms']:.0f} | {ratio:.3f} |")
    main_ratio = hw["main_thread_ms"] / pl["main_thread_ms"]
    print(f"| main-thread ms over it (net) | {hw['main_thread_ms']:.0f} | {pl['main_thread_ms']:.0f} | "
          f"{main_ratio:.3f} |")  # fmt: skip
    print(f"| key press to the output's element in the page, ms | {hw['output_ms']:.0f} | {pl['output_ms']:.0f} | "
          f"{hw['output_ms'] / pl['output_ms']:.3f} |")  # fmt: skip
    met = ratio <= 1 / 3
    print(f"- [{'x' if met else ' '}] Shift+Enter to painted <= 1/3 of plotly's: ratio {ratio:.3f}")
    if errors:
        print("page errors:", *errors, sep="\n  ")
    args.json.parent.mkdir(exist_ok=True)
    args.json.write_text(json.dumps({"samples": samples, "medians": medians, "idle_rate": idle, "ratio": ratio}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
