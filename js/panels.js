// The panels (composite first) in a grid that wraps: each panel's canvas holds its pixels
// at one pixel per head, scaled into the panel's fixed box and moved for the shown layers
// and heads (the crop fills the box: a range step moves nothing and redraws no canvas).

import { createPanel, cropOf } from "./panel.js";

/**
 * @typedef {object} PanelRow
 * @property {import("./panel.js").Panel[]} panels  composite first
 * @property {(titles: string[], pixels: Uint8ClampedArray<ArrayBuffer>[], nLayers: number, nHeads: number) => void} setPixels
 *   one panel per title, drawn from these pixels (visible level)
 * @property {() => Uint8ClampedArray<ArrayBuffer>[]} pixels  the pixels last set, to be written over
 * @property {(cols: number, room: import("./panel.js").AxisRoom) => void} arrange
 *   `cols` panels per row, each with the axes' room (range level; a no-op when unchanged)
 * @property {(layers: [number, number], heads: [number, number], geometry: import("./panel.js").Geometry, cellX: number, cellY: number) => void} draw
 *   size each box (once per geometry), show the shown heads over it and write the ticks at
 *   the crop's cells (range level)
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
  /** @type {Uint8ClampedArray<ArrayBuffer>[]} the pixels last drawn, for groupPixels to reuse */
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
        panels[i].setPixels(pixels[i], nLayers, nHeads);
      });
      if (bars.parentElement !== panels[0].el) panels[0].el.append(bars);
    },
    arrange(cols, axes) {
      const key = `${cols},${axes.axis},${axes.labelGap},${axes.overhang},${panels.length}`;
      if (key === arranged) return;
      arranged = key;
      arrangeGrid(grid, panels, cols, axes);
    },
    draw(layers, heads, geometry, cellX, cellY) {
      showCrop(panels, geometry, layers, heads, cellX, cellY);
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

/**
 * `cols` panels per row in `grid` (the last row may hold fewer), each the same width, with
 * the axes' room: each box's own padding, not a custom property on the grid, which every
 * element in it would inherit and restyle for (a first render's second style pass).
 * @param {HTMLElement} grid
 * @param {import("./panel.js").Panel[]} panels
 * @param {number} cols
 * @param {import("./panel.js").AxisRoom} axes
 */
export function arrangeGrid(grid, panels, cols, { axis, labelGap, overhang }) {
  grid.style.gridTemplateColumns = `repeat(${cols}, max-content)`;
  grid.style.paddingRight = `${overhang}px`;
  for (const panel of panels) panel.setAxisRoom(axis, labelGap);
}

/**
 * Size each panel's box (a no-op unless the geometry changed) and show the crop over it,
 * worked out once for them all (they share the geometry).
 * @param {import("./panel.js").Panel[]} panels
 * @param {import("./panel.js").Geometry} geometry
 * @param {[number, number]} layers
 * @param {[number, number]} heads
 * @param {number} cellX  a shown head's cell, CSS px
 * @param {number} cellY
 */
export function showCrop(panels, geometry, layers, heads, cellX, cellY) {
  const crop = cropOf(geometry, layers, heads, cellX, cellY);
  for (const panel of panels) {
    panel.setGeometry(geometry);
    panel.setCrop(crop);
  }
}
