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
 * SVG path outlining each selected head inside the shown layers and heads.
 * @param {Head[]} selected
 * @param {[number, number]} layers  inclusive range shown
 * @param {[number, number]} heads  inclusive range shown
 * @param {number} cellCss
 * @returns {string}
 */
export function outlinePath(selected, layers, heads, cellCss) {
  const inset = selectionStroke(cellCss) / 2; // keep the stroke inside the cell
  const size = Math.max(cellCss - 2 * inset, 1);
  let d = "";
  for (const [l, h] of selected) {
    if (l < layers[0] || l > layers[1] || h < heads[0] || h > heads[1]) continue;
    d += `M${(l - layers[0]) * cellCss + inset} ${(h - heads[0]) * cellCss + inset}h${size}v${size}h${-size}z`;
  }
  return d;
}

/**
 * Stroke width of the selection outline: 2 px, or 1 px on small cells so the
 * head's own colour still shows through.
 * @param {number} cellCss
 */
export function selectionStroke(cellCss) {
  return cellCss >= 10 ? 2 : 1;
}
