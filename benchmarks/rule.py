"""Threshold steps, side by side: the widget's view re-classifying scored heads, and
plotly doing the same with a JS threshold slider (classify, then ``Plotly.restyle``).

A step is what one move of the view's threshold control costs: the new threshold
set on the model (the control does exactly that), then every panel redrawn. Plotly
gets the same scores in the page and does the same work a plotly-based tool must:
classify, compute the composite and per-category z, restyle every heatmap.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from headwidget import HeadMapWidget

# A threshold step: what the view's control does.
WIDGET_RULE_JS = """
([thresholds, apply]) => {
  const model = hw.models[hw.models.length - 1];
  return bench.steps(thresholds, apply, (t) => model.set("threshold", t));
}
"""

# The plotly page's threshold slider: classify the scores, recount the composite, restyle.
PLOTLY_RULE_SETUP_JS = """
([b64, shape]) => {
  const raw = atob(b64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  window.benchScores = { scores: new Float32Array(bytes.buffer), shape };
}
"""

PLOTLY_RULE_JS = """
([thresholds, apply]) => {
  const { scores, shape: [L, H, C] } = window.benchScores;
  const zFor = (t) => {
    const composite = Array.from({ length: H }, () => new Uint8Array(L));
    const single = Array.from({ length: C }, () => Array.from({ length: H }, () => new Uint8Array(L)));
    const t32 = Math.fround(t);  // compare in float32, as the widget and numpy do
    for (let l = 0; l < L; l++) for (let h = 0; h < H; h++) {
      let k = 0, first = -1;
      for (let c = 0; c < C; c++) {
        if (scores[(l * H + h) * C + c] >= t32) { single[c][h][l] = 1; k++; if (first < 0) first = c; }
      }
      composite[h][l] = k === 0 ? 0 : k === 1 ? first + 1 : C + k - 1;
    }
    return [composite, ...single];
  };
  return bench.steps(thresholds, apply, (t) => Plotly.restyle(window.benchPlot, { z: zFor(t) }));
}
"""


def make_scores(shape: tuple[int, int, int], seed: int) -> np.ndarray:
    """Seeded scores in [0, 1): a threshold t classifies about 1 - t of the heads."""
    return np.random.default_rng([seed, *shape]).random(shape, dtype=np.float32)


def make_thresholds(count: int, seed: int) -> list[float]:
    """``count`` thresholds near 0.8 (about a fifth of heads per category), consecutive ones different."""
    rng = np.random.default_rng([seed, count])
    return [round(float(t), 4) for t in 0.8 + 0.05 * rng.standard_normal(count)]


def scored_widget(shape: tuple[int, int, int], seed: int) -> HeadMapWidget:
    categories = [f"Category {i + 1}" for i in range(shape[2])]
    return HeadMapWidget.from_scores(make_scores(shape, seed), categories, threshold=0.8)


def widget_check(page: Any, widget: HeadMapWidget, threshold: float) -> dict[str, Any]:
    """Python classifies the last threshold as the view did: the composite's pixel at one head agrees."""
    widget.threshold = threshold
    from pages import composite_codes, composite_colors

    labels = widget.labels
    n_layers, n_heads, _ = labels.shape
    layer, head = n_layers - 1, n_heads // 2
    colour = composite_colors(widget._palette)[composite_codes(labels)[layer, head]]
    pixel = page.evaluate(
        """([layer, head]) => {
            const views = document.querySelectorAll(".view");
            const canvas = views[views.length - 1].querySelector("canvas.hw-canvas");
            const clip = canvas.parentElement.getBoundingClientRect();
            const cell = clip.width / (hw.models.at(-1).get("layer_range")[1] + 1);
            return [...canvas.getContext("2d").getImageData(
              Math.floor((layer + 0.5) * cell), Math.floor((head + 0.5) * cell), 1, 1).data].slice(0, 3);
        }""",
        [layer, head],
    )
    want = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return {"head": [layer, head], "expected_pixel": want, "pixel": pixel, "ok": pixel == want}


def bench_widget_rule(browser: Any, shape: tuple[int, int, int], reps: dict[str, int], seed: int) -> dict:
    """Threshold steps in one shown view of a scored widget, on a fresh page."""
    from measure import measured, update_summary
    from pages import BENCH_JS, VIEWPORT
    from tests.harness.harness import open_page, show

    widget = scored_widget(shape, seed)
    page = open_page(browser, **VIEWPORT)
    page.bring_to_front()
    page.evaluate(BENCH_JS)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    show(page, widget)
    page.evaluate(WIDGET_RULE_JS, [make_thresholds(reps["warmup"], seed + 1), True])
    thresholds = make_thresholds(reps["updates"], seed)
    _, base = measured(cdp, lambda: page.evaluate(WIDGET_RULE_JS, [thresholds, False]), len(thresholds))
    samples, raw = measured(cdp, lambda: page.evaluate(WIDGET_RULE_JS, [thresholds, True]), len(thresholds))
    result = update_summary(samples, raw, base)
    result["check"] = widget_check(page, widget, thresholds[-1])
    result["check"]["ok"] = result["check"]["ok"] and all(s["callbacks"] == 1 for s in samples)
    page.context.close()
    return result


def bench_plotly_rule(
    browser: Any, shape: tuple[int, int, int], reps: dict[str, int], seed: int, plotly_js: bytes
) -> dict:
    """The same threshold steps in plotly: the scores in the page, classify and restyle per step."""
    import base64

    from measure import measured, update_summary
    from pages import composite_codes, open_plotly_page, plotly_figure

    scores = make_scores(shape, seed)
    labels = scores >= np.float32(0.8)
    page = open_plotly_page(browser, plotly_js)
    page.bring_to_front()
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    fig = plotly_figure(labels, [f"Category {i + 1}" for i in range(shape[2])])
    page.evaluate(
        """async (json) => {
            const { data, layout } = JSON.parse(json);
            const gd = document.createElement("div");
            document.getElementById("plots").append(gd);
            window.benchPlot = gd;
            await Plotly.newPlot(gd, data, layout);
        }""",
        fig.to_json(),
    )
    page.evaluate(PLOTLY_RULE_SETUP_JS, [base64.b64encode(scores.astype("<f4").tobytes()).decode(), list(shape)])
    page.evaluate(PLOTLY_RULE_JS, [make_thresholds(reps["warmup"], seed + 1), True])
    thresholds = make_thresholds(reps["updates"], seed)
    _, base = measured(cdp, lambda: page.evaluate(PLOTLY_RULE_JS, [thresholds, False]), len(thresholds))
    samples, raw = measured(cdp, lambda: page.evaluate(PLOTLY_RULE_JS, [thresholds, True]), len(thresholds))
    result = update_summary(samples, raw, base)
    # Sanity: plotly's composite now holds the last threshold's classification.
    last = scores >= np.float32(thresholds[-1])
    z = page.evaluate("() => benchPlot.data[0].z.map((row) => Array.from(row))")
    codes = composite_codes(last).T
    result["check"] = {"ok": bool(np.array_equal(np.array(z), codes))}
    page.context.close()
    return result
