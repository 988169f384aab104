// "Which combination": the legend, whose "k categories" rows open into the
// combinations in view, and the chosen combination veiling every other head.

import { comboHeads, comboRows, countCombos, findCombo, findCombos, veilPath } from "./combos.js";
import { createLegend } from "./legend.js";
import { largestListed, legendEntries, mostCategories } from "./layout.js";

/**
 * @typedef {object} Explorer
 * @property {(data: import("./data.js").HeadData, shown: boolean[], palette: import("./layout.js").Palette, groups?: Int16Array) => void} reset
 *   `groups`: headGroups under `shown`, when the caller has it (saves a pass over the cells)
 *   new cells or visible categories (visible level)
 * @property {(layers: [number, number], heads: [number, number]) => boolean} draw
 *   the legend for the shown range (range level); true when its rows changed, so the view
 *   measures it again before it fits the panels beside it
 * @property {() => void} veil  the chosen combination's veil, a path in cell units (each panel scales it to its cells)
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
  /** @type {{layers: [number, number], heads: [number, number]} | null} */
  let view = null;
  /** the chosen combination's id in the last draw, -1 for none */
  let active = -1;
  /** the most visible categories one head is in (the legend lists "k categories" up to it, past 4) */
  let most = Infinity;

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
    reset(newData, newShown, newPalette, groups) {
      data = newData;
      shown = newShown;
      palette = newPalette;
      // up to 4 visible categories the legend lists every row: no need to count
      most = newShown.filter(Boolean).length > 4 ? mostCategories(data.cells, data.shape, shown, groups) : Infinity;
      found = null;
      stale = true;
    },
    draw(layers, heads) {
      view = { layers, heads };
      // a closed legend does not depend on the ranges: a slider step leaves it alone
      if (!stale && !legend.isOpen() && chosen === null) return false;
      stale = false;
      const counted = legend.isOpen() || chosen !== null ? combos() : { ids: new Int32Array(0), members: [] };
      active = findCombo(counted, chosen);
      if (active < 0) chosen = null; // e.g. a category it needs was hidden
      const nGroups = Math.max(0, largestListed(shown.filter(Boolean).length, most) - 1); // "k categories" rows
      return legend.update({
        rows: legendEntries(data.categories, shown, palette, most).map((e, i) =>
          i < nGroups ? { ...e, size: nGroups + 1 - i } : e,
        ),
        combos: legend.isOpen()
          ? comboRows(counted, countCombos(counted, data.shape, layers, heads), chosen, data.categories)
          : new Map(),
        active: active >= 0 ? chosen : null,
        colors: palette.categories,
        shown: data.categories.map((_, c) => c).filter((c) => shown[c]),
      });
    },
    veil() {
      if (!view || active < 0) return hooks.veil("");
      const { layers, heads } = view;
      hooks.veil(veilPath(comboHeads(combos(), active, data.shape, layers, heads), layers, heads, 1));
    },
    choose(key) {
      chosen = key;
      stale = true;
      hooks.redraw();
    },
  };
}
