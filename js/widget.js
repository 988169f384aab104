// anywidget entry point: wires the model to the DOM and cleans up after itself.
// Decoding, layout and pixels live in their own modules.

import { createRangeSlider, createRuleControl, renderToggles } from "./controls.js";
import { comboHeads, comboRows, countCombos, findCombo, findCombos, veilPath } from "./combos.js";
import { COUNTS_HEIGHT, countsSource, drawCounts, layerCounts } from "./counts.js";
import { unpackLabels } from "./decode.js";
import { blit, panelPixels, sourceCanvas } from "./draw.js";
import { createTooltip, describeHead, speakHead } from "./hover.js";
import { attachInteraction } from "./interact.js";
import { keepInside } from "./keys.js";
import { cellPixels, legendEntries, panelTitles } from "./layout.js";
import { createLegend } from "./legend.js";
import { outlinePath, selectionStroke } from "./selection.js";
import { createPanel } from "./panel.js";
import { classify, decodeScores, scoreExtent } from "./scoring.js";

/** Largest side of a panel in CSS pixels (the reference's panels are ~230). */
const MAX_PANEL_CSS = 240;

// What a change invalidates, from least to most work.
const RANGE = 1;
const HEADS = 2;
const VISIBLE = 3;
const RULE = 4;
const DATA = 5;

const EVENTS = /** @type {const} */ ([
  ["change:_labels", DATA],
  ["change:_shape", DATA],
  ["change:_categories", DATA],
  ["change:_palette", DATA],
  ["change:_scores", DATA],
  ["change:threshold", RULE],
  ["change:top_k", RULE],
  ["change:visible", VISIBLE],
  ["change:head_range", HEADS],
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
  const layerSlider = createRangeSlider("layer", (first, last) => {
    model.set("layer_range", [first, last]);
    model.save_changes();
  });
  const headSlider = createRangeSlider("head", (first, last) => {
    model.set("head_range", [first, last]);
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
  controls.append(layerSlider.el, headSlider.el, rule.el, toggles, clear);

  /** @param {[number, number][]} heads */
  function select(heads) {
    model.set("selected", heads);
    model.save_changes();
  }
  const body = div("hw-body");
  const legendEl = div("hw-legend");
  const error = div("hw-error");
  // Screen readers hear the head under the keyboard cursor and what a key did.
  const live = div("hw-live");
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  body.append(legendEl);
  root.append(title, controls, body, error, live);
  el.append(root);
  const tooltip = createTooltip(root);
  /** @type {{layers: [number, number], heads: [number, number], cellCss: number} | null} what is drawn now */
  let view = null;
  /** @type {{layer: number, head: number} | null} under the pointer or the keyboard cursor */
  let cursor = null;
  /** @type {"pointer" | "keys"} */
  let cursorBy = "pointer";
  /** @type {string | null} the legend's chosen combination, as its category indices "2,3" */
  let chosen = null;
  /** the legend needs drawing even if no row is open (visibility changed, a row closed, ...) */
  let legendStale = true;

  /** @type {{shape: [number, number, number], bits: Uint8Array, scores: Float32Array | null, cells: Uint8Array, categories: string[], palette: any, setPressed: (s: boolean[]) => void}} */
  let data;
  /** @type {HTMLCanvasElement[]} one source per panel, at data resolution */
  let sources = [];
  /** @type {import("./combos.js").Combos | null} found when the legend first needs them */
  let found = null;
  let shown = /** @type {boolean[]} */ ([]);
  // Per-layer counts, drawn above the composite panel.
  const countsCanvas = document.createElement("canvas");
  countsCanvas.className = "hw-counts";
  countsCanvas.setAttribute("role", "img");
  /** @type {HTMLCanvasElement | null} the bars at one pixel per layer */
  let countsBars = null;
  /** @type {import("./panel.js").Panel[]} */
  const panels = [];
  const legend = createLegend(legendEl, {
    choose(key) {
      chosen = key;
      legendStale = true;
      schedule(RANGE);
    },
    refresh() {
      legendStale = true;
      schedule(RANGE);
    },
    select(key) {
      const id = findCombo(combosNow(), key);
      if (id >= 0 && view) select(comboHeads(combosNow(), id, data.shape, view.layers, view.heads));
    },
  });

  function loadData() {
    const shape = model.get("_shape");
    const categories = model.get("_categories");
    const palette = model.get("_palette");
    const bits = unpackLabels(model.get("_labels"), shape);
    const raw = model.get("_scores");
    const scores = raw && raw.byteLength ? decodeScores(raw, shape[0] * shape[1] * shape[2]) : null;
    const setPressed = renderToggles(toggles, categories, palette.categories, (i) => {
      const flags = shownFlags();
      flags[i] = !flags[i];
      model.set("visible", categories.filter((_, c) => flags[c]));
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

  /** The head range from the model, or every head (state saved before head_range existed). */
  function headRange() {
    const H = data.shape[1];
    const range = model.get("head_range");
    const ok = Array.isArray(range) && range.length === 2 && 0 <= range[0] && range[0] <= range[1] && range[1] < H;
    return /** @type {[number, number]} */ (ok ? [range[0], range[1]] : [0, H - 1]);
  }

  function loadVisible() {
    shown = shownFlags();
    const [L, H] = data.shape;
    sources = panelPixels(data.cells, data.shape, shown, data.palette).map((px) => sourceCanvas(px, L, H));
    found = null;
    legendStale = true;
    const titles = panelTitles(data.categories, shown);
    while (panels.length < titles.length) {
      const panel = createPanel();
      panels.push(panel);
      body.append(panel.el);
    }
    for (const panel of panels.splice(titles.length)) panel.el.remove();
    titles.forEach((text, i) => panels[i].setTitle(text));
    panels.forEach((panel, i) => panel.el.classList.toggle("hw-composite", i === 0));
    const plot = panels[0].el.querySelector(".hw-plot");
    if (countsCanvas.nextSibling !== plot) panels[0].el.insertBefore(countsCanvas, plot);
    data.setPressed(shown);
  }

  // The count bars count the heads shown, so they follow the head range.
  function loadHeads() {
    const visibleColors = data.palette.categories.filter((_, c) => shown[c]);
    const nVisible = visibleColors.length;
    const colors = [...visibleColors, ...data.palette.multi.slice(0, Math.max(0, nVisible - 1))];
    const height = Math.round(COUNTS_HEIGHT * (window.devicePixelRatio || 1));
    const tally = layerCounts(data.cells, data.shape, shown, headRange());
    countsBars = countsSource(tally, colors, data.shape[0], height);
  }

  function drawRange() {
    const layers = /** @type {[number, number]} */ (model.get("layer_range"));
    const heads = headRange();
    const [L, H] = data.shape;
    const dpr = window.devicePixelRatio || 1;
    const cell = cellPixels(layers[1] - layers[0] + 1, heads[1] - heads[0] + 1, dpr, MAX_PANEL_CSS);
    const cellCss = cell / dpr;
    panels.forEach((panel, i) => {
      panel.setSize(blit(panel.canvas, sources[i], layers, heads, cell, dpr));
      panel.setAxes(layers, heads, cellCss);
    });
    layerSlider.update(L - 1, ...layers);
    headSlider.update(H - 1, ...heads);
    view = { layers, heads, cellCss };
    if (cursor) cursor = keepInside(cursor, layers, heads);
    if (countsBars) {
      drawCounts(countsCanvas, countsBars, layers[0], layers[1], cell, dpr);
      const label = `classified heads per layer, layers ${layers[0]} to ${layers[1]}, heads ${heads[0]} to ${heads[1]}`;
      countsCanvas.setAttribute("aria-label", label);
    }
    const selected = model.get("selected") ?? [];
    const d = outlinePath(selected, layers, heads, cellCss);
    for (const panel of panels) panel.setSelection(d, selectionStroke(cellCss));
    clear.hidden = selected.length === 0;
    // a closed legend does not depend on the ranges: a slider step leaves it alone
    if (legendStale || legend.isOpen() || chosen !== null) drawCombos(layers, heads, cellCss);
    legendStale = false;
    placeCursor();
    const text = model.get("title");
    if (title.textContent !== text) title.textContent = text; // user text: never HTML
    title.hidden = !text;
  }

  /**
   * The legend, with the combinations in view, and the chosen one highlighted in every panel.
   * @param {[number, number]} layers @param {[number, number]} heads @param {number} cellCss
   */
  function drawCombos(layers, heads, cellCss) {
    const combos = legend.isOpen() || chosen !== null ? combosNow() : { ids: new Int32Array(0), members: [] };
    const id = findCombo(combos, chosen);
    if (id < 0) chosen = null; // e.g. a category it needs was hidden
    const nGroups = Math.max(0, shown.filter(Boolean).length - 1);
    legend.update({
      rows: legendEntries(data.categories, shown, data.palette).map((e, i) =>
        i < nGroups ? { ...e, size: nGroups + 1 - i } : e,
      ),
      combos: legend.isOpen()
        ? comboRows(combos, countCombos(combos, data.shape, layers, heads), chosen, data.categories)
        : new Map(),
      active: id >= 0 ? chosen : null,
      colors: data.palette.categories,
      shown: data.categories.map((_, c) => c).filter((c) => shown[c]),
    });
    const veil = id >= 0 ? veilPath(comboHeads(combos, id, data.shape, layers, heads), layers, heads, cellCss) : "";
    for (const panel of panels) panel.setVeil(veil);
  }

  function combosNow() {
    found ??= findCombos(data.cells, data.shape, shown);
    return found;
  }

  // Linked cursor: the head under the pointer or keyboard cursor is outlined in every panel.
  function placeCursor() {
    for (const panel of panels) {
      if (cursor && view) {
        const { layers, heads, cellCss } = view;
        panel.setCursor((cursor.layer - layers[0]) * cellCss, (cursor.head - heads[0]) * cellCss, cellCss);
      } else {
        panel.setCursor(null);
      }
    }
    if (!cursor || !view) {
      tooltip.hide();
      return;
    }
    const lines = describeHead(cursor.layer, cursor.head, data);
    if (cursorBy === "keys") {
      // the tooltip follows the keyboard cursor: placed by the focused panel's cell
      const clip = /** @type {HTMLElement | null} */ (document.activeElement?.closest?.(".hw-clip"));
      const box = (clip && body.contains(clip) ? clip : panels[0].clip).getBoundingClientRect();
      const x = box.left + (cursor.layer - view.layers[0] + 1) * view.cellCss;
      const y = box.top + (cursor.head - view.heads[0] + 1) * view.cellCss;
      tooltip.show(lines, x - 10, y - 10);
    }
  }

  /** @param {string} text */
  function announce(text) {
    live.textContent = text;
  }

  attachInteraction(body, {
    view: () => (data ? view : null),
    cursor: () => cursor,
    point(at, where) {
      cursor = at;
      cursorBy = where === "keys" ? "keys" : "pointer";
      placeCursor();
      if (at && where !== "keys") tooltip.show(describeHead(at.layer, at.head, data), where.x, where.y);
      if (at && where === "keys") announce(speakHead(at.layer, at.head, data, model.get("selected") ?? []));
    },
    selected: () => model.get("selected") ?? [],
    select(heads, how) {
      select(heads);
      if (how === "keys" && cursor) announce(speakHead(cursor.layer, cursor.head, data, heads));
    },
    escape() {
      const had = (model.get("selected") ?? []).length;
      chosen = null;
      legendStale = true;
      if (had) select([]);
      schedule(RANGE);
      announce(had ? "selection cleared" : "nothing selected");
    },
  });

  let pending = 0;
  let frame = 0;
  function update(level) {
    try {
      if (level >= DATA) loadData();
      if (level >= RULE) applyRule();
      if (level >= VISIBLE) loadVisible();
      if (level >= HEADS) loadHeads();
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
    schedule(HEADS); // the count bars are built at the screen's density
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
