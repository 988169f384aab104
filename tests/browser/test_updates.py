"""Update levels in the browser: each change redraws only what it invalidates, once."""

from __future__ import annotations

import numpy as np
import pytest

from headwidget import HeadMapWidget, example_labels
from headwidget.palette import palette_for
from headwidget.scoring import classify
from tests.harness.harness import show
from tests.helpers.views import cell_color

# Counts every pixel operation on any canvas of the page from now on (and, apart, on the
# panels' canvases).
COUNT_PAINTS = """() => {
  window.paints = 0;
  window.panelPaints = 0;
  for (const name of ["drawImage", "putImageData", "clearRect", "fillRect"]) {
    const original = CanvasRenderingContext2D.prototype[name];
    CanvasRenderingContext2D.prototype[name] = function (...args) {
      window.paints++;
      if (this.canvas.classList.contains("hw-canvas")) window.panelPaints++;
      return original.apply(this, args);
    };
  }
}"""


def paints_after(page, script: str, *args) -> int:
    page.evaluate("() => { window.paints = 0; }")
    page.evaluate(script, *args)
    page.evaluate("hw.frame()")
    return page.evaluate("window.paints")


def test_selection_and_title_repaint_no_canvas(page):
    show(page, HeadMapWidget(example_labels(), layer_range=(18, 31), show_counts=True))
    page.evaluate("hw.frame()")
    page.evaluate(COUNT_PAINTS)
    view = page.locator(".view").first
    assert paints_after(page, "() => hw.models[0].set('selected', [[20, 3], [21, 3]])") == 0
    outline = view.locator(".hw-outline").first.get_attribute("d")
    assert outline.count("M") == 2  # both heads outlined
    assert view.locator(".hw-clear").is_visible()
    assert paints_after(page, "() => hw.models[0].set('title', 'A new title')") == 0
    assert view.locator(".hw-title").inner_text() == "A new title"
    # the control: a layer-range step repaints the count bars (cleared, re-blitted) and moves
    # the panels' canvases without repainting them
    before = view.locator(".hw-canvas").first.bounding_box()
    assert paints_after(page, "() => hw.models[0].set('layer_range', [19, 31])") == 2
    assert page.evaluate("window.panelPaints") == 0
    assert view.locator(".hw-canvas").first.bounding_box() != before


@pytest.mark.parametrize(("counts", "paints"), [(False, 3), (True, 6)], ids=["bars-off", "bars-on"])
def test_a_threshold_step_in_the_view_redraws_once(page, counts, paints):
    flat = np.arange(30, dtype=np.float32) / 29
    scores = np.stack([flat, 1 - flat], axis=-1).reshape(6, 5, 2)
    widget = HeadMapWidget.from_scores(scores, ["Up", "Down"], threshold=0.5, show_counts=counts)
    show(page, widget)
    page.evaluate("hw.frame()")
    page.evaluate(COUNT_PAINTS)
    page.locator(".hw-rule input").focus()
    page.evaluate("() => { window.paints = 0; }")
    page.keyboard.press("ArrowRight")  # one step of the threshold
    page.evaluate("hw.frame()")
    sent = page.evaluate("hw.models[0].saved")
    assert len(sent) == 1 and sent[0]["top_k"] is None
    threshold = sent[0]["threshold"]
    assert threshold > 0.5
    # one redraw: each of the 3 panels' pixels written once; with the count bars on, also their source written and the
    # bars blitted (+ 1 clear); with them off, nothing of theirs
    assert page.evaluate("window.paints") == paints
    expected = classify(scores, threshold=threshold)
    palette = palette_for(2)
    colour = {(1, 1): palette["multi"][0], (1, 0): palette["categories"][0], (0, 1): palette["categories"][1]}
    for layer, head in [(3, 0), (3, 1), (2, 4), (5, 4)]:
        want = colour.get(tuple(int(x) for x in expected[layer, head]), palette["unclassified"])
        got = cell_color(page.locator(".view").first, 0, layer, head, layers=(0, 5), heads=5)
        assert got == want, (layer, head)
