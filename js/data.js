// The model's data, decoded once per model (not once per view) and classified once
// per rule: every view of a model shares the result.

import { unpackLabels } from "./decode.js";
import { classify, decodeScores, scoreExtent } from "./scoring.js";

/**
 * The `_data` trait as the comm delivers it (src/headwidget/data.py, HeadData.to_json).
 * @typedef {object} SyncedData
 * @property {[number, number, number]} shape  (layers, heads, categories)
 * @property {string[]} categories
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
 * @property {Float32Array | null} scores
 * @property {[number, number]} extent  smallest and largest finite score ([0, 1] without scores)
 * @property {Rule | null} rule  the rule the cells follow, or null for fixed labels
 */

/**
 * @typedef {object} Decoded
 * @property {[number, number, number]} shape
 * @property {string[]} categories
 * @property {Uint8Array | null} bits
 * @property {Float32Array | null} scores
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
  const n = shape[0] * shape[1] * shape[2];
  const bits = raw.bits ? unpackLabels(raw.bits, shape) : null;
  const scores = raw.scores ? decodeScores(raw.scores, n) : null;
  return { shape, categories: raw.categories, bits, scores, extent: scores ? scoreExtent(scores) : [0, 1] };
}

/**
 * @param {Decoded} decoded
 * @param {Rule} rule
 * @returns {HeadData}
 */
function underRule({ shape, categories, bits, scores, extent }, rule) {
  const { threshold, topK } = rule;
  if (threshold === null && topK === null) {
    if (!bits) throw new Error("these scores need a rule: threshold or top_k");
    return { shape, categories, cells: bits, scores, extent, rule: null };
  }
  if (!scores) throw new Error("a threshold or top_k needs scores");
  return { shape, categories, cells: classify(scores, shape, rule), scores, extent, rule };
}
