// anywidget entry point: wires the model to the DOM and cleans up after itself.
// Decoding, layout and pixels live in their own modules.

import { createRangeSlider, createRuleControl, renderToggles } from "./controls.js";
import { unpackLabels } from "./decode.js";
import { blit, panelPixels, sourceCanvas } from "./draw.js";
import { cellPixels, legendEntries, panelTitles } from "./layout.js";
import { COUNTS_HEIGHT, countsSource, drawCounts, layerCounts } from "./counts.js";
import { createTooltip, describeHead, headAt } from "./hover.js";
import { renderLegend } from "./legend.js";
import { clickSelect, outlinePath, rectSelect, selectionStroke } from "./selection.js";
import { createPanel } from "./panel.js";
import { classify, decodeScores, scoreExtent } from "./scoring.js";

/** Largest side of a panel in CSS pixels (the reference's panels are ~230). */
const MAX_PANEL_CSS = 240;

// What a change invalidates, from least to most work.
const RANGE = 1;
const VISIBLE = 2;
const RULE = 3;
const DATA = 4;

const EVENTS = /** @type {const} */ ([
  ["change:_labels", DATA],
  ["change:_shape", DATA],
  ["change:_categories", DATA],
  ["change:_palette", DATA],
  ["change:_scores", DATA],
  ["change:threshold", RULE],
  ["change:top_k", RULE],
  ["change:visible", VISIBLE],
  ["change:layer_range", RANGE],
  ["change:title", RANGE],
  ["change:selected", RANGE],
]);

/**
 * @param {{ model: any, el: HTMLElement }} context
 * @returns {() => void} cleanup
 */
function render({ model, el }) {
  const root = div("headwidget");
  const title = div("hw-title");
  const controls = div("hw-controls");
  const toggles = div("hw-toggles");
  const slider = createRangeSlider((first, last) => {
    model.set("layer_range", [first, last]);
    model.save_changes();
  });
  // Scores re-classified live: the browser applies the rule at once, Python follows.
  const rule = createRuleControl(({ threshold, topK }) => {
    model.set("threshold", threshold);
    model.set("top_k", topK);
    model.save_changes();
  });
  const clear = document.createElement("button");
  clear.type = "button";
  clear.className = "hw-clear";
  clear.textContent = "clear selection";
  clear.addEventListener("click", () => select([]));
  controls.append(slider.el, rule.el, toggles, clear);

  /** @param {[number, number][]} heads */
  function select(heads) {
    model.set("selected", heads);
    model.save_changes();
  }
  const body = div("hw-body");
  const legend = div("hw-legend");
  const error = div("hw-error");
  body.append(legend);
  root.append(title, controls, body, error);
  el.append(root);
  const tooltip = createTooltip(root);
  /** where the panels are drawn now, for pointer hit-testing */
  const view = { first: 0, cellCss: 1 };
  /** @type {{layer: number, head: number} | null} */
  let hovered = null;

  /** @type {{shape: [number, number, number], bits: Uint8Array, scores: Float32Array | null, cells: Uint8Array, categories: string[], palette: any, setPressed: (s: boolean[]) => void}} */
  let data;
  /** @type {HTMLCanvasElement[]} one source per panel, at data resolution */
  let sources = [];
  // Per-layer counts, drawn above the composite panel.
  const countsCanvas = document.createElement("canvas");
  countsCanvas.className = "hw-counts";
  countsCanvas.setAttribute("role", "img");
  /** @type {HTMLCanvasElement | null} the bars at one pixel per layer */
  let countsBars = null;
  /** @type {import("./panel.js").Panel[]} */
  const panels = [];

  function loadData() {
    const shape = model.get("_shape");
    const categories = model.get("_categories");
    const palette = model.get("_palette");
    const bits = unpackLabels(model.get("_labels"), shape);
    const raw = model.get("_scores");
    const scores = raw && raw.byteLength ? decodeScores(raw, shape[0] * shape[1] * shape[2]) : null;
    const setPressed = renderToggles(toggles, categories, palette.categories, (i) => {
      const shown = shownFlags();
      shown[i] = !shown[i];
      model.set("visible", categories.filter((_, c) => shown[c]));
      model.save_changes();
    });
    data = { shape, categories, palette, bits, scores, cells: bits, setPressed };
  }

  function applyRule() {
    const threshold = model.get("threshold") ?? null;
    const topK = model.get("top_k") ?? null;
    const live = data.scores !== null && (threshold !== null || topK !== null);
    rule.el.hidden = !live;
    if (!live) {
      data.cells = data.bits;
      return;
    }
    data.cells = classify(data.scores, data.shape, { threshold, topK });
    rule.update({ threshold, topK }, scoreExtent(data.scores), data.shape[0] * data.shape[1]);
  }

  /** @returns {boolean[]} */
  function shownFlags() {
    const visible = new Set(model.get("visible"));
    return data.categories.map((name) => visible.has(name));
  }

  function loadVisible() {
    const shown = shownFlags();
    const [L, H] = data.shape;
    sources = panelPixels(data.cells, data.shape, shown, data.palette).map((px) => sourceCanvas(px, L, H));
    const titles = panelTitles(data.categories, shown);
    while (panels.length < titles.length) {
      const panel = createPanel();
      panels.push(panel);
      body.append(panel.el);
    }
    for (const panel of panels.splice(titles.length)) panel.el.remove();
    titles.forEach((text, i) => panels[i].setTitle(text));
    const visibleColors = data.palette.categories.filter((_, c) => shown[c]);
    const nVisible = visibleColors.length;
    const colors = [...visibleColors, ...data.palette.multi.slice(0, Math.max(0, nVisible - 1))];
    const height = Math.round(COUNTS_HEIGHT * (window.devicePixelRatio || 1));
    countsBars = countsSource(layerCounts(data.cells, data.shape, shown), colors, L, height);
    panels.forEach((panel, i) => panel.el.classList.toggle("hw-composite", i === 0));
    const plot = panels[0].el.querySelector(".hw-plot");
    if (countsCanvas.nextSibling !== plot) panels[0].el.insertBefore(countsCanvas, plot);
    renderLegend(legend, legendEntries(data.categories, shown, data.palette));
    data.setPressed(shown);
  }

  function drawRange() {
    const [first, last] = model.get("layer_range");
    const [L, H] = data.shape;
    const dpr = window.devicePixelRatio || 1;
    const cell = cellPixels(last - first + 1, H, dpr, MAX_PANEL_CSS);
    panels.forEach((panel, i) => {
      panel.setWidth(blit(panel.canvas, sources[i], first, last, cell, dpr));
      panel.setAxes(first, last, H, cell / dpr);
    });
    slider.update(L - 1, first, last);
    view.first = first;
    view.cellCss = cell / dpr;
    placeCursor();
    if (countsBars) {
      drawCounts(countsCanvas, countsBars, first, last, cell, dpr);
      countsCanvas.setAttribute("aria-label", `classified heads per layer, layers ${first} to ${last}`);
    }
    const selected = model.get("selected") ?? [];
    const d = outlinePath(selected, first, last, view.cellCss);
    for (const panel of panels) panel.setSelection(d, selectionStroke(view.cellCss));
    clear.hidden = selected.length === 0;
    const text = model.get("title");
    if (title.textContent !== text) title.textContent = text; // user text: never HTML
    title.hidden = !text;
  }

  // Linked hover: the head under the pointer is outlined in every panel.
  function placeCursor() {
    const [first, last] = model.get("layer_range");
    const on = hovered && hovered.layer >= first && hovered.layer <= last;
    for (const panel of panels) {
      if (on) panel.setCursor((hovered.layer - first) * view.cellCss, hovered.head * view.cellCss, view.cellCss);
      else panel.setCursor(null);
    }
  }
  body.addEventListener("pointermove", (event) => {
    const at = data ? headAt(event, view.first, view.cellCss, data.shape) : null;
    if (!at) {
      hovered = null;
      tooltip.hide();
    } else {
      hovered = at;
      tooltip.show(describeHead(at.layer, at.head, data), event.clientX, event.clientY);
    }
    placeCursor();
  });
  // Click, shift-click, or drag a rectangle (in any panel) to select heads.
  /** @type {{layer: number, head: number, x: number, y: number} | null} */
  let press = null;
  body.addEventListener("pointerdown", (event) => {
    const at = data ? headAt(event, view.first, view.cellCss, data.shape) : null;
    press = at && { ...at, x: event.clientX, y: event.clientY };
  });
  body.addEventListener("pointerup", (event) => {
    if (!press) return;
    const start = press;
    press = null;
    const end = data ? headAt(event, view.first, view.cellCss, data.shape) : null;
    const current = model.get("selected") ?? [];
    const dragged = Math.hypot(event.clientX - start.x, event.clientY - start.y) > 4;
    if (dragged && end) select(rectSelect(current, [start.layer, start.head], [end.layer, end.head], event.shiftKey));
    else if (!dragged) select(clickSelect(current, [start.layer, start.head], event.shiftKey));
  });
  body.addEventListener("pointerleave", () => {
    hovered = null;
    tooltip.hide();
    placeCursor();
  });

  let pending = 0;
  let frame = 0;
  function update(level) {
    try {
      if (level >= DATA) loadData();
      if (level >= RULE) applyRule();
      if (level >= VISIBLE) loadVisible();
      drawRange();
      error.textContent = "";
    } catch (err) {
      error.textContent = `headwidget could not draw: ${err instanceof Error ? err.message : err}`;
    }
  }
  // Changes arriving within one frame (a slider drag, a batch of traits) draw once.
  function schedule(level) {
    pending = Math.max(pending, level);
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const level = pending;
      pending = 0;
      update(level);
    });
  }

  const handlers = EVENTS.map(([event, level]) => /** @type {const} */ ([event, () => schedule(level)]));
  for (const [event, handler] of handlers) model.on(event, handler);
  update(DATA);

  // Moving the window to a screen of another pixel density redraws at the new one.
  /** @type {MediaQueryList | null} */
  let density = null;
  const watchDensity = () => {
    density?.removeEventListener("change", onDensity);
    density = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    density.addEventListener("change", onDensity);
  };
  const onDensity = () => {
    watchDensity();
    schedule(VISIBLE); // the count bars are built at the screen's density
  };
  watchDensity();

  return () => {
    density?.removeEventListener("change", onDensity);
    for (const [event, handler] of handlers) model.off(event, handler);
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    root.remove();
  };
}

/** @param {string} className */
function div(className) {
  const d = document.createElement("div");
  d.className = className;
  return d;
}

export default { render };
