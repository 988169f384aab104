// The model's data, decoded once per model (not once per view) and classified once
// per rule: every view of a model shares the result.

import { unpackLabels } from "./decode.js";
import { classify, decodeScores, scoreExtent } from "./scoring.js";
import { groupCells, members } from "./tasks.js";

/**
 * The `_data` trait as the comm delivers it (src/headwidget/data.py, HeadData.to_json).
 * @typedef {object} SyncedData
 * @property {[number, number, number]} shape  (layers, heads, categories)
 * @property {string[]} categories
 * @property {string[] | null} [tasks]  with tasks grouped into categories: the last axis of bits and scores
 * @property {number[] | null} [groups]  each task's category position
 * @property {DataView | null} bits  fixed labels, packed; null when they follow from scores and rule
 * @property {DataView | null} scores  little-endian float32, or null
 */

/** @typedef {{threshold: number | null, topK: number | null}} Rule */

/**
 * What the views draw from.
 * @typedef {object} HeadData
 * @property {[number, number, number]} shape
 * @property {string[]} categories
 * @property {Uint8Array} cells  one byte (0/1) per (layer, head, category), C order, under the rule
 * @property {Float32Array | null} scores  per (layer, head, task) when tasks, else per category
 * @property {[number, number]} extent  smallest and largest finite score ([0, 1] without scores)
 * @property {Rule | null} rule  the rule the cells follow, or null for fixed labels
 * @property {Tasks | null} tasks  the tasks behind the categories, or null
 */

/**
 * Tasks grouped into categories (src/headwidget/tasks.py).
 * @typedef {object} Tasks
 * @property {string[]} names  one per task, the last axis of `cells` and of the scores
 * @property {number[]} index  each task's category position
 * @property {number[][]} members  each category's tasks, in task order
 * @property {Uint8Array} cells  one byte (0/1) per (layer, head, task), under the rule
 */

/**
 * @typedef {object} Decoded
 * @property {[number, number, number]} shape  (layers, heads, categories)
 * @property {string[]} categories
 * @property {{names: string[], index: number[], members: number[][]} | null} tasks
 * @property {Uint8Array | null} bits  per task when tasks
 * @property {Float32Array | null} scores  per task when tasks
 * @property {[number, number]} extent
 */

/** @type {WeakMap<object, {raw: SyncedData, decoded: Decoded, key: string, data: HeadData | null}>} */
const memo = new WeakMap();

/**
 * The model's data under its current rule; decoded when `_data` changes, classified
 * when the rule changes, and otherwise the same object for every view.
 * @param {Pick<import("./traits.js").Model, "get">} model
 * @returns {HeadData}
 */
export function headData(model) {
  const raw = model.get("_data");
  const rule = { threshold: model.get("threshold") ?? null, topK: model.get("top_k") ?? null };
  let entry = memo.get(model);
  if (!entry || entry.raw !== raw) {
    entry = { raw, decoded: decode(raw), key: "", data: null };
    memo.set(model, entry);
  }
  const key = `${rule.threshold}/${rule.topK}`;
  if (!entry.data || entry.key !== key) {
    entry.data = underRule(entry.decoded, rule);
    entry.key = key;
  }
  return entry.data;
}

/**
 * @param {SyncedData} raw
 * @returns {Decoded}
 */
export function decode(raw) {
  if (!raw || !Array.isArray(raw.shape) || raw.shape.length !== 3 || !Array.isArray(raw.categories)) {
    throw new TypeError("data must hold shape and categories");
  }
  const shape = raw.shape;
  const index = raw.tasks && raw.groups ? raw.groups : null;
  const tasks =
    raw.tasks && index ? { names: raw.tasks, index, members: members(index, shape[2]) } : null;
  /** @type {[number, number, number]} the bits' and scores' shape: per task when tasks */
  const columns = tasks ? [shape[0], shape[1], tasks.names.length] : shape;
  const n = columns[0] * columns[1] * columns[2];
  const bits = raw.bits ? unpackLabels(raw.bits, columns) : null;
  const scores = raw.scores ? decodeScores(raw.scores, n) : null;
  return { shape, categories: raw.categories, tasks, bits, scores, extent: scores ? scoreExtent(scores) : [0, 1] };
}

/**
 * @param {Decoded} decoded
 * @param {Rule} rule
 * @returns {HeadData}
 */
function underRule({ shape, categories, tasks, bits, scores, extent }, rule) {
  const { threshold, topK } = rule;
  const fixed = threshold === null && topK === null;
  if (fixed && !bits) throw new Error("these scores need a rule: threshold or top_k");
  if (!fixed && !scores) throw new Error("a threshold or top_k needs scores");
  if (!tasks) {
    const cells = fixed ? /** @type {Uint8Array} */ (bits) : classify(/** @type {Float32Array} */ (scores), shape, rule);
    return { shape, categories, cells, scores, extent, rule: fixed ? null : rule, tasks: null };
  }
  /** @type {[number, number, number]} */
  const columns = [shape[0], shape[1], tasks.names.length];
  const taskCells = fixed ? /** @type {Uint8Array} */ (bits) : classify(/** @type {Float32Array} */ (scores), columns, rule);
  const cells = groupCells(taskCells, shape[0] * shape[1], tasks.index, shape[2]);
  return { shape, categories, cells, scores, extent, rule: fixed ? null : rule, tasks: { ...tasks, cells: taskCells } };
}
