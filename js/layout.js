// The figure's rules, as the Python side states them for the static exports
// (src/headwidget/layout.py): tests/js/layout.test.js checks this module against
// tests/fixtures/layout.json, which Python writes.

export const COMPOSITE_TITLE = "All Categories";
/** The legend's last row: heads in no visible category. */
export const UNCLASSIFIED_LABEL = "Unclassified";
/** Largest side of a panel in CSS pixels (the reference's panels are ~230). */
export const MAX_PANEL_CSS = 240;
/** Height of the per-layer count bars above the composite, and their gap to it, in CSS pixels. */
export const COUNTS_HEIGHT = 40;
export const COUNTS_GAP = 3;

/** @typedef {{categories: string[], multi: string[], unclassified: string}} Palette */

/**
 * Tick values for an inclusive index range: every n // 5 (at least 1, and at
 * least `minStep` so labels on a narrow panel do not collide), at multiples of
 * that step, so 0..31 gives 0, 6, ..., 30.
 * @param {number} first
 * @param {number} last
 * @param {number} [minStep]
 * @returns {number[]}
 */
export function tickValues(first, last, minStep = 1) {
  const step = Math.max(1, minStep, Math.floor((last - first + 1) / 5));
  const ticks = [];
  for (let v = Math.ceil(first / step) * step; v <= last; v += step) ticks.push(v);
  return ticks;
}

/**
 * Panel titles in order: the composite, then each visible category.
 * @param {string[]} categories
 * @param {boolean[]} shown  one flag per category
 * @returns {string[]}
 */
export function panelTitles(categories, shown) {
  return [COMPOSITE_TITLE, ...categories.filter((_, i) => shown[i])];
}

/**
 * The group rule, the one statement of the composite colours. Under the visible
 * categories a head is in group v (0 <= v < V) when it is in exactly one visible
 * category, the v-th; in group V + k - 2 when it is in k >= 2; unclassified (-1)
 * otherwise. The composite colours a head by its group, the count bars stack the
 * groups, and the legend lists them.
 * @param {Uint8Array} cells  one byte (0/1) per (layer, head, category), C order
 * @param {[number, number, number]} shape
 * @param {boolean[]} shown  one flag per category
 * @returns {Int16Array}  per head (layer * heads + head)
 */
export function headGroups(cells, shape, shown) {
  const [L, H, C] = shape;
  const visible = [];
  for (let c = 0; c < C; c++) if (shown[c]) visible.push(c);
  const V = visible.length;
  const groups = new Int16Array(L * H);
  for (let i = 0; i < L * H; i++) {
    let k = 0;
    let only = -1;
    for (let v = 0; v < V; v++) {
      if (cells[i * C + visible[v]] === 1) {
        k++;
        only = v;
      }
    }
    groups[i] = k === 0 ? -1 : k === 1 ? only : V + k - 2;
  }
  return groups;
}

/**
 * Colour of each group: the visible categories', then those of heads in 2 .. V categories.
 * @param {boolean[]} shown
 * @param {Palette} palette
 * @returns {string[]}
 */
export function groupColors(shown, palette) {
  const colors = palette.categories.filter((_, c) => shown[c]);
  return [...colors, ...palette.multi.slice(0, Math.max(0, colors.length - 1))];
}

/**
 * Label and colour of each group: the visible categories, then "2 categories" ... "V categories".
 * @param {string[]} categories
 * @param {boolean[]} shown
 * @param {Palette} palette
 * @returns {{label: string, color: string}[]}
 */
export function groupEntries(categories, shown, palette) {
  const labels = categories.filter((_, c) => shown[c]);
  const V = labels.length;
  for (let k = 2; k <= V; k++) labels.push(`${k} categories`);
  const colors = groupColors(shown, palette);
  return labels.map((label, g) => ({ label, color: colors[g] }));
}

/**
 * Legend rows as in the reference: the groups last to first ("V categories" ...
 * "2 categories", then the visible categories last to first), then "Unclassified".
 * @param {string[]} categories
 * @param {boolean[]} shown
 * @param {Palette} palette
 * @returns {{label: string, color: string}[]}
 */
export function legendEntries(categories, shown, palette) {
  return [...groupEntries(categories, shown, palette).reverse(), { label: UNCLASSIFIED_LABEL, color: palette.unclassified }];
}

/**
 * Smallest tick step whose labels do not overlap: a label needs about 7 CSS px
 * per digit plus a gap along x, one line height (14 px) along y.
 * @param {"x" | "y"} axis
 * @param {number} last  largest value on the axis (sets the digits)
 * @param {number} cellCss  CSS pixels per cell
 * @returns {number}
 */
export function minTickStep(axis, last, cellCss) {
  const labelCss = axis === "x" ? 7 * String(last).length + 8 : 14;
  return Math.ceil(labelCss / cellCss);
}

/**
 * Device pixels per cell: the largest whole number that fits the shown layers
 * and all heads into a square-celled panel at most `maxCss` CSS pixels on a side.
 * @param {number} nLayers  layers shown
 * @param {number} nHeads
 * @param {number} dpr  window.devicePixelRatio
 * @param {number} maxCss
 * @returns {number}
 */
export function cellPixels(nLayers, nHeads, dpr, maxCss) {
  return Math.max(1, Math.floor((maxCss * dpr) / Math.max(nLayers, nHeads)));
}
