// Per-layer counts above the composite: how many heads of each layer are
// classified, stacked by their composite colour (each category alone, then
// heads in 2, 3, ... categories). Makes "specialisation emerges late" visible.

import { parseColor } from "./draw.js";

/**
 * Counts per layer and group, over the shown heads: group g < V is "only
 * visible category g", group V + k - 2 is "in k visible categories".
 * @param {Uint8Array} cells
 * @param {[number, number, number]} shape
 * @param {boolean[]} shown
 * @param {[number, number]} [heads]  inclusive range of heads counted; all by default
 * @returns {{counts: Uint16Array, groups: number, max: number}}  counts[layer * groups + g]
 */
export function layerCounts(cells, shape, shown, heads = [0, shape[1] - 1]) {
  const [L, H, C] = shape;
  const visible = [];
  for (let c = 0; c < C; c++) if (shown[c]) visible.push(c);
  const V = visible.length;
  const groups = Math.max(1, 2 * V - 1);
  const counts = new Uint16Array(L * groups);
  let max = 0;
  for (let l = 0; l < L; l++) {
    let total = 0;
    for (let h = heads[0]; h <= heads[1]; h++) {
      const base = (l * H + h) * C;
      let k = 0;
      let only = -1;
      for (let v = 0; v < V; v++) {
        if (cells[base + visible[v]] === 1) {
          k++;
          only = v;
        }
      }
      if (k === 0) continue;
      counts[l * groups + (k === 1 ? only : V + k - 2)]++;
      total++;
    }
    if (total > max) max = total;
  }
  return { counts, groups, max };
}

/** Height of the count bars in CSS pixels. */
export const COUNTS_HEIGHT = 40;

/**
 * The bars of every layer at one pixel per layer (height in device pixels),
 * built when data or visibility change; a range change only re-blits them.
 * @param {{counts: Uint16Array, groups: number, max: number}} tally
 * @param {string[]} colors  one per group
 * @param {number} nLayers
 * @param {number} height  device pixels
 * @returns {HTMLCanvasElement}
 */
export function countsSource({ counts, groups, max }, colors, nLayers, height) {
  const canvas = document.createElement("canvas");
  canvas.width = nLayers;
  canvas.height = height;
  if (max === 0) return canvas;
  // Pixels written directly (one column per layer), not one fillRect per bar segment.
  const rgb = colors.map(parseColor);
  const pixels = new Uint8ClampedArray(nLayers * height * 4);
  for (let l = 0; l < nLayers; l++) {
    let y = height;
    for (let g = 0; g < groups; g++) {
      const n = counts[l * groups + g];
      if (!n) continue;
      const h = Math.round((n / max) * height);
      for (let row = Math.max(0, y - h); row < y; row++) {
        const i = (row * nLayers + l) * 4;
        pixels[i] = rgb[g][0];
        pixels[i + 1] = rgb[g][1];
        pixels[i + 2] = rgb[g][2];
        pixels[i + 3] = 255;
      }
      y -= h;
    }
  }
  canvas.getContext("2d").putImageData(new ImageData(pixels, nLayers, height), 0, 0);
  return canvas;
}

/**
 * Show layers first..last of the bars, one cell wide each, nearest-neighbour.
 * @param {HTMLCanvasElement} canvas
 * @param {HTMLCanvasElement} source  from countsSource
 * @param {number} first
 * @param {number} last
 * @param {number} cell  device pixels per layer
 * @param {number} dpr
 */
export function drawCounts(canvas, source, first, last, cell, dpr) {
  const width = (last - first + 1) * cell;
  if (canvas.width !== width || canvas.height !== source.height) {
    canvas.width = width;
    canvas.height = source.height;
    canvas.style.width = `${width / dpr}px`;
    canvas.style.height = `${source.height / dpr}px`;
  }
  const ctx = canvas.getContext("2d");
  ctx.imageSmoothingEnabled = false;
  ctx.clearRect(0, 0, width, source.height);
  ctx.drawImage(source, first, 0, last - first + 1, source.height, 0, 0, width, source.height);
}
