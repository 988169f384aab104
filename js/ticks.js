// One panel axis's tick labels and marks, drawn on a canvas strip beside the cells. A
// range step redraws this strip (a few marks and numbers) and touches no element: DOM
// labels cost a restyle and a paint chunk each per step, which at a small model is most
// of a step. The strip is sized once per geometry; its font and colours are the CSS's
// (read by js/panel.js from probe labels, again whenever the theme changes them).

import { context2d } from "./draw.js";

/** A tick mark's length and the gap between it and its label, CSS px (as the probes' CSS). */
const MARK = 4;
const GAP = 2;

/**
 * The text of the tick labels, as the CSS gives it.
 * @typedef {object} TickStyle
 * @property {string} font  a canvas font ("italic 600 11px Inter, sans-serif")
 * @property {string} color  the labels'
 * @property {string} mark  the marks'
 * @property {number} size  the font's size, CSS px (a label is one line of it)
 */

/**
 * One axis's strip for one geometry, CSS px.
 * @typedef {object} AxisSpec
 * @property {number} along  the cells' length along the axis
 * @property {number} across  the strip's depth: mark, gap and the widest label (y) or a line (x)
 * @property {number} pad  room past each end of the cells, for a label centred on an end cell
 * @property {number} dpr
 * @property {TickStyle} style
 */

/**
 * @typedef {object} Axis
 * @property {HTMLCanvasElement} canvas
 * @property {(spec: AxisSpec) => void} reset  a new geometry (sizes the canvas) or style
 * @property {(values: number[], offset: (value: number) => number) => void} draw
 *   these values' marks and labels, each centred on `offset(value)` CSS px along the axis
 */

/** @type {Map<string, {ascent: number, descent: number}>} a font's ascent and descent, CSS px */
const fontMetrics = new Map();

/**
 * @param {CanvasRenderingContext2D} ctx  its font set
 * @returns {{ascent: number, descent: number}}
 */
function metricsOf(ctx) {
  let m = fontMetrics.get(ctx.font);
  if (!m) {
    const measured = ctx.measureText("0123456789");
    m = { ascent: measured.fontBoundingBoxAscent, descent: measured.fontBoundingBoxDescent };
    fontMetrics.set(ctx.font, m);
  }
  return m;
}

/**
 * @param {"x" | "y"} axis  "x": labels under the cells; "y": labels left of them
 * @returns {Axis}
 */
export function createAxis(axis) {
  const canvas = document.createElement("canvas");
  canvas.className = `hw-axis hw-axis-${axis}`;
  /** @type {AxisSpec | null} */
  let spec = null;
  /** the labels' ascent and descent in `spec.style.font`, CSS px */
  let metrics = { ascent: 0, descent: 0 };
  return {
    canvas,
    reset(next) {
      spec = next;
      const { along, across, pad, dpr, style } = next;
      const [w, h] = axis === "x" ? [along + 2 * pad, across] : [across, along + 2 * pad];
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
      canvas.style.width = `${w}px`;
      canvas.style.height = `${h}px`;
      canvas.style[axis === "x" ? "left" : "top"] = `${-pad}px`;
      // the context's state, set once: sizing a canvas resets it, drawing keeps it
      const ctx = context2d(canvas);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0); // CSS px from here on
      ctx.font = style.font;
      ctx.textAlign = axis === "x" ? "center" : "right";
      ctx.textBaseline = "alphabetic";
      metrics = metricsOf(ctx);
    },
    draw(values, offset) {
      if (!spec) return;
      const { pad, style, across } = spec;
      const ctx = context2d(canvas);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      const { ascent, descent } = metrics;
      const line = style.size; // CSS puts a one-line label's baseline half the leading above its ascent
      ctx.fillStyle = style.mark;
      // each mark 1 px on whole px, over the cell's centre
      const marks = values.map((v) => pad + Math.round(offset(v) - 0.5));
      for (const m of marks) {
        if (axis === "x") ctx.fillRect(m, 0, 1, MARK);
        else ctx.fillRect(across - MARK, m, MARK, 1);
      }
      ctx.fillStyle = style.color;
      values.forEach((v, i) => {
        const middle = marks[i] + 0.5;
        if (axis === "x") ctx.fillText(String(v), middle, MARK + GAP + (line - ascent - descent) / 2 + ascent);
        else ctx.fillText(String(v), across - MARK - GAP, middle - (ascent + descent) / 2 + ascent);
      });
      canvas.dataset.ticks = values.join(" "); // what is drawn, for whoever reads the figure (tests)
    },
  };
}
