// One heatmap panel: title, canvas (clipped to the shown heads) and DOM axes.
// Text sizes come from the CSS (JupyterLab's font variables); the room the axes
// need is measured from the DOM (`measure`), never assumed from a font size.

import { control, div } from "./dom.js";
import { minTickStep, tickValues } from "./layout.js";

/**
 * @typedef {object} AxisRoom  what one panel's axes need, in CSS px (measured once per geometry)
 * @property {number} tickFont  the tick labels' font size
 * @property {number} axis  left of the cells: tick marks, the widest head label, a gap, "head"
 * @property {number} labelGap  the cells' left edge to the centre line of "head"
 * @property {number} overhang  how far the widest layer label, centred on the last cell, reaches past the cells
 * @property {number} title  the title's height with its gap to the cells
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
 * @property {(size: [number, number]) => void} setSize  clip the canvas to the shown heads (CSS px)
 * @property {(x: number | null, y?: number, size?: number) => void} setCursor  outline one cell (CSS px), or none
 * @property {(d: string, stroke: number) => void} setSelection  SVG path outlining the selected heads
 * @property {(d: string, scale?: number) => void} setVeil  SVG path dimming all but a chosen combination ("" for none),
 *   drawn `scale` times its size (a path made for another cell size)
 * @property {(toggle: Toggle | null) => void} setToggle  the "▸ N tasks" button beside the title, or none
 * @property {(layers: [number, number], heads: [number, number], cellCss: number, n: [number, number], fontPx: number) => void} setAxes
 *   ticks of the shown layers and heads, on axes of n[0] layers and n[1] heads, for labels fontPx tall
 * @property {(widestLayer: string, widestHead: string) => {read: () => AxisRoom, remove: () => void}} probe
 *   put labels this wide in the axes; `read` their room (forces a layout), `remove` them after
 *   every other measurement, so the view lays out once
 */

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
  clip.append(canvas, selection, cursor);
  // x ticks and "layer" flow below the plot (their height follows the font); the head
  // ticks and "head" hang left of it, in the room the panel's padding keeps (measure).
  const xTicks = div("hw-xticks");
  const yTicks = div("hw-yticks");
  const xLabel = div("hw-xlabel");
  xLabel.textContent = "layer";
  const yLabel = div("hw-ylabel");
  yLabel.textContent = "head";
  plot.append(clip, yTicks, yLabel);
  el.append(head, plot, xTicks, xLabel);

  let size = "";
  let xKey = "";
  let yKey = "";
  /** @type {HTMLElement[]} */
  const xPool = [];
  /** @type {HTMLElement[]} */
  const yPool = [];
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
    setCursor(x, y = 0, size = 0) {
      cursor.hidden = x === null;
      if (x === null) return;
      // a small cell would be filled by the 2 px ring: ring it from outside, so its colour shows
      const out = size < SMALL_CELL ? 2 : 0;
      cursor.style.transform = `translate(${x - out}px, ${y - out}px)`;
      cursor.style.width = cursor.style.height = `${size + 2 * out}px`;
    },
    setSelection(d, stroke) {
      if (outline.getAttribute("d") !== d) outline.setAttribute("d", d);
      outline.style.strokeWidth = `${stroke}px`;
    },
    setVeil(d, scale = 1) {
      if (veil.getAttribute("d") !== d) veil.setAttribute("d", d);
      const transform = scale === 1 ? "" : `scale(${scale})`;
      if ((veil.getAttribute("transform") ?? "") !== transform) veil.setAttribute("transform", transform);
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
    setSize([w, h]) {
      const key = `${w},${h}`;
      if (key === size) return;
      size = key;
      clip.style.width = `${w}px`;
      clip.style.height = `${h}px`;
    },
    setAxes([first, last], [top, bottom], cellCss, [nLayers, nHeads], fontPx) {
      const x = `${first},${last},${cellCss},${nLayers},${fontPx}`;
      if (x !== xKey) {
        xKey = x;
        const values = tickValues(first, last, nLayers, minTickStep("x", last, cellCss, fontPx));
        placeTicks(xTicks, xPool, "x", values, (v) => (v - first + 0.5) * cellCss);
      }
      const y = `${top},${bottom},${cellCss},${nHeads},${fontPx}`;
      if (y !== yKey) {
        yKey = y;
        const values = tickValues(top, bottom, nHeads, minTickStep("y", bottom, cellCss, fontPx));
        placeTicks(yTicks, yPool, "y", values, (v) => (v - top + 0.5) * cellCss);
      }
    },
    probe(widestLayer, widestHead) {
      // Probe labels in the real tick containers, so they have the real font.
      const xProbe = probe(xTicks, "x", widestLayer);
      const yProbe = probe(yTicks, "y", widestHead);
      return {
        read() {
          const head = yProbe.getBoundingClientRect().width; // label, its gap and the tick mark
          const layer = xProbe.getBoundingClientRect().width;
          const tickFont = parseFloat(getComputedStyle(yProbe).fontSize) || 11;
          const line = yLabel.offsetHeight; // "head" stands upright: its line height is its width
          const gap = 0.35 * (parseFloat(getComputedStyle(yLabel).fontSize) || 12);
          const titleStyle = getComputedStyle(title);
          return {
            tickFont,
            axis: Math.ceil(head + gap + line + 1),
            labelGap: head + gap + line / 2,
            overhang: Math.ceil(layer / 2),
            title: title.offsetHeight + (parseFloat(titleStyle.marginBottom) || 0),
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

/**
 * Show `values` as ticks, reusing the elements already there: a slider drag
 * moves a few labels instead of rebuilding them.
 * @param {HTMLElement} container
 * @param {HTMLElement[]} pool  tick elements owned by `container`
 * @param {"x" | "y"} axis
 * @param {number[]} values
 * @param {(value: number) => number} offset  CSS pixels along the axis
 */
export function placeTicks(container, pool, axis, values, offset) {
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
