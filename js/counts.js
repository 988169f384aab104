// Per-layer counts below the composite: how many heads of each layer are
// classified, stacked by their composite colour (each category alone, then
// heads in 2, 3, ... categories). Makes "specialisation emerges late" visible.

import { setHidden } from "./dom.js";
import { context2d, parseColor, sizeCanvas } from "./draw.js";
import { COUNTS_HEIGHT, headGroups } from "./layout.js";

/**
 * Classified heads per layer and group (layout.js's group rule), over the shown heads.
 * @param {Uint8Array} cells
 * @param {[number, number, number]} shape
 * @param {boolean[]} shown
 * @param {[number, number]} [heads]  inclusive range of heads counted; all by default
 * @param {Int16Array} [groups]  headGroups(cells, shape, shown), when the caller has it
 * @returns {Tally}
 */
export function layerCounts(cells, shape, shown, heads = [0, shape[1] - 1], groups = headGroups(cells, shape, shown)) {
  const [L, H] = shape;
  const V = shown.filter(Boolean).length;
  const nGroups = Math.max(0, 2 * V - 1);
  const counts = new Uint16Array(L * nGroups);
  let max = 0;
  for (let l = 0; l < L; l++) {
    let total = 0;
    for (let h = heads[0]; h <= heads[1]; h++) {
      const group = groups[l * H + h];
      if (group < 0) continue;
      counts[l * nGroups + group]++;
      total++;
    }
    if (total > max) max = total;
  }
  return { counts, groups: nGroups, max };
}

/**
 * @typedef {object} Tally
 * @property {Uint16Array} counts  counts[layer * groups + group]
 * @property {number} groups
 * @property {number} max  classified heads in the busiest layer: the bars' full height
 */

/**
 * Height of each bar segment (layer, group) in pixels for bars `height` tall,
 * rounded as Math.round does; stacked from group 0 at the bottom.
 * @param {Tally} tally
 * @param {number} height
 * @returns {Uint16Array}  heights[layer * groups + group]
 */
export function barHeights({ counts, max }, height) {
  const out = new Uint16Array(counts.length);
  if (max > 0) for (let i = 0; i < counts.length; i++) out[i] = Math.round((counts[i] / max) * height);
  return out;
}

/**
 * The bars of every layer at one pixel per layer (height in device pixels),
 * built when data or visibility change; a range change only re-blits them.
 * @param {Tally} tally
 * @param {string[]} colors  one per group
 * @param {number} nLayers
 * @param {number} height  device pixels
 * @param {HTMLCanvasElement} [canvas]  written over when given
 * @returns {HTMLCanvasElement}
 */
export function countsSource(tally, colors, nLayers, height, canvas = document.createElement("canvas")) {
  if (canvas.width !== nLayers || canvas.height !== height) {
    canvas.width = nLayers;
    canvas.height = height;
  }
  if (tally.max === 0) {
    context2d(canvas).clearRect(0, 0, nLayers, height);
    return canvas;
  }
  // Pixels written directly (one column per layer), not one fillRect per bar segment.
  const { groups } = tally;
  const heights = barHeights(tally, height);
  const rgb = colors.map(parseColor);
  const pixels = new Uint8ClampedArray(nLayers * height * 4);
  for (let l = 0; l < nLayers; l++) {
    let y = height;
    for (let g = 0; g < groups; g++) {
      const h = heights[l * groups + g];
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
  context2d(canvas).putImageData(new ImageData(pixels, nLayers, height), 0, 0);
  return canvas;
}

/**
 * Show layers first..last of the bars over the whole canvas (as wide as the composite's
 * box, sized once per geometry), nearest-neighbour: each layer's column is
 * canvas.width / shown layers wide, as the cells above it.
 * @param {HTMLCanvasElement} canvas
 * @param {HTMLCanvasElement} source  from countsSource
 * @param {number} first
 * @param {number} last
 */
export function drawCounts(canvas, source, first, last) {
  const ctx = context2d(canvas);
  ctx.imageSmoothingEnabled = false;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(source, first, 0, last - first + 1, source.height, 0, 0, canvas.width, canvas.height);
}

/**
 * @typedef {object} CountBars
 * @property {HTMLElement} el  the bars and their scale, at the foot of the composite
 * @property {HTMLCanvasElement} canvas
 * @property {(tally: Tally | null, colors: string[], nLayers: number, dpr: number) => void} build
 *   the bars of every layer, or none (count bars off: nothing shown, no room kept)
 * @property {(layers: [number, number], heads: [number, number], width: number, dpr: number) => void} draw
 *   the shown layers across `width` device px (the composite's box)
 */

/** @returns {CountBars} the count bars below the composite's "layer", their scale on the left */
export function createCountBars() {
  const el = document.createElement("div");
  el.className = "hw-counts-box";
  el.hidden = true;
  const canvas = document.createElement("canvas");
  canvas.className = "hw-counts";
  canvas.setAttribute("role", "img");
  // The scale sits where the head ticks are: 0 at the bars' foot, the busiest layer's count at the top.
  const scale = document.createElement("div");
  scale.className = "hw-counts-scale";
  scale.setAttribute("aria-hidden", "true");
  const top = document.createElement("span");
  top.className = "hw-tick hw-tick-y hw-counts-max";
  top.style.top = "0";
  const zero = document.createElement("span");
  zero.className = "hw-tick hw-tick-y hw-counts-zero";
  zero.style.top = "100%";
  zero.textContent = "0";
  scale.append(top, zero);
  el.append(canvas, scale);
  /** @type {HTMLCanvasElement | null} */
  let source = null;
  return {
    el,
    canvas,
    build(tally, colors, nLayers, dpr) {
      setHidden(el, tally === null);
      if (!tally) return;
      source = countsSource(tally, colors, nLayers, Math.round(COUNTS_HEIGHT * dpr), source ?? undefined);
      const max = String(tally.max);
      if (top.textContent !== max) top.textContent = max;
      setHidden(top, tally.max === 0);
    },
    draw(layers, heads, width, dpr) {
      if (!source || el.hidden) return;
      sizeCanvas(canvas, width, source.height, dpr); // once per geometry
      drawCounts(canvas, source, layers[0], layers[1]);
      const label = `classified heads per layer, layers ${layers[0]} to ${layers[1]}, heads ${heads[0]} to ${heads[1]}`;
      if (canvas.getAttribute("aria-label") !== label) canvas.setAttribute("aria-label", label);
    },
  };
}
