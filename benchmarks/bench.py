"""Benchmark headwidget against plotly in one headless Chromium run.

For each label shape (layers x heads x categories) this measures, for the
widget (real bundle in the test harness, model stand-in) and for the same
figure drawn by plotly (plotly.js served offline):

* payload bytes: what travels to the browser;
* first render: script time of one fresh render (warm, on one page), and the
  main-thread cost (CDP ``TaskDuration``) of the render through its painted frames on
  a cold page, a fresh one per sample (``cold.py``), also at 512x512x12;
* layer-range step: the steady state (median over alternating steps between two
  ranges, each measured on its own, after warm-up steps), the same after many crops of
  both axes were explored (``steps.py``), and the first step after a cold display, as
  script time and main-thread time awaited to a painted frame, net of the same step
  with nothing updated;
* threshold step (``rule.py``).

Usage: ``.venv/bin/python benchmarks/bench.py [--quick]``. Writes
``benchmarks/out/results.json`` and ``benchmarks/out/table.md``; see
``benchmarks/README.md`` for what the numbers mean and their limits.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import plotly  # noqa: E402
import plotly.graph_objects as go  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from plotly.offline import get_plotlyjs  # noqa: E402

from cold import cold_plotly, cold_widget  # noqa: E402
from headwidget import HeadMapWidget  # noqa: E402
from headwidget.layout import fit_panels  # noqa: E402
from headwidget.palette import palette_for  # noqa: E402
from measure import measured, render_summary  # noqa: E402
from pages import (  # noqa: E402
    BENCH_JS,
    PLOTLY_HEAD_UPDATES_JS,
    PLOTLY_PREPARE_JS,
    PLOTLY_UPDATES_JS,
    VIEWPORT,
    WIDGET_CHECK_JS,
    WIDGET_HEAD_UPDATES_JS,
    WIDGET_UPDATES_JS,
    composite_codes,
    composite_colors,
    open_plotly_page,
    plotly_figure,
)
from report import markdown, rows_for, targets  # noqa: E402
from rule import bench_plotly_rule, bench_widget_rule  # noqa: E402
from steps import alternating, explored_steps, steady_ranges, steady_steps  # noqa: E402
from tests.harness.harness import launch, open_page, show, widget_state  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
SHAPES: tuple[tuple[int, int, int], ...] = ((32, 32, 4), (126, 128, 8))
EXTRA_SHAPE = (80, 64, 4)  # with --all-shapes: about 25 s more
# first render on a cold page (and the first step after it)
COLD_SHAPES: tuple[tuple[int, int, int], ...] = ((32, 32, 4), (126, 128, 8), (512, 512, 12))
# shapes held to the range-step and cold-render targets (report.targets)
STEP_TARGET_SHAPES = ("32x32x4", "126x128x8")
COLD_TARGET_SHAPES = ("32x32x4", "126x128x8", "512x512x12")
DENSITY = 0.2
SEED = 20240601
BUNDLE = ROOT / "src" / "headwidget" / "static" / "widget.js"


# ---------------------------------------------------------------- data


def make_labels(shape: tuple[int, int, int], seed: int = SEED, density: float = DENSITY) -> np.ndarray:
    """Seeded random booleans of ``shape`` with about ``density`` of them set."""
    return np.random.default_rng([seed, *shape]).random(shape) < density


def widget_payload(widget: HeadMapWidget) -> dict[str, int]:
    """Bytes of the data (the ``_data`` trait's bits buffer + its shape as JSON) and their context."""
    n = math.prod(widget.shape)
    synced = widget.get_state(key="_data")["_data"]
    data = len(synced["bits"]) + len(json.dumps(synced["shape"]))
    state = widget_state(widget)
    state["_data"]["bits"] = None  # the buffer travels beside the JSON, raw
    return {
        "payload": data,
        "packed_bits": math.ceil(n / 8),
        "full_state": len(json.dumps(state)) + len(synced["bits"]),
    }


def bench_widget(browser: Any, labels: np.ndarray, categories: list[str], reps: dict[str, int]) -> dict:
    """All headwidget numbers for one shape."""
    widget = HeadMapWidget(labels, categories)
    n_layers, n_heads, _ = labels.shape
    page = open_page(browser, **VIEWPORT)
    page.bring_to_front()
    page.evaluate(BENCH_JS)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    result: dict[str, Any] = {
        "payload": widget_payload(widget),
        "timer_resolution_ms": page.evaluate("bench.timerResolution()"),
    }

    # First render: fresh views of one model, removed between runs.
    page.evaluate("(state) => { hw.models.push(hw.createModel(state)); }", widget_state(widget))
    render_js = """async () => {
        const model = hw.models[hw.models.length - 1];
        const [index, dt] = await bench.task(() => {
          const t0 = performance.now();
          const index = hw.render(model);
          return [index, performance.now() - t0];
        });
        await bench.painted();
        return [index, dt];
    }"""
    times, cdp_samples, base_samples = [], [], []
    for _ in range(reps["widget_renders"]):
        _, base = measured(cdp, lambda: page.evaluate("bench.painted()"))
        (index, dt), raw = measured(cdp, lambda: page.evaluate(render_js))
        page.evaluate("async (i) => { hw.remove(i); await bench.painted(); }", index)
        times.append(dt)
        cdp_samples.append(raw)
        base_samples.append(base)
    result["first_render"] = render_summary(times, cdp_samples, base_samples)

    # Layer-range steps on one shown view: warm-up, then the steady state.
    show(page, widget)
    steps = alternating(n_layers, reps["warmup"] + reps["steady"])
    page.evaluate(WIDGET_UPDATES_JS, [steps[: reps["warmup"]], True])
    result["steady"] = steady_steps(page, cdp, WIDGET_UPDATES_JS, steps[reps["warmup"] :])
    js = (WIDGET_UPDATES_JS, WIDGET_HEAD_UPDATES_JS)
    result["explored"] = explored_steps(page, cdp, (n_layers, n_heads), js, reps["warmup"], reps["steady"])

    # Sanity: the view really redrew for the last range.
    first, last = steps[-1]
    head = n_heads // 2
    seen = page.evaluate(WIDGET_CHECK_JS, [first, last, head, n_heads])
    expected_rgb = _hex_rgb(composite_colors(palette_for(labels.shape[2]))[composite_codes(labels)[last, head]])
    boxes = box_rules(n_layers, n_heads, last - first + 1)
    rule = next((name for name, (w, h) in boxes.items() if _all_near(seen["widths"], w)
                 and _all_near(seen["heights"], h)), None)  # fmt: skip
    result["check"] = {
        "last_range": [first, last],
        "expected_boxes": boxes,
        "box_rule": rule,
        "widths": seen["widths"],
        "heights": seen["heights"],
        "expected_pixel": expected_rgb,
        "pixel": seen["pixel"][:3],
        "ok": rule is not None
        and seen["pixel"][:3] == expected_rgb
        and all(c == 1 for c in result["steady"]["raf_callbacks"]),
    }
    page.context.close()
    return result


def box_rules(n_layers: int, n_heads: int, n_shown: int) -> dict[str, tuple[float, float]]:
    """Each panel's visible box (``.hw-clip``), width and height in CSS px, by either rule.

    The page is wider than any row needs, so the panel limit sets the cell (the live
    view's rule at dpr 1). "whole model": the box is sized for every layer, the crop
    fills it (a range step never resizes a panel); "shown layers": the box is sized for
    the shown layers, at the cell they would have on their own.
    """
    whole = fit_panels(math.inf, 1, n_layers, n_heads, 0, dpr=1)[1]
    shown = fit_panels(math.inf, 1, n_shown, n_heads, 0, dpr=1)[1]
    return {"whole model": (n_layers * whole, n_heads * whole), "shown layers": (n_shown * shown, n_heads * shown)}


def _all_near(values: list[float], want: float) -> bool:
    return bool(values) and all(abs(v - want) < 0.01 for v in values)


def _hex_rgb(color: str) -> list[int]:
    v = int(color[1:], 16)
    return [v >> 16, (v >> 8) & 255, v & 255]


def bench_plotly(browser: Any, labels: np.ndarray, categories: list[str], reps: dict, plotly_js: bytes) -> dict:
    """All plotly numbers for one shape."""
    fig = plotly_figure(labels, categories)
    fig_json = fig.to_json()
    n_layers = labels.shape[0]
    n_axes = labels.shape[2] + 1
    page = open_plotly_page(browser, plotly_js)
    page.bring_to_front()
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    bare = go.Figure(fig).update_layout(template="none")
    result: dict[str, Any] = {
        "payload": {"payload": len(fig_json), "without_template": len(bare.to_json())},
        "plotly_js_version": page.evaluate("Plotly.version"),
        "timer_resolution_ms": page.evaluate("bench.timerResolution()"),
    }

    prepare_js = PLOTLY_PREPARE_JS
    plot_js = """async () => {
        const { data, layout } = window.benchFig;
        const dt = await bench.task(() => {
          const t0 = performance.now();
          return Plotly.newPlot(window.benchPlot, data, layout).then(() => performance.now() - t0);
        });
        await bench.painted();
        return dt;
    }"""
    purge_js = "async () => { Plotly.purge(benchPlot); benchPlot.remove(); await bench.painted(); }"
    times, cdp_samples, base_samples = [], [], []
    for i in range(reps["plotly_renders"]):
        page.evaluate(prepare_js, fig_json)
        _, base = measured(cdp, lambda: page.evaluate("bench.painted()"))
        dt, raw = measured(cdp, lambda: page.evaluate(plot_js))
        if i < reps["plotly_renders"] - 1:  # keep the last plot for the updates
            page.evaluate(purge_js)
        times.append(dt)
        cdp_samples.append(raw)
        base_samples.append(base)
    result["first_render"] = render_summary(times, cdp_samples, base_samples)

    steps = alternating(n_layers, reps["warmup"] + reps["steady"])
    page.evaluate(PLOTLY_UPDATES_JS, [steps[: reps["warmup"]], True, n_axes])
    result["steady"] = steady_steps(page, cdp, PLOTLY_UPDATES_JS, steps[reps["warmup"] :], n_axes)
    js = (PLOTLY_UPDATES_JS, PLOTLY_HEAD_UPDATES_JS)
    shape = (n_layers, labels.shape[1])
    result["explored"] = explored_steps(page, cdp, shape, js, reps["warmup"], reps["steady"], n_axes)

    first, last = steps[-1]
    axes = page.evaluate(
        "(n) => Array.from({length: n}, (_, i) => benchPlot._fullLayout[`xaxis${i ? i + 1 : ''}`].range)", n_axes
    )
    expected = [first - 0.5, last + 0.5]
    result["check"] = {
        "last_range": [first, last],
        "axis_ranges": axes,
        "ok": all(abs(r[0] - expected[0]) < 1e-9 and abs(r[1] - expected[1]) < 1e-9 for r in axes),
    }
    page.context.close()
    return result


def _git_head() -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit status 1 if a sanity check failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a smoke run)")
    parser.add_argument("--all-shapes", action="store_true", help="also the steps and warm renders at 80x64x4")
    args = parser.parse_args(argv)
    # updates: threshold steps (rule.py); steady: range steps measured one by one; cold: fresh pages
    if args.quick:
        reps = {"widget_renders": 5, "plotly_renders": 3, "updates": 12, "warmup": 3, "steady": 10, "cold": 2}
    else:
        # 60 steps and 9 cold pages: with 30 and 5, the medians' run-to-run spread on this
        # 2-core machine (cold samples fall in two modes ~15 ms apart) was as wide as the margins
        reps = {"widget_renders": 16, "plotly_renders": 6, "updates": 24, "warmup": 6, "steady": 60, "cold": 9}
    sources = sorted((ROOT / "js").glob("*.js")) + sorted((ROOT / "js").glob("*.css"))
    if not BUNDLE.exists():
        print(f"no bundle at {BUNDLE}: run `npm run build` first", file=sys.stderr)
        return 2
    if any(src.stat().st_mtime > BUNDLE.stat().st_mtime for src in sources):
        print("warning: js/ is newer than the bundle; run `npm run build` to measure it", file=sys.stderr)
    plotly_js = get_plotlyjs().encode()
    started = time.perf_counter()
    results: dict[str, Any] = {"shapes": {}}
    with sync_playwright() as p:
        browser = launch(p)
        shapes = sorted({*SHAPES, EXTRA_SHAPE}) if args.all_shapes else SHAPES
        for shape in shapes:
            key = "x".join(map(str, shape))
            labels = make_labels(shape)
            categories = [f"Category {i + 1}" for i in range(shape[2])]
            print(f"{time.perf_counter() - started:5.0f} s  {key}: headwidget ...", flush=True)
            hw = bench_widget(browser, labels, categories, reps)
            print(f"{time.perf_counter() - started:5.0f} s  {key}: plotly ...", flush=True)
            pl = bench_plotly(browser, labels, categories, reps, plotly_js)
            print(f"{time.perf_counter() - started:5.0f} s  {key}: threshold steps, both ...", flush=True)
            hw["rule"] = bench_widget_rule(browser, shape, reps, SEED)
            pl["rule"] = bench_plotly_rule(browser, shape, reps, SEED, plotly_js)
            results["shapes"][key] = {"headwidget": hw, "plotly": pl, "density": float(labels.mean())}
        for shape in COLD_SHAPES:
            key = "x".join(map(str, shape))
            labels = make_labels(shape)
            categories = [f"Category {i + 1}" for i in range(shape[2])]
            first_step = steady_ranges(shape[0])[0]
            print(f"{time.perf_counter() - started:5.0f} s  {key}: cold first render + first step, "
                  f"{reps['cold']} fresh pages each ...", flush=True)  # fmt: skip
            entry = results["shapes"].setdefault(key, {"headwidget": {}, "plotly": {}, "density": float(labels.mean())})
            widget = HeadMapWidget(labels, categories)
            entry["headwidget"]["cold"] = cold_widget(browser, widget, first_step, reps["cold"])
            entry["plotly"]["cold"] = cold_plotly(browser, labels, categories, first_step, reps["cold"], plotly_js)
        results["meta"] = {
            "browser": browser.version,
            "plotly_py": plotly.__version__,
            "python": platform.python_version(),
            "machine": platform.machine(),
            "reps": reps,
            "quick": args.quick,
            "seed": SEED,
            "viewport": VIEWPORT,
            "device_scale_factor": 1,
            "git_head": _git_head(),
            "bundle_bytes": BUNDLE.stat().st_size,
        }
        browser.close()
    results["meta"]["seconds"] = round(time.perf_counter() - started, 1)
    results["targets"] = targets(results["shapes"], "x".join(map(str, SHAPES[-1])), STEP_TARGET_SHAPES,
                                 COLD_TARGET_SHAPES)  # fmt: skip
    results["table"] = {
        key: [
            {"measure": label, "headwidget": hw, "plotly": pl, "ratio": hw / pl if pl > 0 else None}
            for label, hw, pl, _ in rows_for(s["headwidget"], s["plotly"])
        ]
        for key, s in results["shapes"].items()
    }
    table = markdown(results)
    OUT.mkdir(exist_ok=True)
    (OUT / "table.md").write_text(table)
    (OUT / "results.json").write_text(json.dumps(results, indent=1))
    print()
    print(table)
    meta = results["meta"]
    print(f"{meta['browser']}, plotly.py {meta['plotly_py']}, {meta['seconds']} s; wrote {OUT}/results.json")
    checks = [s[lib]["check"]["ok"] for s in results["shapes"].values() for lib in ("headwidget", "plotly")
              if "check" in s[lib]] + [s[lib]["rule"]["check"]["ok"] for s in results["shapes"].values()
              for lib in ("headwidget", "plotly") if "rule" in s[lib]]  # fmt: skip
    return 0 if all(checks) else 1


if __name__ == "__main__":
    sys.exit(main())
