// The view takes the width it is given: how many panels a row holds and how big a
// head's cell is, by js/layout.js's fitPanels (the rule Python's layout.fit_panels
// states), from sizes measured in the DOM once per geometry. A resize re-runs the
// fit and the "range" level only: the panels' pixels are not recomputed.

import { MAX_PANEL_CSS, fitPanels } from "./layout.js";

/**
 * @typedef {object} Room  the sizes the fit starts from, CSS px
 * @property {number} width  the view's content width
 * @property {number} legendWidth  the legend's width
 * @property {number} legendGap  between the legend and the panels
 * @property {number} legendRows  the legend's height with every "k categories" row closed (its tallest column)
 * @property {number} colGap  between two panels of a row
 * @property {import("./panel.js").AxisRoom} axes  one panel's axes
 */

/**
 * @typedef {object} Fit
 * @property {number} cols  panels per row
 * @property {number} cellCss  a head's cell, CSS px (whole device pixels)
 * @property {number} cell  a head's cell, device px
 */

/**
 * Panels per row and the cell size for `nPanels` panels of `nLayers` x `nHeads` shown heads.
 * The room for the panels is the view's width less the legend and the last panel's
 * overhanging layer label; each panel needs its head axis and a gap beside its cells.
 * @param {Room} room
 * @param {number} nPanels
 * @param {number} nLayers  layers shown
 * @param {number} nHeads  heads shown
 * @param {number} dpr
 * @returns {Fit}
 */
export function fit(room, nPanels, nLayers, nHeads, dpr) {
  const width = room.width - room.legendWidth - room.legendGap - room.axes.overhang;
  const extra = room.axes.axis + room.colGap;
  const [cols, cellCss] = fitPanels(width, nPanels, nLayers, nHeads, extra, { dpr });
  return { cols, cellCss, cell: Math.max(1, Math.round(cellCss * dpr)) };
}

/**
 * Panels per row and the cell size for a row of `nPanels` task panels (js/taskrows.js)
 * under the view's panels: the same room and rule (`fitPanels`), the cell no larger
 * than the view's panels' `maxCellCss`.
 * @param {Room} room
 * @param {number} nPanels
 * @param {number} nLayers  layers shown
 * @param {number} nHeads  heads shown
 * @param {number} dpr
 * @param {number} maxCellCss  the view's panels' cell, CSS px
 * @returns {Fit}
 */
export function fitRow(room, nPanels, nLayers, nHeads, dpr, maxCellCss) {
  const width = room.width - room.legendWidth - room.legendGap - room.axes.overhang;
  const extra = room.axes.axis + room.colGap;
  // a panel's side at the view's cell (a hair over, so whole device pixels stay whole)
  const maxSide = Math.min(MAX_PANEL_CSS, maxCellCss * Math.max(nLayers, nHeads, 1) + 1e-6);
  const [cols, cellCss] = fitPanels(width, nPanels, nLayers, nHeads, extra, { dpr, maxSide });
  return { cols, cellCss, cell: Math.max(1, Math.round(cellCss * dpr)) };
}

/**
 * Measure the view's width, its legend and the panel gap (forces a layout: call once per geometry).
 * @param {HTMLElement} root  the view (its content box is the room)
 * @param {HTMLElement} legend
 * @param {HTMLElement} grid  the panels' grid
 * @param {import("./panel.js").AxisRoom} axes  from a panel's measure
 * @returns {Room}
 */
export function measureRoom(root, legend, grid, axes) {
  const style = getComputedStyle(root);
  const width = root.getBoundingClientRect().width - px(style.paddingLeft) - px(style.paddingRight);
  const legendWidth = legend.getBoundingClientRect().width; // the border box, as observed
  const legendGap = px(getComputedStyle(/** @type {HTMLElement} */ (legend.parentElement)).columnGap);
  // one column of rows, or several (js/legend.js): the tallest column, its rows closed
  const columns = legend.querySelector(":scope > .hw-legend-col") ? [...legend.children] : [legend];
  const legendRows = Math.max(0, ...columns.map((column) => closedHeight(/** @type {HTMLElement} */ (column))));
  return {
    width: Math.floor(width),
    legendWidth: Math.ceil(legendWidth),
    legendGap,
    legendRows,
    colGap: px(getComputedStyle(grid).columnGap),
    axes,
  };
}

/**
 * A column of legend rows' height with every "k categories" row closed.
 * @param {HTMLElement} column
 * @returns {number}
 */
function closedHeight(column) {
  const rows = /** @type {HTMLElement[]} */ ([...column.querySelectorAll(":scope > .hw-legend-row")]);
  const rowGap = px(getComputedStyle(column).rowGap);
  return rows.reduce((sum, row) => sum + row.getBoundingClientRect().height, 0) + rowGap * Math.max(0, rows.length - 1);
}

/** @param {string} value  a computed length ("12px", "normal") @returns {number} */
function px(value) {
  return parseFloat(value) || 0;
}

/**
 * Call `onChange` when the width of `container` or the size of `legend` changes from
 * what `last` holds. Only widths drive the fit (a taller view never re-fits), and the
 * fit never changes the container's width nor the legend's size, so a re-fit cannot
 * trigger another: no resize loop.
 * @param {HTMLElement} container
 * @param {HTMLElement} legend
 * @param {() => Room | null} last  the sizes the current fit used
 * @param {() => void} onChange
 * @returns {() => void}  disconnects the observer
 */
export function watchSize(container, legend, last, onChange) {
  const observer = new ResizeObserver((entries) => {
    const room = last();
    const changed = entries.some((entry) => {
      if (!room) return true;
      if (entry.target === container) return Math.floor(entry.contentRect.width) !== room.width;
      const box = entry.borderBoxSize?.[0];
      const width = Math.ceil(box ? box.inlineSize : entry.contentRect.width);
      return width !== room.legendWidth;
    });
    if (changed) onChange();
  });
  observer.observe(container);
  observer.observe(legend);
  return () => observer.disconnect();
}
