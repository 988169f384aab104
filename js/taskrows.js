// "Which task put a head there": a category panel's "▸ N tasks" button opens a row of
// small panels under the view's panels, one per task of that category, each showing the
// heads that pass that task (under the live rule) in the category's colour on grey.
// Which rows are open is this view's own state (no trait), kept by category name;
// opening one draws that row alone, from what the view last gave each level.

import { control, div, setHidden } from "./dom.js";
import { taskPixels } from "./draw.js";
import { fitRow } from "./fit.js";
import { cropCell } from "./layout.js";
import { createPanel, geometryOf } from "./panel.js";
import { arrangeGrid, showCrop } from "./panels.js";
import { outlinePath, selectionStroke } from "./selection.js";

/** @typedef {import("./data.js").HeadData} HeadData */
/** @typedef {import("./layout.js").Palette} Palette */
/** @typedef {[number, number]} Range */

/**
 * One open category's row.
 * @typedef {object} TaskRow
 * @property {HTMLElement} el
 * @property {HTMLElement} swatch
 * @property {HTMLElement} name
 * @property {HTMLElement} count
 * @property {HTMLButtonElement} close
 * @property {HTMLElement} grid
 * @property {import("./panel.js").Panel[]} panels  one per task, in task order
 * @property {Uint8ClampedArray<ArrayBuffer>[]} pixels  the last pixels, written over next time
 * @property {HeadData | null} data  what the pixels were made from (a new rule is a new object)
 * @property {Palette | null} palette
 * @property {number} cellX  a shown head's cell as last drawn, CSS px (the crop fills the box)
 * @property {number} cellY
 * @property {string} arranged  the grid's columns and axes as last set
 */

/**
 * @typedef {object} TaskRows
 * @property {(data: HeadData, palette: Palette, shown: boolean[], panels: import("./panel.js").Panel[]) => void} update
 *   the category panels' buttons and the open rows' pixels, made only when the data, the
 *   rule or the palette changed (visible level, and after a row opens)
 * @property {(room: import("./fit.js").Room, layers: Range, heads: Range, dpr: number, cellCss: number, n: [number, number]) => void} draw
 *   fit each open row to the view's width with the model's whole axes (cell at most the view's
 *   `cellCss`, the whole model's cell), show the crop over the fixed boxes, ticks (range level)
 * @property {(selected: [number, number][]) => void} outline  the selected heads in every task panel
 * @property {(at: {layer: number, head: number} | null) => void} cursor  one head outlined in every task panel
 * @property {(d: string) => void} veil  the legend's veil, a path in cell units
 */

/**
 * @param {HTMLElement} container  below the view's grid of panels
 * @returns {TaskRows}
 */
export function createTaskRows(container) {
  /** @type {Set<string>} the open categories, by name: new data with the same names keeps them open */
  const open = new Set();
  /** @type {Map<string, TaskRow>} */
  const rows = new Map();
  /** @type {TaskRow[]} the rows shown, in category order */
  let shown = [];
  /** @type {{layers: Range, heads: Range} | null} */
  let drawn = null;
  // What the view last gave each level, so opening a row draws that row alone: the
  // view's panels, the legend and the fit stay as they are.
  /** @type {Parameters<TaskRows["update"]> | null} */
  let last = null;
  /** @type {Parameters<TaskRows["draw"]> | null} */
  let lastDraw = null;
  /** @type {[number, number][]} */
  let lastSelected = [];
  /** @type {Parameters<TaskRows["veil"]>} */
  let lastVeil = [""];
  /** @type {{layer: number, head: number} | null} */
  let lastCursor = null;

  /** @param {string} name */
  function toggle(name) {
    if (!open.delete(name)) open.add(name);
    if (!last) return;
    update(...last);
    if (!lastDraw) return;
    draw(...lastDraw);
    outline(lastSelected);
    veil(...lastVeil);
    cursor(lastCursor);
  }

  /** @type {TaskRows["update"]} */
  function update(data, palette, visible, panels) {
    last = [data, palette, visible, panels];
    const { tasks, categories, shape } = data;
    // the buttons: panel 0 is the composite, then one per visible category
    const order = categories.map((_, c) => c).filter((c) => visible[c]);
    panels.forEach((panel, i) => {
      const c = i === 0 ? -1 : order[i - 1];
      const name = categories[c];
      panel.setToggle(
        tasks && c >= 0
          ? { name, tasks: tasks.members[c].map((t) => tasks.names[t]), expanded: open.has(name), onToggle: () => toggle(name) }
          : null,
      );
    });
    /** @type {TaskRow[]} */
    const next = [];
    if (tasks) {
      for (const c of order) {
        const name = categories[c];
        if (!open.has(name)) continue;
        const row = rows.get(name) ?? createRow(name);
        rows.set(name, row);
        if (row.data !== data || row.palette !== palette) {
          const members = tasks.members[c];
          const [L, H] = shape;
          const color = palette.categories[c];
          row.pixels = taskPixels(tasks.cells, [L, H, tasks.names.length], members, color, palette.unclassified, row.pixels);
          setPanels(row, members.map((t) => tasks.names[t]), L, H);
          row.swatch.style.background = color;
          row.name.textContent = name; // user text: never HTML
          row.count.textContent = `${members.length} task${members.length === 1 ? "" : "s"}`;
          row.close.setAttribute("aria-label", `hide the tasks of ${name}`);
          row.data = data;
          row.palette = palette;
        }
        next.push(row);
      }
    }
    for (const [name, row] of rows) {
      if (!next.includes(row)) {
        row.el.remove();
        rows.delete(name);
      }
    }
    // re-append only when the order changed: moving a row would take the focus from its panel
    if (next.length !== shown.length || next.some((row, i) => row !== shown[i])) container.replaceChildren(...next.map((r) => r.el));
    shown = next;
    setHidden(container, next.length === 0);
  }

  /** @param {string} name @returns {TaskRow} */
  function createRow(name) {
    const el = div("hw-taskrow");
    const head = div("hw-taskrow-head");
    const swatch = div("hw-swatch");
    const label = document.createElement("span");
    label.className = "hw-taskrow-name";
    const count = document.createElement("span");
    count.className = "hw-taskrow-count";
    const close = control("button", "hw-taskrow-close");
    close.textContent = "\u00D7";
    close.title = "hide these tasks";
    close.addEventListener("click", () => toggle(name));
    head.append(swatch, label, count, close);
    const grid = div("hw-taskgrid");
    el.append(head, grid);
    return { el, swatch, name: label, count, close, grid, panels: [], pixels: [], data: null, palette: null, cellX: 0, cellY: 0, arranged: "" };
  }

  /**
   * One panel per task, titled by its name, drawn from the row's pixels.
   * @param {TaskRow} row @param {string[]} titles @param {number} L @param {number} H
   */
  function setPanels(row, titles, L, H) {
    while (row.panels.length < titles.length) {
      const panel = createPanel();
      panel.el.classList.add("hw-task-panel");
      row.panels.push(panel);
      row.grid.append(panel.el);
    }
    for (const panel of row.panels.splice(titles.length)) panel.el.remove();
    titles.forEach((text, i) => {
      row.panels[i].setTitle(text);
      row.panels[i].setPixels(row.pixels[i], L, H);
    });
  }

  /** @type {TaskRows["draw"]} */
  function draw(room, layers, heads, dpr, cellCss, n) {
    lastDraw = [room, layers, heads, dpr, cellCss, n];
    drawn = { layers, heads };
    const { axis, labelGap, overhang } = room.axes;
    const [L, H] = n;
    for (const row of shown) {
      // the geometry is the whole model's, as the view's panels: a range step moves nothing
      const fit = fitRow(room, row.panels.length, L, H, dpr, cellCss);
      const key = `${fit.cols},${axis},${labelGap},${overhang},${row.panels.length}`;
      if (key !== row.arranged) {
        row.arranged = key;
        arrangeGrid(row.grid, row.panels, fit.cols, room.axes);
      }
      row.cellX = cropCell(fit.cell / dpr, L, layers[1] - layers[0] + 1);
      row.cellY = cropCell(fit.cell / dpr, H, heads[1] - heads[0] + 1);
      showCrop(row.panels, geometryOf(fit.cell, n, dpr, room.axes), layers, heads, row.cellX, row.cellY);
    }
  }

  /** @type {TaskRows["outline"]} */
  function outline(selected) {
    lastSelected = selected;
    if (!drawn) return;
    for (const row of shown) {
      const d = outlinePath(selected, drawn.layers, drawn.heads, row.cellX, row.cellY);
      for (const panel of row.panels) panel.setSelection(d, selectionStroke(Math.min(row.cellX, row.cellY)));
    }
  }

  /** @type {TaskRows["cursor"]} */
  function cursor(at) {
    lastCursor = at;
    for (const row of shown) {
      const { cellX, cellY } = row;
      for (const panel of row.panels) {
        if (at && drawn) panel.setCursor((at.layer - drawn.layers[0]) * cellX, (at.head - drawn.heads[0]) * cellY, cellX, cellY);
        else panel.setCursor(null);
      }
    }
  }

  /** @type {TaskRows["veil"]} */
  function veil(d) {
    lastVeil = [d];
    for (const row of shown) for (const panel of row.panels) panel.setVeil(d, row.cellX, row.cellY);
  }

  return { update, draw, outline, cursor, veil };
}
