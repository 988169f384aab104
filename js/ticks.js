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

/**
 * A label drawn once, at a device pixel density, to be copied wherever it shows: shaping
 * text (fillText) costs a step far more than copying its pixels.
 * @typedef {object} Stamp
 * @property {HTMLCanvasElement | OffscreenCanvas} image
 * @property {number} width  its text's advance, device px
 * @property {number} ascent  its baseline below the image's top, device px
 */

/** @type {Map<string, Stamp>} by font, colour, density and text */
const stamps = new Map();
/** Stamps kept before all are dropped (a model has at most as many labels as values). */
const MAX_STAMPS = 4096;

/**
 * @param {string} text @param {TickStyle} style @param {number} dpr
 * @param {{ascent: number, descent: number}} metrics  CSS px
 * @returns {Stamp}
 */
function stamp(text, style, dpr, metrics) {
  const key = `${style.font}|${style.color}|${dpr}|${text}`;
  let s = stamps.get(key);
  if (s) return s;
  if (stamps.size >= MAX_STAMPS) stamps.clear();
  const ascent = Math.ceil(metrics.ascent * dpr) + 1;
  const height = ascent + Math.ceil(metrics.descent * dpr) + 1;
  const probe = context2d(scratch());
  probe.font = style.font;
  const width = probe.measureText(text).width * dpr;
  const image = typeof OffscreenCanvas === "function" ? new OffscreenCanvas(1, 1) : document.createElement("canvas");
  image.width = Math.ceil(width) + 2;
  image.height = height;
  const ctx = /** @type {CanvasRenderingContext2D} */ (image.getContext("2d"));
  ctx.scale(dpr, dpr);
  ctx.font = style.font;
  ctx.fillStyle = style.color;
  ctx.textBaseline = "alphabetic";
  ctx.fillText(text, 1 / dpr, ascent / dpr);
  s = { image, width, ascent };
  stamps.set(key, s);
  return s;
}

/** @type {HTMLCanvasElement | null} */
let scratchCanvas = null;
/** A canvas for measuring text. */
function scratch() {
  scratchCanvas ??= document.createElement("canvas");
  return scratchCanvas;
}

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
      metrics = metricsOf(ctx);
    },
    draw(values, offset) {
      if (!spec) return;
      const { pad, style, across, dpr } = spec;
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
      // each label copied from its stamp onto whole device px: centred under its mark
      // (x), or ending at the gap, centred on its mark (y)
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      values.forEach((v, i) => {
        const s = stamp(String(v), style, dpr, metrics);
        const middle = marks[i] + 0.5;
        const [left, baseline] =
          axis === "x"
            ? [middle * dpr - s.width / 2, (MARK + GAP + (line - ascent - descent) / 2 + ascent) * dpr]
            : [(across - MARK - GAP) * dpr - s.width, (middle - (ascent + descent) / 2 + ascent) * dpr];
        ctx.drawImage(s.image, Math.round(left) - 1, Math.round(baseline) - s.ascent);
      });
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      canvas.dataset.ticks = values.join(" "); // what is drawn, for whoever reads the figure (tests)
    },
  };
}
