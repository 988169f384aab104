// Per-layer counts above the composite: how many heads of each layer are
// classified, stacked by their composite colour (each category alone, then
// heads in 2, 3, ... categories). Makes "specialisation emerges late" visible.

/**
 * Counts per layer and group: group g < V is "only visible category g", group
 * V + k - 2 is "in k visible categories".
 * @param {Uint8Array} cells
 * @param {[number, number, number]} shape
 * @param {boolean[]} shown
 * @returns {{counts: Uint16Array, groups: number, max: number}}  counts[layer * groups + g]
 */
export function layerCounts(cells, shape, shown) {
  const [L, H, C] = shape;
  const visible = [];
  for (let c = 0; c < C; c++) if (shown[c]) visible.push(c);
  const V = visible.length;
  const groups = Math.max(1, 2 * V - 1);
  const counts = new Uint16Array(L * groups);
  let max = 0;
  for (let l = 0; l < L; l++) {
    let total = 0;
    for (let h = 0; h < H; h++) {
      const base = (l * H + h) * C;
      let k = 0;
      let only = -1;
      for (let v = 0; v < V; v++) {
        if (cells[base + visible[v]] === 1) {
          k++;
          only = v;
        }
      }
      if (k === 0) continue;
      counts[l * groups + (k === 1 ? only : V + k - 2)]++;
      total++;
    }
    if (total > max) max = total;
  }
  return { counts, groups, max };
}

/** Height of the count bars in CSS pixels. */
export const COUNTS_HEIGHT = 40;

/**
 * Draw stacked bars for layers first..last, one cell wide each, scaled to the
 * busiest layer of the whole model (so cropping does not rescale them).
 * @param {HTMLCanvasElement} canvas
 * @param {{counts: Uint16Array, groups: number, max: number}} tally
 * @param {string[]} colors  one per group
 * @param {number} first
 * @param {number} last
 * @param {number} cell  device pixels per layer
 * @param {number} dpr
 */
export function drawCounts(canvas, { counts, groups, max }, colors, first, last, cell, dpr) {
  const width = (last - first + 1) * cell;
  const height = Math.round(COUNTS_HEIGHT * dpr);
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
    canvas.style.width = `${width / dpr}px`;
    canvas.style.height = `${COUNTS_HEIGHT}px`;
  }
  const ctx = canvas.getContext("2d");
  ctx.clearRect(0, 0, width, height);
  if (max === 0) return;
  for (let l = first; l <= last; l++) {
    let y = height;
    for (let g = 0; g < groups; g++) {
      const n = counts[l * groups + g];
      if (!n) continue;
      const h = Math.round((n / max) * height);
      ctx.fillStyle = colors[g];
      ctx.fillRect((l - first) * cell, y - h, cell, h);
      y -= h;
    }
  }
}
