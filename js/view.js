// One view of a model: its DOM and one function per update level (js/traits.js),
// each redrawing only what its level invalidates.

import { createRangeSlider, createRuleControl, renderToggles } from "./controls.js";
import { createCountBars, layerCounts } from "./counts.js";
import { headData } from "./data.js";
import { groupPixels } from "./draw.js";
import { createExplorer } from "./explore.js";
import { control, div, setHidden } from "./dom.js";
import { fit, measureRoom, watchSize } from "./fit.js";
import { cellsOf, createTooltip, describeHead, speakHead } from "./hover.js";
import { attachInteraction } from "./interact.js";
import { keepInside } from "./keys.js";
import { cropCell, groupColors, panelTitles } from "./layout.js";
import { geometryOf } from "./panel.js";
import { createPanelRow } from "./panels.js";
import { indexRange, sameRange } from "./ranges.js";
import { outlinePath, selectionStroke } from "./selection.js";
import { createTaskRows } from "./taskrows.js";

/** @typedef {import("./traits.js").Level} Level */
/** @typedef {import("./data.js").HeadData} HeadData */
/** @typedef {[number, number]} Range */
/**
 * What is drawn now: the ranges, and a shown head's cell (CSS px) in the view's panels,
 * the whole model's cell stretched so the crop fills the box (js/layout.js cropCell).
 * @typedef {{layers: Range, heads: Range, cellX: number, cellY: number}} Shown
 */

/** @typedef {import("./traits.js").Model} Model */
/** @typedef {import("./traits.js").State} State */

/**
 * Build a view of `model` inside `el`.
 * @param {Model} model
 * @param {HTMLElement} el
 * @param {(level: Level) => void} schedule  asks for an update at `level` (js/widget.js coalesces them)
 * @returns {{run: (level: Level) => void, fail: (error: unknown) => void, remove: () => void}}
 *   `run` one level's work; `fail` shows an error (null clears it)
 */
export function createView(model, el, schedule) {
  /**
   * A change made in this view, for Python and every other view.
   * @template {keyof State} K
   * @param {K} key
   * @param {State[K]} value
   */
  const send = (key, value) => {
    model.set(key, value);
    model.save_changes();
  };
  const root = div("headwidget");
  // Hides this widget's static figure in the page (a rule in that figure's own HTML, published.py).
  const figureId = model.get("_figure_id");
  if (typeof figureId === "string" && /^[0-9a-f]{32}$/.test(figureId)) root.dataset.headwidgetFigure = figureId;
  const title = div("hw-title");
  const controls = div("hw-controls");
  const toggles = div("hw-toggles");
  /**
   * A slider's range: sent on every step, or with continuous_update off drawn here at
   * once and sent on release.
   * @param {"layer_range" | "head_range"} key
   * @returns {(first: number, last: number, release: boolean) => void}
   */
  const sendRange = (key) => (first, last, release) => {
    const continuous = model.get("continuous_update") !== false;
    if (continuous !== release) send(key, [first, last]);
    else if (!continuous) model.set(key, [first, last]);
  };
  const layerSlider = createRangeSlider("layer", sendRange("layer_range"));
  const headSlider = createRangeSlider("head", sendRange("head_range"));
  // The view classifies at once (js/data.js) and sends the rule only: Python derives the same labels.
  const rule = createRuleControl((name, value) => send(name, value));
  const clear = control("button", "hw-clear");
  clear.textContent = "clear selection";
  clear.addEventListener("click", () => send("selected", []));
  const countsToggle = control("button", "hw-counts-toggle");
  countsToggle.textContent = "counts";
  countsToggle.title = "classified heads per layer, below All Categories";
  countsToggle.addEventListener("click", () => send("show_counts", !model.get("show_counts")));
  controls.append(layerSlider.el, headSlider.el, rule.el, toggles, countsToggle, clear);
  // The legend beside a grid of panels that wraps; js/fit.js sizes both to the view's width.
  const body = div("hw-body");
  const legendEl = div("hw-legend");
  const grid = div("hw-grid");
  // under the grid: a row of task panels per category opened (js/taskrows.js)
  const main = div("hw-main");
  const taskEl = div("hw-taskrows");
  main.append(grid, taskEl);
  const error = div("hw-error");
  // Screen readers hear the head under the keyboard cursor and what a key did.
  const live = div("hw-live");
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  body.append(legendEl, main);
  root.append(title, controls, body, error, live);
  el.append(root);
  const tooltip = createTooltip(root);
  const bars = createCountBars();
  const row = createPanelRow(grid, bars.el);
  const tasks = createTaskRows(taskEl);

  /** @type {HeadData} */
  let data;
  /** @type {import("./layout.js").Palette} */
  let palette;
  /** @type {(shown: boolean[]) => void} */
  let setPressed = () => {};
  /** @type {boolean[]} */
  let shown = [];
  /** @type {Int16Array} each head's group (layout.js's group rule) under `shown` */
  let groups = new Int16Array(0);
  /** @type {Shown | null} */
  let view = null;
  /** @type {{layer: number, head: number} | null} under the pointer or the keyboard cursor */
  let cursor = null;
  /** @type {"pointer" | "keys"} */
  let cursorBy = "pointer";
  /** @type {import("./fit.js").Room | null} the sizes measured for the current geometry; null: measure again */
  let room = null;
  let roomKey = "";
  // A new width (the output area, a font size) re-fits at the range level: the canvases moved, no new pixels.
  const unwatch = watchSize(
    root,
    legendEl,
    () => room,
    () => {
      room = null;
      schedule("range");
    },
  );

  const explorer = createExplorer(legendEl, {
    redraw: () => schedule("range"),
    select: (heads) => send("selected", heads),
    veil: (d) => {
      row.veil(d, view?.cellX ?? 1, view?.cellY ?? 1);
      tasks.veil(d);
    },
  });

  /** @type {Record<Level, () => void>} */
  const levels = {
    // New data or palette: the toggles (names and colours) and the rule control.
    data() {
      palette = model.get("_palette");
      const { categories } = headData(model);
      setPressed = renderToggles(toggles, categories, palette.categories, (i) => {
        const flags = shownFlags(categories);
        flags[i] = !flags[i];
        send("visible", categories.filter((_, c) => flags[c]));
      });
    },
    // A new rule: the model classifies once for every view; this view updates its control.
    rule() {
      data = headData(model);
      setHidden(rule.el, data.rule === null);
      if (data.rule) rule.update(data.rule, data.extent, data.shape[0] * data.shape[1]);
    },
    // Which categories show: the pixels of every panel, at one pixel per head.
    visible() {
      shown = shownFlags(data.categories);
      const [L, H] = data.shape;
      const drawn = groupPixels(data.cells, data.shape, shown, palette, row.pixels());
      groups = drawn.groups;
      const pixels = drawn.pixels;
      row.setPixels(panelTitles(data.categories, shown), pixels, L, H);
      tasks.update(data, palette, shown, row.panels);
      explorer.reset(data, shown, palette, groups);
      setPressed(shown);
    },
    // The count bars, when shown, count the heads shown, so they follow the head range.
    heads() {
      const on = Boolean(model.get("show_counts"));
      countsToggle.setAttribute("aria-pressed", String(on));
      // off (the default): nothing counted, coloured or drawn for them
      const tally = on ? layerCounts(data.cells, data.shape, shown, headRange(), groups) : null;
      bars.build(tally, on ? groupColors(shown, palette) : [], data.shape[0], window.devicePixelRatio || 1);
    },
    // The shown layers and heads. The geometry (panels per row, each box = the whole
    // model's cells) follows the view's width and the panels shown, never the range: a
    // range step fits with what was measured (arithmetic only), finds the same boxes and
    // only moves each panel's canvas, re-blits the bars and rewrites the ticks in place. A resize runs
    // this level alone, measuring once.
    range() {
      const layers = layerRange();
      const heads = headRange();
      const dpr = window.devicePixelRatio || 1;
      const [L, H] = data.shape;
      // the legend first: its width is part of the fit
      if (explorer.draw(layers, heads)) room = null;
      const key = `${L},${H}`;
      if (!room || key !== roomKey) {
        // every read in one layout: the probes go in, everything is read, then they go
        const probe = row.panels[0].probe(widest(L - 1), widest(H));
        room = measureRoom(root, legendEl, grid, probe.read());
        probe.remove();
        roomKey = key;
      }
      const { cols, cell, cellCss } = fit(room, row.panels.length, L, H, dpr);
      const geometry = geometryOf(cell, [L, H], dpr, room.axes);
      const cellX = cropCell(cell / dpr, L, layers[1] - layers[0] + 1);
      const cellY = cropCell(cell / dpr, H, heads[1] - heads[0] + 1);
      row.arrange(cols, room.axes);
      row.draw(layers, heads, geometry, cellX, cellY);
      tasks.draw(room, layers, heads, dpr, cellCss, [L, H]);
      bars.draw(layers, heads, geometry.w, dpr);
      placeLegend(room, geometry.h / dpr);
      if (room.width <= 0) room = null; // not in the page yet: measure again once it is
      layerSlider.update(L - 1, ...layers);
      headSlider.update(H - 1, ...heads);
      view = { layers, heads, cellX, cellY };
      if (cursor) cursor = keepInside(cursor, layers, heads);
      explorer.veil();
      placeCursor();
    },
    // Outlines of the selected heads only.
    selection() {
      if (!view) return;
      const selected = selectedHeads();
      const { layers, heads, cellX, cellY } = view;
      row.outline(outlinePath(selected, layers, heads, cellX, cellY), selectionStroke(Math.min(cellX, cellY)));
      tasks.outline(selected);
      setHidden(clear, selected.length === 0);
    },
    title() {
      const text = model.get("title");
      if (title.textContent !== text) title.textContent = text; // user text: never HTML
      setHidden(title, !text);
    },
  };

  /** @param {Level} level */
  function run(level) {
    levels[level]();
  }

  /** @param {string[]} categories @returns {boolean[]} */
  function shownFlags(categories) {
    const visible = new Set(model.get("visible"));
    return categories.map((name) => visible.has(name));
  }

  /** the legend's top margin as last written */
  let legendTop = "";

  /**
   * The legend beside the first row, centred on its cells as in the reference (its
   * closed rows, so opening a row does not move the one clicked).
   * @param {import("./fit.js").Room} room
   * @param {number} plotHeight  CSS px
   */
  function placeLegend(room, plotHeight) {
    const top = `${Math.max(0, Math.round(room.axes.title + (plotHeight - room.legendRows) / 2))}px`;
    // as last written: reading a style back serialises it, which every step would pay for
    if (legendTop !== top) legendEl.style.marginTop = legendTop = top;
  }

  /** @type {Record<"layer_range" | "head_range", Range | null>} the last range drawn of each axis */
  const drawn = { layer_range: null, head_range: null };

  /**
   * The model's range of one axis as whole indices inside the axis. A value a jslink
   * set as floats is drawn rounded and saved back as integers; one that is no range
   * (null, reversed) keeps the last one drawn, which is saved back too, so the model,
   * the kernel and every view hold the range this view draws.
   * @param {"layer_range" | "head_range"} trait
   * @param {number} n  values on the axis
   * @returns {Range}
   */
  function shownRange(trait, n) {
    const value = /** @type {unknown} */ (model.get(trait));
    const range = indexRange(value, n) ?? drawn[trait] ?? [0, n - 1];
    drawn[trait] = range;
    if (!sameRange(value, range)) send(trait, range);
    return range;
  }

  /** @returns {Range} */
  function layerRange() {
    return shownRange("layer_range", data.shape[0]);
  }

  /** @returns {Range} */
  function headRange() {
    return shownRange("head_range", data.shape[1]);
  }

  /** @returns {[number, number][]} */
  function selectedHeads() {
    return model.get("selected") ?? [];
  }

  // Linked cursor: the head under the pointer or keyboard cursor is outlined in every panel.
  function placeCursor() {
    if (!cursor || !view) {
      row.cursor(null);
      tasks.cursor(null);
      tooltip.hide();
      return;
    }
    const { layers, heads, cellX, cellY } = view;
    row.cursor((cursor.layer - layers[0]) * cellX, (cursor.head - heads[0]) * cellY, cellX, cellY);
    tasks.cursor(cursor);
    if (cursorBy === "keys") {
      // the tooltip follows the keyboard cursor: placed by the focused panel's cell
      const clip = /** @type {HTMLElement | null} */ (document.activeElement?.closest?.(".hw-clip") ?? null);
      const focused = clip && body.contains(clip) ? clip : row.panels[0].clip;
      const box = focused.getBoundingClientRect();
      const [cx, cy] = cellsOf(box, layers, heads); // the crop fills every box, a task panel's too
      const x = box.left + (cursor.layer - layers[0] + 1) * cx;
      const y = box.top + (cursor.head - heads[0] + 1) * cy;
      tooltip.show(describeHead(cursor.layer, cursor.head, data), x - 10, y - 10);
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
      if (at && where === "keys") announce(speakHead(at.layer, at.head, data, selectedHeads()));
    },
    selected: selectedHeads,
    select(heads, how) {
      send("selected", heads);
      if (how === "keys" && cursor) announce(speakHead(cursor.layer, cursor.head, data, heads));
    },
    escape() {
      const had = selectedHeads().length;
      explorer.choose(null);
      if (had) send("selected", []);
      announce(had ? "selection cleared" : "nothing selected");
    },
  });

  return {
    run,
    fail(err) {
      error.textContent = err === null ? "" : `headwidget could not draw: ${err instanceof Error ? err.message : err}`;
    },
    remove() {
      unwatch();
      root.remove();
    },
  };
}

/**
 * The widest label of an axis whose labels go up to `last`: as many 8s as its digits
 * (tick labels use tabular figures, so every digit is as wide).
 * @param {number} last
 */
function widest(last) {
  return "8".repeat(String(last).length);
}
