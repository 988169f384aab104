// The panels (composite first) in a grid that wraps: their pixels at one pixel per head,
// stacked in one source canvas (one context, one putImageData; several for a very tall
// model), re-blitted into each panel's fixed box for the shown layers
// and heads (the crop fills the box: a range step moves nothing).

import { blit, sourceCanvas } from "./draw.js";
import { createPanel } from "./panel.js";

/**
 * @typedef {object} PanelRow
 * @property {import("./panel.js").Panel[]} panels  composite first
 * @property {(titles: string[], pixels: Uint8ClampedArray<ArrayBuffer>[], nLayers: number, nHeads: number) => void} setPixels
 *   one panel per title, drawn from these pixels (visible level)
 * @property {() => Uint8ClampedArray<ArrayBuffer>[]} pixels  the pixels last set, to be written over
 * @property {(cols: number, room: import("./panel.js").AxisRoom) => void} arrange
 *   `cols` panels per row, each with the axes' room (range level; a no-op when unchanged)
 * @property {(layers: [number, number], heads: [number, number], geometry: import("./panel.js").Geometry, cellX: number, cellY: number) => void} draw
 *   size each box (once per geometry), blit the shown heads into it and write the ticks at the
 *   crop's cells (range level)
 * @property {(d: string, stroke: number) => void} outline  the selected heads, in every panel
 * @property {(d: string, sx: number, sy: number) => void} veil  everything but the chosen combination, in
 *   every panel (a path in cell units, drawn sx x sy px per cell)
 * @property {(x: number | null, y?: number, w?: number, h?: number) => void} cursor  one head outlined in every panel
 */

/**
 * @param {HTMLElement} grid  the element the panels are appended to
 * @param {HTMLElement} bars  the count bars, kept at the foot of the composite
 * @returns {PanelRow}
 */
export function createPanelRow(grid, bars) {
  /** @type {import("./panel.js").Panel[]} */
  const panels = [];
  /** @type {HTMLCanvasElement[]} the stacked sources: panel i in sources[i / perSource], rows from (i % perSource) * H */
  const sources = [];
  let perSource = 1;
  let rows = 0;
  /** @type {Uint8ClampedArray<ArrayBuffer>[]} the pixels last drawn, for panelPixels to reuse */
  let last = [];
  let arranged = "";
  return {
    panels,
    pixels: () => last,
    setPixels(titles, pixels, nLayers, nHeads) {
      last = pixels;
      while (panels.length < titles.length) {
        const panel = createPanel();
        panels.push(panel);
        grid.append(panel.el);
      }
      for (const panel of panels.splice(titles.length)) panel.el.remove();
      titles.forEach((text, i) => {
        panels[i].setTitle(text);
        panels[i].el.classList.toggle("hw-composite", i === 0);
      });
      perSource = Math.max(1, Math.floor(MAX_SOURCE_ROWS / nHeads));
      rows = nHeads;
      const n = Math.ceil(titles.length / perSource);
      sources.length = Math.min(sources.length, n);
      for (let g = 0; g < n; g++) {
        const k = Math.min(perSource, titles.length - g * perSource);
        sources[g] = sourceCanvas(stack(pixels, g * perSource, k), nLayers, k * nHeads, sources[g]);
      }
      if (bars.parentElement !== panels[0].el) panels[0].el.append(bars);
    },
    arrange(cols, { axis, labelGap, overhang }) {
      const key = `${cols},${axis},${labelGap},${overhang},${panels.length}`;
      if (key === arranged) return;
      arranged = key;
      // Every row holds `cols` panels (the last may hold fewer), each the same width.
      grid.style.gridTemplateColumns = `repeat(${cols}, max-content)`;
      // each box's own property, not a custom property on the grid: an inherited value
      // would restyle everything in it (a first render's second style pass)
      grid.style.paddingRight = `${overhang}px`;
      for (const panel of panels) panel.setAxisRoom(axis, labelGap);
    },
    draw(layers, heads, geometry, cellX, cellY) {
      panels.forEach((panel, i) => {
        panel.setGeometry(geometry);
        blit(panel.canvas, sources[Math.floor(i / perSource)], layers, heads, (i % perSource) * rows);
        panel.setAxes(layers, heads, cellX, cellY);
      });
    },
    outline(d, stroke) {
      for (const panel of panels) panel.setSelection(d, stroke);
    },
    veil(d, sx, sy) {
      for (const panel of panels) panel.setVeil(d, sx, sy);
    },
    cursor(x, y, w, h) {
      for (const panel of panels) panel.setCursor(x, y, w, h);
    },
  };
}

/** The tallest source canvas (rows of heads): panels past it go in another. */
const MAX_SOURCE_ROWS = 16384;

/**
 * Panels `from`..`from + k - 1`'s pixels as one image, a view when they lie in a row in
 * one buffer (js/draw.js panelPixels makes them so), else a copy.
 * @param {Uint8ClampedArray<ArrayBuffer>[]} pixels
 * @param {number} from
 * @param {number} k
 * @returns {Uint8ClampedArray<ArrayBuffer>}
 */
function stack(pixels, from, k) {
  const first = pixels[from];
  const size = first.length;
  let inRow = true;
  for (let j = 1; j < k; j++) {
    const p = pixels[from + j];
    if (p.buffer !== first.buffer || p.byteOffset !== first.byteOffset + j * size) inRow = false;
  }
  if (inRow) return new Uint8ClampedArray(first.buffer, first.byteOffset, k * size);
  const out = new Uint8ClampedArray(k * size);
  for (let j = 0; j < k; j++) out.set(pixels[from + j], j * size);
  return out;
}
