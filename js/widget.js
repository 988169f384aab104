// anywidget entry point: a view per render, its model events wired to update
// levels (js/traits.js), and everything it added removed on cleanup.

import { TRAITS, levelsToRun } from "./traits.js";
import { createView } from "./view.js";

/** @typedef {import("./traits.js").Level} Level */

/**
 * @param {{ model: import("./traits.js").Model, el: HTMLElement }} context
 * @returns {() => void} cleanup
 */
function render({ model, el }) {
  /** @type {Set<Level>} levels changed since the last frame */
  const pending = new Set();
  let frame = 0;
  const view = createView(model, el, schedule);

  /** @param {Iterable<Level>} changed */
  function update(changed) {
    try {
      for (const level of levelsToRun(changed)) view.run(level);
      view.fail(null);
    } catch (err) {
      view.fail(err);
    }
  }
  // Changes arriving within one frame (a slider drag, a batch of traits) draw once.
  /** @param {Level} level */
  function schedule(level) {
    pending.add(level);
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const changed = [...pending];
      pending.clear();
      update(changed);
    });
  }

  const handlers = Object.entries(TRAITS).map(([trait, level]) => /** @type {const} */ ([`change:${trait}`, () => schedule(level)]));
  for (const [event, handler] of handlers) model.on(event, handler);
  update(["data", "title"]);

  // Moving the window to a screen of another pixel density redraws at the new one.
  /** @type {MediaQueryList | null} */
  let density = null;
  const watchDensity = () => {
    density?.removeEventListener("change", onDensity);
    density = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    density.addEventListener("change", onDensity);
  };
  const onDensity = () => {
    watchDensity();
    schedule("heads"); // the count bars are built at the screen's density, and cells are whole device pixels
  };
  watchDensity();

  return () => {
    density?.removeEventListener("change", onDensity);
    for (const [event, handler] of handlers) model.off(event, handler);
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    view.remove(); // its DOM, and the ResizeObserver that re-fits it to the output's width
  };
}

/** @satisfies {import("@anywidget/types").AnyWidget<import("./traits.js").State>} */
export default { render };
