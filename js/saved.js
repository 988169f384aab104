// Saved widget state, as ipywidgets writes it into a published page (nbconvert,
// myst-nb, "Save Widget State"): finding headwidget's models in it and turning one
// into the state js/model.js takes. The page is untrusted input: every function here
// checks what it reads and throws a plain Error for anything else. No DOM.

/** anywidget's `_anywidget_id` of HeadMapWidget (module.qualname of the Python class). */
export const ANYWIDGET_ID = "headwidget.widget.HeadMapWidget";

/**
 * One model of the saved state:
 * {model_name, model_module, model_module_version, state, buffers?}.
 * @typedef {{state: Record<string, any>, buffers?: unknown, [key: string]: unknown}} SavedModel
 */

/** Keys a buffer path must never walk through: they reach prototypes, not data. */
const FORBIDDEN = new Set(["__proto__", "prototype", "constructor"]);

/**
 * Every model of one or more saved-state documents (the text of each
 * `<script type="application/vnd.jupyter.widget-state+json">`), by model id. A document
 * that is not JSON of the expected form is reported through `warn` and skipped.
 * @param {Iterable<string>} texts
 * @param {(message: string) => void} warn
 * @returns {Map<string, unknown>}
 */
export function savedModels(texts, warn) {
  /** @type {Map<string, unknown>} */
  const models = new Map();
  for (const text of texts) {
    try {
      const doc = JSON.parse(text);
      if (!isObject(doc) || !isObject(doc.state)) throw new Error("no state object");
      if (doc.version_major !== 2) throw new Error(`version_major ${String(doc.version_major)}, expected 2`);
      for (const [id, model] of Object.entries(doc.state)) models.set(id, model);
    } catch (err) {
      warn(`a saved widget state was skipped: ${message(err)}`);
    }
  }
  return models;
}

/**
 * The model id a widget-view script names, or null when it names none.
 * @param {string} text
 * @returns {string | null}
 */
export function viewModelId(text) {
  try {
    const view = JSON.parse(text);
    return isObject(view) && typeof view.model_id === "string" ? view.model_id : null;
  } catch {
    return null;
  }
}

/**
 * Whether a saved model is a HeadMapWidget: anywidget's id says so, or (a subclass,
 * which anywidget names after itself) its state has headwidget's own trait keys.
 * @param {unknown} model
 * @returns {model is SavedModel}
 */
export function isHeadMap(model) {
  if (!isObject(model) || !isObject(model.state)) return false;
  const state = model.state;
  if (state._anywidget_id === ANYWIDGET_ID) return true;
  return "_data" in state && "_figure_id" in state && "_palette" in state;
}

/**
 * The state for js/model.js `createLocalModel`: the saved state with each binary
 * buffer put back at its path as {"$bytes": base64}, and without `_esm` / `_css`
 * (the page's code is never run: the bundle that reads this state draws).
 * @param {SavedModel} model
 * @returns {Record<string, any>}
 */
export function localState(model) {
  /** @type {Record<string, any>} */
  const state = structuredClone(model.state);
  delete state._esm;
  delete state._css;
  const buffers = model.buffers ?? [];
  if (!Array.isArray(buffers)) throw new Error("buffers is not a list");
  for (const buffer of buffers) {
    if (!isObject(buffer) || !Array.isArray(buffer.path) || buffer.path.length === 0) {
      throw new Error("a buffer has no path");
    }
    if (buffer.encoding !== "base64" || typeof buffer.data !== "string") {
      throw new Error(`buffer ${pathText(buffer.path)} is not base64 text`);
    }
    put(state, buffer.path, { $bytes: buffer.data });
  }
  check(state);
  return state;
}

/**
 * Set `value` at `path` in `root`, whose every step but the last must already exist
 * as the saved state's own object or list (as ipywidgets' `_remove_buffers` left it).
 * @param {Record<string, any>} root
 * @param {unknown[]} path
 * @param {unknown} value
 */
function put(root, path, value) {
  /** @type {any} */
  let node = root;
  for (const [i, key] of path.entries()) {
    const ok =
      (typeof key === "string" && !FORBIDDEN.has(key) && isObject(node)) ||
      (Number.isInteger(key) && Array.isArray(node) && /** @type {number} */ (key) >= 0 && /** @type {number} */ (key) <= node.length);
    if (!ok) throw new Error(`buffer path ${pathText(path)} does not fit the state`);
    const step = /** @type {string | number} */ (key);
    if (i === path.length - 1) {
      node[step] = value;
      return;
    }
    if (!Object.hasOwn(node, step) || !(isObject(node[step]) || Array.isArray(node[step]))) {
      throw new Error(`buffer path ${pathText(path)} does not fit the state`);
    }
    node = node[step];
  }
}

/**
 * The traits a view reads before it draws, checked for their JSON types (the values
 * themselves are the view's to check, and js/data.js checks the data).
 * @param {Record<string, any>} state
 */
function check(state) {
  const data = state._data;
  if (!isObject(data) || !Array.isArray(data.shape) || data.shape.length !== 3 || !data.shape.every(isCount)) {
    throw new Error("_data has no shape of three counts");
  }
  if (!Array.isArray(data.categories) || !data.categories.every((c) => typeof c === "string")) {
    throw new Error("_data categories are not names");
  }
  if (!isObject(state._palette) || !Array.isArray(state._palette.categories)) throw new Error("_palette is not a palette");
  for (const key of ["layer_range", "head_range"]) {
    const range = state[key];
    if (!Array.isArray(range) || range.length !== 2 || !range.every(Number.isInteger)) {
      throw new Error(`${key} is not two integers`);
    }
  }
  if (!Array.isArray(state.visible) || !state.visible.every((c) => typeof c === "string")) {
    throw new Error("visible is not a list of names");
  }
  if (!Array.isArray(state.selected ?? [])) throw new Error("selected is not a list");
}

/** @param {unknown} value @returns {value is Record<string, any>} */
const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
/** @param {unknown} n */
const isCount = (n) => Number.isInteger(n) && /** @type {number} */ (n) >= 1;
/** @param {unknown[]} path */
const pathText = (path) => JSON.stringify(path).slice(0, 80);
/** @param {unknown} err */
export const message = (err) => (err instanceof Error ? err.message : String(err)).slice(0, 200);
