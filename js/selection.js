// Selecting heads: click, shift-click, or drag a rectangle in any panel. The
// selection lives in the model's `selected` trait as [[layer, head], ...].

/** @typedef {[number, number]} Head */

/**
 * The selection after a click on `head`: that head alone, or with shift, toggled in or out.
 * @param {Head[]} selected
 * @param {Head} head
 * @param {boolean} additive
 * @returns {Head[]}
 */
export function clickSelect(selected, head, additive) {
  if (!additive) return [head];
  const rest = selected.filter(([l, h]) => l !== head[0] || h !== head[1]);
  return rest.length === selected.length ? sortHeads([...selected, head]) : rest;
}

/**
 * The selection after dragging a rectangle between two heads (inclusive).
 * @param {Head[]} selected
 * @param {Head} from
 * @param {Head} to
 * @param {boolean} additive
 * @returns {Head[]}
 */
export function rectSelect(selected, from, to, additive) {
  const heads = additive ? [...selected] : [];
  const seen = new Set(heads.map(([l, h]) => `${l},${h}`));
  for (let l = Math.min(from[0], to[0]); l <= Math.max(from[0], to[0]); l++) {
    for (let h = Math.min(from[1], to[1]); h <= Math.max(from[1], to[1]); h++) {
      if (!seen.has(`${l},${h}`)) heads.push([l, h]);
    }
  }
  return sortHeads(heads);
}

/** @param {Head[]} heads */
export function sortHeads(heads) {
  return heads.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/**
 * SVG path outlining each selected head inside the shown layers and heads, on cells
 * `cellX` x `cellY` CSS px (a crop's cells: js/layout.js cropCell).
 * @param {Head[]} selected
 * @param {[number, number]} layers  inclusive range shown
 * @param {[number, number]} heads  inclusive range shown
 * @param {number} cellX
 * @param {number} [cellY]
 * @returns {string}
 */
export function outlinePath(selected, layers, heads, cellX, cellY = cellX) {
  const inset = selectionStroke(Math.min(cellX, cellY)) / 2; // keep the stroke inside the cell
  const w = Math.max(cellX - 2 * inset, 1);
  const h = Math.max(cellY - 2 * inset, 1);
  let d = "";
  for (const [l, hd] of selected) {
    if (l < layers[0] || l > layers[1] || hd < heads[0] || hd > heads[1]) continue;
    d += `M${round((l - layers[0]) * cellX + inset)} ${round((hd - heads[0]) * cellY + inset)}h${round(w)}v${round(h)}h${round(-w)}z`;
  }
  return d;
}

/** @param {number} v  a path coordinate, to 1/1000 px */
function round(v) {
  return Math.round(v * 1000) / 1000;
}

/**
 * Stroke width of the selection outline: 2 px, or 1 px on small cells so the
 * head's own colour still shows through.
 * @param {number} cellCss  the cell's smaller side
 */
export function selectionStroke(cellCss) {
  return cellCss >= 10 ? 2 : 1;
}
