"""A threshold step and a layer-range step in real JupyterLab, as a user makes them.

One scored 126 x 128 x 8 widget in a notebook, in headless Chromium. Each step moves
the view's own control (the threshold slider, or the layer slider's first handle) by
one value and fires the ``input`` event a drag or a key press fires, then pauses long
enough for the kernel's reply to arrive and be drawn.
Per step it reports the page's main-thread time (CDP ``TaskDuration``, the same pause
with no key press subtracted) and how many times the panels were repainted (the
number of ``putImageData`` calls, divided by the ones a single redraw makes).

Usage: ``.venv/bin/python benchmarks/lab.py [--steps N]``; it starts its own Jupyter
server on 127.0.0.1 and stops it. The numbers include JupyterLab's own work on each
comm message, so they are read side by side (threshold vs range), not as absolutes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.harness.harness import launch  # noqa: E402
from tests.jupyter.notebook import Notebook  # noqa: E402
from tests.jupyter.server import JupyterServer  # noqa: E402

CELL = (
    "import numpy as np\n"
    "from headwidget import HeadMapWidget\n"
    "scores = np.random.default_rng(0).random((126, 128, 8), dtype=np.float32)\n"
    "widget = HeadMapWidget.from_scores(scores, threshold=0.8)\n"
    "widget"
)

COUNT_PAINTS = """() => {
  window.hwPuts = 0;
  const put = CanvasRenderingContext2D.prototype.putImageData;
  CanvasRenderingContext2D.prototype.putImageData = function (...args) {
    window.hwPuts++;
    return put.apply(this, args);
  };
}"""

PAUSE_MS = 600  # a kernel round trip on this machine is ~100 ms; leave room for a second redraw


def task_ms(cdp) -> float:
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return metrics["TaskDuration"] * 1000


# One step of a range input, as the browser makes it for a drag or an arrow key.
STEP = """([selector, up]) => {
  const input = document.querySelector(selector);
  if (input.getAttribute("role") === "slider") {  // a range slider's handle steps by key
    const key = up ? "ArrowRight" : "ArrowLeft";
    input.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
    return;
  }
  const step = input.step === "any" ? (input.max - input.min) / 100 : Number(input.step);
  input.value = String(Number(input.value) + (up ? step : -step));
  input.dispatchEvent(new Event("input", { bubbles: true }));
}"""


def steps(page, cdp, selector: str | None, n: int) -> list[tuple[float, int]]:
    """(main-thread ms, putImageData calls) per step; selector None: the pause alone."""
    out = []
    for i in range(n):
        page.evaluate("() => { window.hwPuts = 0; }")
        before = task_ms(cdp)
        if selector:
            page.evaluate(STEP, [selector, i % 2 == 0])
        page.wait_for_timeout(PAUSE_MS)
        out.append((task_ms(cdp) - before, page.evaluate("window.hwPuts")))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        server = JupyterServer(Path(tmp))
        server.start()
        browser = launch(p)
        try:
            page = browser.new_context(viewport={"width": 1800, "height": 1000}).new_page()
            notebook = Notebook(page, server, "bench.ipynb", [CELL])
            notebook.run_all()
            page.evaluate(COUNT_PAINTS)
            cdp = page.context.new_cdp_session(page)
            cdp.send("Performance.enable")
            idle = statistics.median(ms for ms, _ in steps(page, cdp, None, 5))
            panels = 1 + 8  # the composite and one per category
            rows = []
            for name, selector in [
                ("threshold step", ".hw-rule input"),
                ("layer-range step", ".hw-layers .hw-range-lo"),
            ]:
                steps(page, cdp, selector, 3)  # warm up
                measured = steps(page, cdp, selector, args.steps)
                per_step = statistics.median(ms for ms, _ in measured) - idle
                # a redraw at the visible level writes every panel's source and the count bars
                redraws = statistics.median(puts for _, puts in measured) / (panels + 1)
                rows.append((name, per_step, redraws))
            print(f"JupyterLab, 126 x 128 x 8 scored, {args.steps} steps each; idle pause {idle:.1f} ms subtracted")
            for name, per_step, redraws in rows:
                print(f"{name}: {per_step:.1f} ms main thread (median), {redraws:.1f} full redraws")
        finally:
            browser.close()
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
