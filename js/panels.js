// The row of panels (composite first): one source canvas per panel at one pixel
// per head, re-blitted into each panel for the shown layers and heads.

import { blit, sourceCanvas } from "./draw.js";
import { createPanel } from "./panel.js";

/**
 * @typedef {object} PanelRow
 * @property {import("./panel.js").Panel[]} panels  composite first
 * @property {(titles: string[], pixels: Uint8ClampedArray<ArrayBuffer>[], nLayers: number, nHeads: number) => void} setPixels
 *   one panel per title, drawn from these pixels (visible level)
 * @property {() => Uint8ClampedArray<ArrayBuffer>[]} pixels  the pixels last set, to be written over
 * @property {(layers: [number, number], heads: [number, number], cell: number, dpr: number, n: [number, number]) => void} draw
 *   blit the shown heads and place the ticks (range level)
 * @property {(d: string, stroke: number) => void} outline  the selected heads, in every panel
 * @property {(d: string) => void} veil  everything but the chosen combination, in every panel
 * @property {(x: number | null, y?: number, size?: number) => void} cursor  one head outlined in every panel
 */

/**
 * @param {HTMLElement} body  the element the panels are appended to
 * @param {HTMLElement} bars  the count bars, kept above the composite's plot
 * @returns {PanelRow}
 */
export function createPanelRow(body, bars) {
  /** @type {import("./panel.js").Panel[]} */
  const panels = [];
  /** @type {HTMLCanvasElement[]} */
  const sources = [];
  /** @type {Uint8ClampedArray<ArrayBuffer>[]} the pixels last drawn, for panelPixels to reuse */
  let last = [];
  return {
    panels,
    pixels: () => last,
    setPixels(titles, pixels, nLayers, nHeads) {
      last = pixels;
      while (panels.length < titles.length) {
        const panel = createPanel();
        panels.push(panel);
        body.append(panel.el);
      }
      for (const panel of panels.splice(titles.length)) panel.el.remove();
      sources.length = Math.min(sources.length, titles.length);
      titles.forEach((text, i) => {
        panels[i].setTitle(text);
        panels[i].el.classList.toggle("hw-composite", i === 0);
        sources[i] = sourceCanvas(pixels[i], nLayers, nHeads, sources[i]);
      });
      const plot = panels[0].el.querySelector(".hw-plot");
      if (bars.nextSibling !== plot) panels[0].el.insertBefore(bars, plot);
    },
    draw(layers, heads, cell, dpr, n) {
      const cellCss = cell / dpr;
      panels.forEach((panel, i) => {
        panel.setSize(blit(panel.canvas, sources[i], layers, heads, cell, dpr));
        panel.setAxes(layers, heads, cellCss, n);
      });
    },
    outline(d, stroke) {
      for (const panel of panels) panel.setSelection(d, stroke);
    },
    veil(d) {
      for (const panel of panels) panel.setVeil(d);
    },
    cursor(x, y, size) {
      for (const panel of panels) panel.setCursor(x, y, size);
    },
  };
}
