// One heatmap panel: title, canvas (its box fixed per geometry, the crop filling it) and
// DOM axes (js/ticks.js: a label per value, moved on a range step).
// Text sizes come from the CSS (JupyterLab's font variables); the room the axes
// need is measured from the DOM (`measure`), never assumed from a font size.

import { control, div, setHidden } from "./dom.js";
import { cropTransform, putPixels } from "./draw.js";
import { minTickStep, tickValues } from "./layout.js";
import { createAxisTicks, placement } from "./ticks.js";

/**
 * @typedef {object} AxisRoom  what one panel's axes need, in CSS px (measured once per geometry)
 * @property {number} tickFont  the tick labels' font size
 * @property {number} axis  left of the cells: tick marks, the widest head label, a gap, "head"
 * @property {number} labelGap  the cells' left edge to the centre line of "head"
 * @property {number} overhang  how far the widest layer label, centred on the last cell, reaches past the cells
 * @property {number} title  the title's height with its gap to the cells
 * @property {[number, number]} xTick  a layer label's box (the widest, its mark above it), CSS px
 * @property {[number, number]} yTick  a head label's box (the widest, its mark beside it), CSS px
 */

/**
 * A category panel's button that opens its tasks (js/taskrows.js).
 * @typedef {object} Toggle
 * @property {string} name  the category
 * @property {string[]} tasks  its tasks' names
 * @property {boolean} expanded  its task row is open
 * @property {() => void} onToggle
 */

/**
 * @typedef {object} Panel
 * @property {HTMLElement} el
 * @property {HTMLCanvasElement} canvas
 * @property {(title: string) => void} setTitle
 * @property {HTMLElement} clip  the focusable plot area (keyboard and pointer land here)
 * @property {(pixels: Uint8ClampedArray<ArrayBuffer>, nLayers: number, nHeads: number) => void} setPixels
 *   the panel's pixels, one per head (visible level)
 * @property {(geometry: Geometry) => void} setGeometry  size the box, its canvas's box and the tick labels
 *   (a no-op when unchanged: call it every step, it costs a comparison)
 * @property {(x: number | null, y?: number, w?: number, h?: number) => void} setCursor  outline one cell (CSS px), or none
 * @property {(d: string, stroke: number) => void} setSelection  SVG path outlining the selected heads
 * @property {(d: string, sx?: number, sy?: number) => void} setVeil  SVG path dimming all but a chosen combination
 *   ("" for none), in cell units: drawn `sx` x `sy` px per cell
 * @property {(axis: number, labelGap: number) => void} setAxisRoom  the room left of the cells
 *   for the head axis, and where "head" stands in it (CSS px, from `probe`)
 * @property {(toggle: Toggle | null) => void} setToggle  the "▸ N tasks" button beside the title, or none
 * @property {(crop: Crop) => void} setCrop  show a crop of the geometry's (`cropOf`): the canvas
 *   moved over the whole box, never redrawn, and the ticks at the crop's cells
 * @property {(widestLayer: string, widestHead: string) => {read: () => AxisRoom, remove: () => void}} probe
 *   put labels this wide in the axes; `read` their room (forces a layout), `remove` them after
 *   every other measurement, so the view lays out once
 */

/**
 * A panel's geometry: its box in device px (the whole model's cells: it never follows
 * the crop), and what sizes its tick labels.
 * @typedef {object} Geometry
 * @property {number} w  the box's width, device px
 * @property {number} h  the box's height, device px
 * @property {number} dpr
 * @property {[number, number]} n  layers and heads of the model
 * @property {number} fontPx  the tick labels' font size, CSS px
 * @property {[number, number]} xTick  each layer label's box (AxisRoom), CSS px
 * @property {[number, number]} yTick  each head label's box, CSS px
 * @property {string} key  all of the above: two geometries with one key are the same
 */

/**
 * A grid's panels' geometry: boxes of the whole model's cells (`cell` device px a head)
 * and the axes as measured.
 * @param {number} cell  device px
 * @param {[number, number]} n  layers and heads of the model
 * @param {number} dpr
 * @param {AxisRoom} axes
 * @returns {Geometry}
 */
export function geometryOf(cell, [L, H], dpr, axes) {
  const [w, h, fontPx, xTick, yTick] = [cell * L, cell * H, axes.tickFont, axes.xTick, axes.yTick];
  return { w, h, dpr, n: [L, H], fontPx, xTick, yTick, key: `${w},${h},${dpr},${L},${H},${fontPx},${xTick},${yTick}` };
}

/**
 * What a crop shows in every panel of a grid (one geometry): the canvas's transform and
 * each axis's labels. Worked out once per grid and step, then written by each panel.
 * @typedef {object} Crop
 * @property {string} transform  the canvas's (draw.cropTransform)
 * @property {import("./ticks.js").Placement} x  the layer labels
 * @property {import("./ticks.js").Placement} y  the head labels
 */

/**
 * The crop of `geometry`'s panels showing layers x heads, a shown head's cell `cellX` x
 * `cellY` CSS px (js/layout.js cropCell).
 * @param {Geometry} geometry
 * @param {[number, number]} layers  inclusive
 * @param {[number, number]} heads  inclusive
 * @param {number} cellX
 * @param {number} cellY
 * @returns {Crop}
 */
export function cropOf({ w, h, dpr, n, fontPx, xTick, yTick }, [first, last], [top, bottom], cellX, cellY) {
  const xs = tickValues(first, last, n[0], minTickStep("x", last, cellX, fontPx));
  const ys = tickValues(top, bottom, n[1], minTickStep("y", bottom, cellY, fontPx));
  return {
    transform: cropTransform([w / dpr, h / dpr], n, [first, last], [top, bottom]),
    x: placement("x", xs, (v) => (v - first + 0.5) * cellX, xTick),
    y: placement("y", ys, (v) => (v - top + 0.5) * cellY, yTick),
  };
}

/** Cells smaller than this (CSS px) are outlined from outside by the cursor. */
const SMALL_CELL = 8;

/** @returns {Panel} */
export function createPanel() {
  const el = div("hw-panel");
  const head = div("hw-panel-head");
  const title = div("hw-panel-title");
  head.append(title);
  /** @type {HTMLButtonElement | null} */
  let toggle = null;
  let onToggle = () => {};
  const plot = div("hw-plot");
  // Focusable, with its own keyboard handling (arrows, Enter, Escape): an application region.
  const clip = control("div", "hw-clip");
  clip.tabIndex = 0;
  clip.setAttribute("role", "application");
  clip.setAttribute("aria-roledescription", "head map");
  const canvas = document.createElement("canvas");
  canvas.className = "hw-canvas";
  const cursor = div("hw-cursor");
  cursor.hidden = true;
  const svgNS = "http://www.w3.org/2000/svg";
  const selection = document.createElementNS(svgNS, "svg");
  selection.setAttribute("class", "hw-selection");
  const veil = document.createElementNS(svgNS, "path");
  veil.setAttribute("class", "hw-veil");
  veil.setAttribute("fill-rule", "evenodd");
  const outline = document.createElementNS(svgNS, "path");
  outline.setAttribute("class", "hw-outline");
  selection.append(veil, outline);
  selection.classList.add("hw-empty");
  let empty = true;
  let strokeWidth = "";
  // the overlay is drawn only when it holds a path (js/widget.css says why)
  const showOverlay = () => {
    const none = !outline.getAttribute("d") && !veil.getAttribute("d");
    if (none !== empty) selection.classList.toggle("hw-empty", (empty = none));
  };
  clip.append(canvas, selection, cursor);
  // x ticks and "layer" flow below the plot (their height follows the font); the head
  // ticks and "head" hang left of it, in the room the panel's padding keeps (measure).
  const xTicks = div("hw-xticks");
  const yTicks = div("hw-yticks");
  // the numbers are for the eye: a screen reader hears the head under the cursor (hover.js)
  xTicks.setAttribute("aria-hidden", "true");
  yTicks.setAttribute("aria-hidden", "true");
  const xLabel = div("hw-xlabel");
  xLabel.textContent = "layer";
  const yLabel = div("hw-ylabel");
  yLabel.textContent = "head";
  plot.append(clip, yTicks, yLabel);
  el.append(head, plot, xTicks, xLabel);

  let size = "";
  let xKey = "";
  let yKey = "";
  /** @type {string | null} the canvas's transform as last written (null: write it) */
  let crop = null;
  const xAxis = createAxisTicks(xTicks, "x");
  const yAxis = createAxisTicks(yTicks, "y");
  return {
    el,
    canvas,
    clip,
    setTitle(text) {
      if (title.textContent === text) return;
      title.textContent = text; // user text: never HTML
      title.title = text; // the whole title when the panel is too narrow for it
      clip.setAttribute(
        "aria-label",
        `${text}: arrow keys move between heads, Enter or Space selects, Escape clears the selection`,
      );
    },
    setCursor(x, y = 0, w = 0, h = w) {
      // every write restyles, even of the same value: write what changed only
      setHidden(cursor, x === null);
      if (x === null) return;
      // a small cell would be filled by the 2 px ring: ring it from outside, so its colour shows
      const out = Math.min(w, h) < SMALL_CELL ? 2 : 0;
      cursor.style.transform = `translate(${x - out}px, ${y - out}px)`;
      cursor.style.width = `${w + 2 * out}px`;
      cursor.style.height = `${h + 2 * out}px`;
    },
    setSelection(d, stroke) {
      if (outline.getAttribute("d") !== d) outline.setAttribute("d", d);
      const width = `${stroke}px`;
      if (width !== strokeWidth) outline.style.strokeWidth = strokeWidth = width;
      showOverlay();
    },
    setVeil(d, sx = 1, sy = sx) {
      if (veil.getAttribute("d") !== d) veil.setAttribute("d", d);
      showOverlay();
      if (!d) return; // no veil: its scale (the crop's cell) would restyle an empty path every step
      const transform = sx === 1 && sy === 1 ? "" : `scale(${sx} ${sy})`;
      if ((veil.getAttribute("transform") ?? "") !== transform) veil.setAttribute("transform", transform);
    },
    setAxisRoom(axis, labelGap) {
      el.style.paddingLeft = `${axis}px`;
      yLabel.style.marginRight = `${labelGap}px`;
    },
    setToggle(spec) {
      if (!spec) {
        toggle?.remove();
        toggle = null;
        return;
      }
      if (!toggle) {
        toggle = control("button", "hw-tasks-toggle");
        toggle.addEventListener("click", () => onToggle());
        head.append(toggle);
      }
      onToggle = spec.onToggle;
      const n = spec.tasks.length;
      const count = `${spec.expanded ? "\u25BE" : "\u25B8"} ${n}`;
      const word = ` task${n === 1 ? "" : "s"}`; // left out by the CSS on a narrow panel, so the title keeps the room
      if (toggle.textContent !== count + word) {
        const span = document.createElement("span");
        span.className = "hw-tasks-word";
        span.textContent = word;
        toggle.replaceChildren(count, span);
      }
      toggle.setAttribute("aria-expanded", String(spec.expanded));
      // user text in attributes, never HTML
      toggle.setAttribute("aria-label", `${spec.name}: ${spec.expanded ? "hide" : "show"} its ${n} task${n === 1 ? "" : "s"}`);
      toggle.title = `${spec.expanded ? "hide" : "show"} a panel per task: ${spec.tasks.join(", ")}`;
    },
    setPixels(pixels, nLayers, nHeads) {
      putPixels(canvas, pixels, nLayers, nHeads);
    },
    setGeometry(next) {
      if (next.key === size) return;
      size = next.key;
      const { w, h, dpr } = next;
      for (const box of [clip, canvas]) {
        box.style.width = `${w / dpr}px`;
        box.style.height = `${h / dpr}px`;
      }
      xAxis.reset(next.xTick);
      yAxis.reset(next.yTick);
      xKey = yKey = "";
      crop = null;
    },
    setCrop({ transform, x, y }) {
      if (transform !== crop) canvas.style.transform = crop = transform;
      if (x.key !== xKey) {
        xKey = x.key;
        xAxis.place(x);
      }
      if (y.key !== yKey) {
        yKey = y.key;
        yAxis.place(y);
      }
    },
    probe(widestLayer, widestHead) {
      // Probe labels in the real tick containers, so they have the real font.
      const xProbe = probe(xTicks, "x", widestLayer);
      const yProbe = probe(yTicks, "y", widestHead);
      return {
        read() {
          const yBox = yProbe.getBoundingClientRect(); // label, its gap and the tick mark
          const xBox = xProbe.getBoundingClientRect(); // label, the mark above it
          const head = yBox.width;
          const layer = xBox.width;
          const tickFont = parseFloat(getComputedStyle(yProbe).fontSize) || 11;
          const line = yLabel.offsetHeight; // "head" stands upright: its line height is its width
          const gap = 0.35 * (parseFloat(getComputedStyle(yLabel).fontSize) || 12);
          const titleStyle = getComputedStyle(title);
          return {
            tickFont,
            axis: Math.ceil(head + gap + line + 1),
            labelGap: head + gap + line / 2,
            overhang: Math.ceil(odd(layer) / 2),
            title: title.offsetHeight + (parseFloat(titleStyle.marginBottom) || 0),
            // each label's box (js/ticks.js), odd px along its axis: its 1 px mark, at its
            // middle, sits on whole px
            xTick: [odd(layer), Math.ceil(xBox.height)],
            yTick: [Math.ceil(head), odd(yBox.height)],
          };
        },
        remove() {
          xProbe.remove();
          yProbe.remove();
        },
      };
    },
  };
}

/**
 * A tick label that is measured, then removed (hidden: it never shows, nor takes room).
 * @param {HTMLElement} container
 * @param {"x" | "y"} axis
 * @param {string} text
 */
function probe(container, axis, text) {
  const t = document.createElement("span");
  t.className = `hw-tick hw-tick-${axis}`;
  t.style.visibility = "hidden";
  t.textContent = text;
  container.append(t);
  return t;
}

/** @param {number} v @returns {number} the smallest odd whole number at least `v` */
function odd(v) {
  const n = Math.ceil(v);
  return n % 2 === 1 ? n : n + 1;
}
