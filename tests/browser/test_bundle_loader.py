"""The widget's ``_esm`` imported as anywidget imports it (a new blob URL per model): every
display draws, and all of them share one module, loaded once per page (headwidget.bundle)."""

from __future__ import annotations

from headwidget import HeadMapWidget, example_labels
from tests.harness.harness import widget_state

# Import the loader twice, as two models would, and draw a view with each import.
IMPORT_TWICE = """async ([loader, state]) => {
  const load = async () => (await import(URL.createObjectURL(new Blob([loader], {type: "text/javascript"})))).default;
  const first = await load();
  const second = await load();
  const key = Object.getOwnPropertySymbols(globalThis).filter((s) => String(s).includes("headwidget.bundle"));
  for (const widget of [first, second]) {
    const el = document.createElement("div");
    el.className = "loaded";
    document.body.append(el);
    widget.render({ model: hw.createModel(state), el });
  }
  await hw.frame();
  return {
    same: first === second,
    keys: key.length,
    canvases: [...document.querySelectorAll(".loaded")].map((el) => el.querySelectorAll(".hw-canvas").length),
  };
}"""


def test_each_display_draws_from_one_module_loaded_once(page):
    widget = HeadMapWidget(example_labels())
    got = page.evaluate(IMPORT_TWICE, [widget._esm, widget_state(widget)])
    assert got == {"same": True, "keys": 1, "canvases": [5, 5]}
