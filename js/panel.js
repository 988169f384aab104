// One heatmap panel: title, canvas (clipped to the shown layers) and DOM axes.

import { minTickStep, tickValues } from "./layout.js";

/**
 * @typedef {object} Panel
 * @property {HTMLElement} el
 * @property {HTMLCanvasElement} canvas
 * @property {(title: string) => void} setTitle
 * @property {(widthCss: number) => void} setWidth  clip the canvas to the shown layers
 * @property {(x: number | null, y?: number, size?: number) => void} setCursor  outline one cell (CSS px), or none
 * @property {(d: string, stroke: number) => void} setSelection  SVG path outlining the selected heads
 * @property {(first: number, last: number, nHeads: number, cellCss: number) => void} setAxes
 */

/** @returns {Panel} */
export function createPanel() {
  const el = div("hw-panel");
  const title = div("hw-panel-title");
  const plot = div("hw-plot");
  const clip = div("hw-clip");
  const canvas = document.createElement("canvas");
  canvas.className = "hw-canvas";
  const cursor = div("hw-cursor");
  cursor.hidden = true;
  const svgNS = "http://www.w3.org/2000/svg";
  const selection = document.createElementNS(svgNS, "svg");
  selection.setAttribute("class", "hw-selection");
  const outline = document.createElementNS(svgNS, "path");
  selection.append(outline);
  clip.append(canvas, selection, cursor);
  const xTicks = div("hw-xticks");
  const yTicks = div("hw-yticks");
  const xLabel = div("hw-xlabel");
  xLabel.textContent = "layer";
  const yLabel = div("hw-ylabel");
  yLabel.textContent = "head";
  plot.append(clip, xTicks, yTicks, xLabel, yLabel);
  el.append(title, plot);

  let width = -1;
  let xKey = "";
  let yKey = "";
  /** @type {HTMLElement[]} */
  const xPool = [];
  /** @type {HTMLElement[]} */
  const yPool = [];
  return {
    el,
    canvas,
    setTitle(text) {
      title.textContent = text; // user text: never HTML
    },
    setCursor(x, y = 0, size = 0) {
      cursor.hidden = x === null;
      if (x === null) return;
      cursor.style.transform = `translate(${x}px, ${y}px)`;
      cursor.style.width = cursor.style.height = `${size}px`;
    },
    setSelection(d, stroke) {
      if (outline.getAttribute("d") !== d) outline.setAttribute("d", d);
      outline.style.strokeWidth = `${stroke}px`;
    },
    setWidth(widthCss) {
      if (widthCss === width) return;
      width = widthCss;
      clip.style.width = `${widthCss}px`;
    },
    setAxes(first, last, nHeads, cellCss) {
      const x = `${first},${last},${cellCss}`;
      if (x !== xKey) {
        xKey = x;
        const values = tickValues(first, last, minTickStep("x", last, cellCss));
        placeTicks(xTicks, xPool, "x", values, (v) => (v - first + 0.5) * cellCss);
      }
      const y = `${nHeads},${cellCss}`;
      if (y !== yKey) {
        yKey = y;
        const values = tickValues(0, nHeads - 1, minTickStep("y", nHeads - 1, cellCss));
        placeTicks(yTicks, yPool, "y", values, (v) => (v + 0.5) * cellCss);
      }
    },
  };
}

/**
 * Show `values` as ticks, reusing the elements already there: a slider drag
 * moves a few labels instead of rebuilding them.
 * @param {HTMLElement} container
 * @param {HTMLElement[]} pool  tick elements owned by `container`
 * @param {"x" | "y"} axis
 * @param {number[]} values
 * @param {(value: number) => number} offset  CSS pixels along the axis
 */
function placeTicks(container, pool, axis, values, offset) {
  while (pool.length < values.length) {
    const t = document.createElement("span");
    t.className = `hw-tick hw-tick-${axis}`;
    container.append(t);
    pool.push(t);
  }
  for (const t of pool.splice(values.length)) t.remove();
  pool.forEach((t, i) => {
    const text = String(values[i]);
    if (t.textContent !== text) t.textContent = text;
    t.style[axis === "x" ? "left" : "top"] = `${offset(values[i])}px`;
  });
}

/** @param {string} className */
function div(className) {
  const d = document.createElement("div");
  d.className = className;
  return d;
}
