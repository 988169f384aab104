// "Which combination": the legend, whose "k categories" rows open into the
// combinations in view, and the chosen combination veiling every other head.

import { comboHeads, comboRows, countCombos, findCombo, findCombos, veilPath } from "./combos.js";
import { createLegend } from "./legend.js";
import { legendEntries } from "./layout.js";

/** @typedef {{layers: [number, number], heads: [number, number], cellCss: number}} Shown */

/**
 * @typedef {object} Explorer
 * @property {(data: import("./data.js").HeadData, shown: boolean[], palette: import("./layout.js").Palette) => void} reset
 *   new cells or visible categories (visible level)
 * @property {(view: Shown) => void} draw  legend and veil for the shown range (range level)
 * @property {(key: string | null) => void} choose  choose a combination ("2,3"), or none
 */

/**
 * @param {HTMLElement} el  the legend's container
 * @param {{redraw: () => void, select: (heads: [number, number][]) => void, veil: (d: string) => void}} hooks
 *   `redraw` asks for a range-level update; `veil` draws the veil in every panel
 * @returns {Explorer}
 */
export function createExplorer(el, hooks) {
  /** @type {import("./data.js").HeadData} */
  let data;
  /** @type {boolean[]} */
  let shown = [];
  /** @type {import("./layout.js").Palette} */
  let palette;
  /** @type {import("./combos.js").Combos | null} found when the legend first needs them */
  let found = null;
  /** @type {string | null} the chosen combination, as its category indices "2,3" */
  let chosen = null;
  /** the legend needs drawing even if no row is open (visibility changed, a row closed, ...) */
  let stale = true;
  /** @type {Shown | null} */
  let view = null;

  const legend = createLegend(el, {
    choose(key) {
      chosen = key;
      stale = true;
      hooks.redraw();
    },
    refresh() {
      stale = true;
      hooks.redraw();
    },
    select(key) {
      const id = findCombo(combos(), key);
      if (id >= 0 && view) hooks.select(comboHeads(combos(), id, data.shape, view.layers, view.heads));
    },
  });

  function combos() {
    found ??= findCombos(data.cells, data.shape, shown);
    return found;
  }

  return {
    reset(newData, newShown, newPalette) {
      data = newData;
      shown = newShown;
      palette = newPalette;
      found = null;
      stale = true;
    },
    draw(newView) {
      view = newView;
      // a closed legend does not depend on the ranges: a slider step leaves it alone
      if (!stale && !legend.isOpen() && chosen === null) return;
      stale = false;
      const { layers, heads, cellCss } = view;
      const counted = legend.isOpen() || chosen !== null ? combos() : { ids: new Int32Array(0), members: [] };
      const id = findCombo(counted, chosen);
      if (id < 0) chosen = null; // e.g. a category it needs was hidden
      const nGroups = Math.max(0, shown.filter(Boolean).length - 1);
      legend.update({
        rows: legendEntries(data.categories, shown, palette).map((e, i) =>
          i < nGroups ? { ...e, size: nGroups + 1 - i } : e,
        ),
        combos: legend.isOpen()
          ? comboRows(counted, countCombos(counted, data.shape, layers, heads), chosen, data.categories)
          : new Map(),
        active: id >= 0 ? chosen : null,
        colors: palette.categories,
        shown: data.categories.map((_, c) => c).filter((c) => shown[c]),
      });
      hooks.veil(id >= 0 ? veilPath(comboHeads(counted, id, data.shape, layers, heads), layers, heads, cellCss) : "");
    },
    choose(key) {
      chosen = key;
      stale = true;
      hooks.redraw();
    },
  };
}
