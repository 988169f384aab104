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
    /** @param {string} key */
    get: (key) => values[key],
    /** @param {string} key @param {any} value */
    set(key, value) {
      const same = !(value instanceof DataView) && JSON.stringify(values[key]) === JSON.stringify(value);
      values[key] = value;
      if (same) return;
      for (const callback of [...(listeners.get(`change:${key}`) ?? [])]) callback();
    },
    /** @param {string} event @param {Function} callback */
    on(event, callback) {
      const set = listeners.get(event) ?? new Set();
      set.add(callback);
      listeners.set(event, set);
    },
    /** @param {string} event @param {Function} callback */
    off(event, callback) {
      listeners.get(event)?.delete(callback);
    },
    save_changes() {}, // nothing to send: there is no kernel
    /** Callbacks still registered: zero once every view is cleaned up. */
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}

/**
 * Binary values, at any depth, back to the DataView the comm would hand over.
 * @param {any} value
 * @returns {any}
 */
function revive(value) {
  if (Array.isArray(value)) return value.map(revive);
  if (!value || typeof value !== "object") return value;
  if ("$bytes" in value) {
    const raw = atob(value.$bytes);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return new DataView(bytes.buffer);
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, revive(item)]));
}
