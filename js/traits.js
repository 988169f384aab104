// The synced traits (src/headwidget/traits.py): their types, and what each costs a
// view when it changes. Python tags every synced trait with the same level; a test
// holds the two lists equal.

/**
 * The model's state: every synced trait.
 * @typedef {object} State
 * @property {import("./data.js").SyncedData} _data
 * @property {import("./layout.js").Palette} _palette
 * @property {number | null} threshold
 * @property {number | null} top_k
 * @property {string[]} visible
 * @property {[number, number]} head_range  inclusive
 * @property {[number, number]} layer_range  inclusive
 * @property {[number, number][]} selected
 * @property {string} title
 * @property {boolean} show_counts  the per-layer count bars below the composite
 * @property {boolean} continuous_update  the view's sliders send every step (true) or the range on release
 * @property {string} _figure_id  32 hex digits naming this widget's live view and static figure in a page
 */

/**
 * What the widget uses of anywidget's model, so the standalone page's local model
 * (js/model.js) serves as well.
 * @typedef {Pick<import("@anywidget/types").AnyModel<State>, "get" | "set" | "on" | "off" | "save_changes">} Model
 */

/** @typedef {"data" | "rule" | "visible" | "heads" | "range" | "selection" | "title"} Level */

/**
 * Levels from most to least work. Each level of the chain data .. selection also
 * redoes every level after it (new data needs new pixels, new pixels a new crop,
 * a new crop new outlines); "title" stands alone.
 * @type {readonly Level[]}
 */
export const LEVELS = ["data", "rule", "visible", "heads", "range", "selection", "title"];

/**
 * The synced traits and their levels: the view's event list.
 * @type {Readonly<Record<keyof State, Level>>}
 */
export const TRAITS = {
  _data: "data",
  _palette: "data",
  threshold: "rule",
  top_k: "rule",
  visible: "visible",
  head_range: "heads",
  layer_range: "range",
  selected: "selection",
  title: "title",
  show_counts: "heads",
  continuous_update: "title", // read when a slider moves; redraws nothing, so the cheapest level
  _figure_id: "title", // fixed per widget: pairs the view with its static figure (published.py)
};

/**
 * The levels to run, in order, for a set of changed levels.
 * @param {Iterable<Level>} changed
 * @returns {Level[]}
 */
export function levelsToRun(changed) {
  const set = new Set(changed);
  const chain = LEVELS.slice(0, -1);
  const first = chain.findIndex((level) => set.has(level));
  const run = first < 0 ? [] : chain.slice(first);
  if (set.has("title")) run.push("title");
  return run;
}
