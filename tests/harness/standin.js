// A minimal stand-in for the anywidget model, for tests and benchmarks in a
// plain page: the same get / set / on / off / save_changes the widget uses,
// with binary traits arriving as DataView exactly as anywidget hands them over.

import { createLocalModel } from "/model.js";

/**
 * The standalone page's local model (js/model.js), plus a record of what a view
 * sends back with save_changes: what Python would receive.
 * @param {Record<string, any>} state  JSON state; {"$bytes": base64} for binary traits
 * @param {string[]} editable  the traits a view may change (Python's traits.from_view)
 */
export function createModel(state, editable) {
  const model = createLocalModel(state);
  const pick = () => Object.fromEntries(editable.map((k) => [k, model.get(k) ?? null]));
  const saved = [];
  let sent = pick();
  return {
    ...model,
    save_changes() {
      sent = pick();
      saved.push(sent);
    },
    /** Each save_changes call's view-editable values, in order. */
    saved,
    /** What Python has received: the view-editable values as of the last save_changes. */
    json: () => ({ ...sent }),
  };
}

// Count animation frames still pending, so a test can tell a removed view left none.
const request = window.requestAnimationFrame.bind(window);
const cancel = window.cancelAnimationFrame.bind(window);
const live = new Set();
window.requestAnimationFrame = (callback) => {
  const id = request((t) => { live.delete(id); callback(t); });
  live.add(id);
  return id;
};
window.cancelAnimationFrame = (id) => { live.delete(id); cancel(id); };
export const pendingAnimationFrames = () => live.size;

// Count resize observers still observing, so a test can tell a removed view disconnected its own.
const Observer = window.ResizeObserver;
const observing = new Set();
window.ResizeObserver = class extends Observer {
  observe(...args) {
    observing.add(this);
    return super.observe(...args);
  }
  disconnect() {
    observing.delete(this);
    return super.disconnect();
  }
};
export const liveResizeObservers = () => observing.size;
