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

/** The live view wraps panels rather than draw cells smaller than this, CSS px. */
export const MIN_CELL_CSS = 3;
/** Tick labels' size in the live view unless the page sets another, CSS px. */
export const TICK_FONT_CSS = 11;

/**
 * The step of an axis of `n` values: n // 5 (at least 1), doubled until it is at
 * least `minStep`, so a thinned axis keeps every other tick of the same series.
 * @param {number} n
 * @param {number} [minStep]
 * @returns {number}
 */
export function tickStep(n, minStep = 1) {
  let step = Math.max(1, Math.floor(n / 5));
  while (step < minStep) step *= 2;
  return step;
}

/**
 * Ticks of the shown values first..last of an axis of `n`: the axis's own multiples
 * of tickStep (0..31 of 32 gives 0, 6, ..., 30; a crop to 18..31 gives 18, 24, 30).
 * A crop between two ticks of the series marks its ends instead (its first alone
 * when they would touch), so no shown axis is bare.
 * @param {number} first
 * @param {number} last
 * @param {number} n
 * @param {number} [minStep]
 * @returns {number[]}
 */
export function tickValues(first, last, n, minStep = 1) {
  const step = tickStep(n, minStep);
  const ticks = [];
  for (let v = Math.ceil(first / step) * step; v <= last; v += step) ticks.push(v);
  if (ticks.length) return ticks;
  return last - first >= Math.max(minStep, 1) ? [first, last] : [first];
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
 * The largest k whose "k categories" row the legend lists (below 2: none): every k up
 * to 4 (as far as the visible categories go: the reference's rows), beyond that up to
 * `most`, the most visible categories one head is in (groups.py's largest_listed).
 * @param {number} nVisible
 * @param {number} [most]  Infinity (the default): every k up to `nVisible`
 * @returns {number}
 */
export function largestListed(nVisible, most = Infinity) {
  return Math.min(nVisible, Math.max(Math.min(nVisible, 4), most));
}

/**
 * The most visible categories any one head is in (0 for none), over the whole model.
 * @param {Uint8Array} cells  0/1 per (layer, head, category), C order
 * @param {[number, number, number]} shape
 * @param {boolean[]} shown
 * @param {Int16Array} [groups]  headGroups(cells, shape, shown), when the caller has it: read
 *   from it, one value per head (the cells are one per head and category)
 * @returns {number}
 */
export function mostCategories(cells, shape, shown, groups) {
  const [L, H, C] = shape;
  const visible = shown.map((on, c) => (on ? c : -1)).filter((c) => c >= 0);
  let most = 0;
  if (groups) {
    // the group rule: -1 none, v < V one category, V + k - 2 for k >= 2
    const V = visible.length;
    let top = -1;
    for (let i = 0; i < groups.length; i++) if (groups[i] > top) top = groups[i];
    return top < 0 ? 0 : top < V ? 1 : top - V + 2;
  }
  for (let i = 0, base = 0; i < L * H; i++, base += C) {
    let k = 0;
    for (const c of visible) k += cells[base + c];
    if (k > most) most = k;
    if (most === visible.length) break; // none can be in more
  }
  return most;
}

/**
 * Legend rows as in the reference: the groups last to first ("K categories" ...
 * "2 categories", K = largestListed(V, most), then the visible categories last to
 * first), then "Unclassified".
 * @param {string[]} categories
 * @param {boolean[]} shown
 * @param {Palette} palette
 * @param {number} [most]  the most visible categories one head is in (default: every row)
 * @returns {{label: string, color: string}[]}
 */
export function legendEntries(categories, shown, palette, most = Infinity) {
  const groups = groupEntries(categories, shown, palette);
  const V = shown.filter(Boolean).length;
  const listed = groups.slice(0, V + Math.max(0, largestListed(V, most) - 1));
  return [...listed.reverse(), { label: UNCLASSIFIED_LABEL, color: palette.unclassified }];
}

/**
 * Fewest values between two tick labels so they do not touch, for cells `cell`
 * px wide and labels `fontPx` px tall: along x the widest label (0.64 em a digit)
 * and 0.7 em of gap, along y 1.3 lines.
 * @param {"x" | "y"} axis
 * @param {number} last  largest value on the axis (sets the digits)
 * @param {number} cell  px per cell
 * @param {number} [fontPx]
 * @returns {number}
 */
export function minTickStep(axis, last, cell, fontPx = TICK_FONT_CSS) {
  const label = axis === "x" ? fontPx * (0.64 * String(last).length + 0.7) : fontPx * 1.3;
  return label / cell;
}

/**
 * A crop's cell along one axis: the panel's box is `cell` x `n` (the whole model's axis),
 * and the `shown` values fill it, so each is cell * n / shown px (fractional). Python's
 * layout.crop_cell states the same.
 * @param {number} cell  the whole model's cell, px
 * @param {number} n  values on the axis
 * @param {number} shown  values shown
 * @returns {number}
 */
export function cropCell(cell, n, shown) {
  return (cell * n) / shown;
}

/**
 * Panels per row and the side of a head's square cell in px. Each of `ncols` panels
 * takes room / ncols px: `extra` px of axis and gap, then its cells, `nLayers`
 * across. A cell never makes a panel's longest side exceed `maxSide`; with `dpr`
 * (the live view) it is whole device pixels, at least one. Without `ncols`, a row
 * holds as many panels as keep the cells at least `minPlot` px wide and a cell at
 * least `minCell` px, or, for a model too big for that within `maxSide`, at least
 * what `maxSide` allows up to 1 px (and one device pixel): one row when all fit,
 * else as few rows as fit, evened out (3 + 2, not 4 + 1).
 * @param {number} room
 * @param {number} nPanels
 * @param {number} nLayers  layers shown
 * @param {number} nHeads  heads shown
 * @param {number} extra
 * @param {{minCell?: number, minPlot?: number, ncols?: number | null, maxSide?: number, dpr?: number | null}} [options]
 * @returns {[number, number]}  [panels per row, cell px]
 */
export function fitPanels(room, nPanels, nLayers, nHeads, extra, options = {}) {
  const { minCell = MIN_CELL_CSS, minPlot = 0, ncols = null, maxSide = MAX_PANEL_CSS, dpr = null } = options;
  const cap = maxSide / Math.max(nLayers, nHeads, 1);
  // a cell as drawn: whole device pixels (0 when none fits)
  const whole = (/** @type {number} */ cell) => (dpr === null ? cell : Math.floor(cell * dpr) / dpr);
  const cellAt = (/** @type {number} */ cols) => Math.min(cap, (room / cols - extra) / Math.max(nLayers, 1));
  let cols = ncols;
  if (cols === null) {
    const need = whole(cap) >= minCell ? minCell : Math.max(Math.min(whole(cap), 1), dpr === null ? 0 : 1 / dpr);
    cols = 1;
    for (let c = nPanels; c > 1; c--) {
      if (whole(cellAt(c)) >= need && cellAt(c) * nLayers >= minPlot) {
        cols = c;
        break;
      }
    }
    cols = Math.ceil(nPanels / Math.ceil(nPanels / cols)); // the same rows, evened out
  }
  cols = Math.max(1, Math.min(cols, nPanels));
  return [cols, dpr === null ? cellAt(cols) : Math.max(1 / dpr, whole(cellAt(cols)))];
}
