// One heatmap panel: title, canvas and the DOM axes around it.

import { minTickStep, tickValues } from "./layout.js";

/**
 * @typedef {object} Panel
 * @property {HTMLElement} el
 * @property {HTMLCanvasElement} canvas
 * @property {(title: string) => void} setTitle
 * @property {(first: number, last: number, nHeads: number, cellCss: number) => void} setAxes
 */

/** @returns {Panel} */
export function createPanel() {
  const el = document.createElement("div");
  el.className = "hw-panel";
  const title = document.createElement("div");
  title.className = "hw-panel-title";
  const plot = document.createElement("div");
  plot.className = "hw-plot";
  const canvas = document.createElement("canvas");
  canvas.className = "hw-canvas";
  const xTicks = document.createElement("div");
  xTicks.className = "hw-xticks";
  const yTicks = document.createElement("div");
  yTicks.className = "hw-yticks";
  const xLabel = document.createElement("div");
  xLabel.className = "hw-xlabel";
  xLabel.textContent = "layer";
  const yLabel = document.createElement("div");
  yLabel.className = "hw-ylabel";
  yLabel.textContent = "head";
  plot.append(canvas, xTicks, yTicks, xLabel, yLabel);
  el.append(title, plot);

  let axesKey = "";
  return {
    el,
    canvas,
    setTitle(text) {
      title.textContent = text; // user text: never HTML
    },
    setAxes(first, last, nHeads, cellCss) {
      const key = `${first},${last},${nHeads},${cellCss}`;
      if (key === axesKey) return; // unchanged: keep the DOM as it is
      axesKey = key;
      const xs = tickValues(first, last, minTickStep("x", last, cellCss));
      const ys = tickValues(0, nHeads - 1, minTickStep("y", nHeads - 1, cellCss));
      xTicks.replaceChildren(...xs.map((v) => tick("x", v, (v - first + 0.5) * cellCss)));
      yTicks.replaceChildren(...ys.map((v) => tick("y", v, (v + 0.5) * cellCss)));
    },
  };
}

/**
 * @param {"x" | "y"} axis
 * @param {number} value
 * @param {number} offset  CSS pixels from the plot's left (x) or top (y)
 */
function tick(axis, value, offset) {
  const t = document.createElement("span");
  t.className = `hw-tick hw-tick-${axis}`;
  t.style[axis === "x" ? "left" : "top"] = `${offset}px`;
  t.textContent = String(value);
  return t;
}
