// A model for a page with no kernel (the standalone HTML export): the subset of
// the anywidget model the widget uses, with binary traits revived from base64.

/**
 * @param {Record<string, any>} state  JSON state; {"$bytes": base64} for binary traits
 */
export function createLocalModel(state) {
  /** @type {Record<string, any>} */
  const values = {};
  for (const [key, value] of Object.entries(state)) values[key] = revive(value);
  /** @type {Map<string, Set<Function>>} */
  const listeners = new Map();
  return {
    get: (key) => values[key],
    set(key, value) {
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
    save_changes() {}, // nothing to send: there is no kernel
    /** Callbacks still registered: zero once every view is cleaned up. */
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}

/** @param {any} value */
function revive(value) {
  if (value && typeof value === "object" && "$bytes" in value) {
    const raw = atob(value.$bytes);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return new DataView(bytes.buffer);
  }
  return value;
}
