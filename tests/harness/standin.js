// A minimal stand-in for the anywidget model, for tests and benchmarks in a
// plain page: the same get / set / on / off / save_changes the widget uses,
// with binary traits arriving as DataView exactly as anywidget hands them over.

// Traits a view may change and send back to Python.
const EDITABLE = ["layer_range", "visible", "title", "threshold", "top_k", "selected"];

/**
 * @param {Record<string, any>} state  JSON state; {"$bytes": base64} for binary traits
 */
export function createModel(state) {
  const values = {};
  for (const [key, value] of Object.entries(state)) values[key] = revive(value);
  /** @type {Map<string, Set<Function>>} */
  const listeners = new Map();
  const saved = [];
  const pick = (v) => Object.fromEntries(EDITABLE.map((k) => [k, v[k] ?? null]));
  let sent = pick(values);
  return {
    get: (key) => values[key],
    set(key, value) {
      // like Backbone: no change event when the value is equal
      const same = !(value instanceof DataView) && JSON.stringify(values[key]) === JSON.stringify(value);
      values[key] = value;
      if (same) return;
      for (const callback of [...(listeners.get(`change:${key}`) ?? [])]) callback();
    },
    on(event, callback) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(callback);
    },
    off(event, callback) {
      listeners.get(event)?.delete(callback);
    },
    save_changes() {
      sent = pick(values);
      saved.push(pick(values));
    },
    /** Number of callbacks still registered: zero after every view is cleaned up. */
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
    /** Each save_changes call's view-editable values, in order. */
    saved,
    /** What Python has received: the view-editable values as of the last save_changes. */
    json: () => ({ ...sent }),
  };
}

function revive(value) {
  if (value && typeof value === "object" && "$bytes" in value) {
    const raw = atob(value.$bytes);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return new DataView(bytes.buffer);
  }
  return value;
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
