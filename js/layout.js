// Layout rules shared with the Python SVG writer (src/headwidget/layout.py);
// tests/js/layout.test.js checks both against tests/fixtures/layout.json.

export const COMPOSITE_TITLE = "All Categories";

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
 * Legend rows as in the reference: "V categories" ... "2 categories", then the
 * visible categories last to first, then "Unclassified".
 * @param {string[]} categories
 * @param {boolean[]} shown
 * @param {{categories: string[], multi: string[], unclassified: string}} palette
 * @returns {{label: string, color: string}[]}
 */
export function legendEntries(categories, shown, palette) {
  const visible = categories.map((name, i) => ({ label: name, color: palette.categories[i] }))
    .filter((_, i) => shown[i]);
  const rows = [];
  for (let k = visible.length; k >= 2; k--) rows.push({ label: `${k} categories`, color: palette.multi[k - 2] });
  rows.push(...visible.reverse());
  rows.push({ label: "Unclassified", color: palette.unclassified });
  return rows;
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
