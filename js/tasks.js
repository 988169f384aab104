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

/** A tooltip line lists at most this many of a category's tasks, then "+N more". */
export const TASKS_LISTED = 3;

/**
 * "Which task put a head there", one line per category for a tooltip: for a category
 * the head is in, the tasks that put it there (best score first, with scores when
 * present, at most `limit` then "+N more"); with scores, a category it is not in
 * says "none" and its best task, so a threshold's near misses show.
 * @param {number} i  the head's flat index, layer * heads + head
 * @param {{names: string[], members: number[][], cells: Uint8Array}} tasks  cells per (layer, head, task)
 * @param {string[]} categories
 * @param {Float32Array | null} scores  per (layer, head, task), or null
 * @param {number} [limit]
 * @returns {string[]}
 */
export function taskLines(i, tasks, categories, scores, limit = TASKS_LISTED) {
  const T = tasks.names.length;
  const base = i * T;
  const score = (/** @type {number} */ t) => (scores ? scores[base + t] : NaN);
  const key = (/** @type {number} */ t) => (Number.isNaN(score(t)) ? -Infinity : score(t));
  const named = (/** @type {number} */ t) => (scores ? `${tasks.names[t]} ${formatScore(score(t))}` : tasks.names[t]);
  /** @type {string[]} */
  const lines = [];
  categories.forEach((category, c) => {
    const members = tasks.members[c] ?? [];
    const passing = members.filter((t) => tasks.cells[base + t] === 1);
    if (passing.length) {
      if (scores) passing.sort((a, b) => key(b) - key(a) || a - b);
      const listed = passing.slice(0, limit).map(named);
      if (passing.length > limit) listed.push(`+${passing.length - limit} more`);
      lines.push(`${category}: ${listed.join(", ")}`);
    } else if (scores) {
      const best = members.reduce((b, t) => (b < 0 || key(t) > key(b) ? t : b), -1);
      lines.push(`${category}: none${best < 0 || Number.isNaN(score(best)) ? "" : ` (best ${named(best)})`}`);
    }
  });
  return lines;
}

/**
 * A score as the tooltip shows it: three significant digits, "n/a" for NaN.
 * @param {number} s
 */
export function formatScore(s) {
  return Number.isNaN(s) ? "n/a" : s.toPrecision(3);
}
