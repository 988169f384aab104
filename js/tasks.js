// Tasks grouped into categories, by the same rule as src/headwidget/tasks.py: each task
// is classified on its own, and a head is in a category when it is in any of the
// category's tasks.

/**
 * Category cells from task cells.
 * @param {Uint8Array} taskCells  one byte (0/1) per (layer, head, task), C order
 * @param {number} heads  layers * heads
 * @param {number[]} index  each task's category position
 * @param {number} nCategories
 * @returns {Uint8Array}  one byte (0/1) per (layer, head, category), C order
 */
export function groupCells(taskCells, heads, index, nCategories) {
  const T = index.length;
  const cells = new Uint8Array(heads * nCategories);
  for (let i = 0; i < heads; i++) {
    const from = i * T;
    const to = i * nCategories;
    for (let t = 0; t < T; t++) cells[to + index[t]] |= taskCells[from + t];
  }
  return cells;
}

/**
 * Each category's tasks, in task order.
 * @param {number[]} index
 * @param {number} nCategories
 * @returns {number[][]}
 */
export function members(index, nCategories) {
  /** @type {number[][]} */
  const out = Array.from({ length: nCategories }, () => []);
  index.forEach((c, t) => out[c].push(t));
  return out;
}
