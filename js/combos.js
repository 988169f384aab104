// Which combination, not just how many: the sets of visible categories that
// heads in 2 or more categories belong to, counted in the shown range
// (UpSet-style), and the heads of one combination for highlighting.

/**
 * @typedef {object} Combos
 * @property {Int32Array} ids  per head (layer * heads + head): index into `members`, or -1 for heads in fewer than 2 visible categories
 * @property {number[][]} members  category indices of each combination, ascending
 */

/**
 * Group every head in 2+ visible categories by its exact set of categories.
 * @param {Uint8Array} cells
 * @param {[number, number, number]} shape
 * @param {boolean[]} shown
 * @returns {Combos}
 */
export function findCombos(cells, shape, shown) {
  const [L, H, C] = shape;
  const ids = new Int32Array(L * H).fill(-1);
  /** @type {Map<string, number>} */
  const index = new Map();
  /** @type {number[][]} */
  const members = [];
  for (let i = 0; i < L * H; i++) {
    let k = 0;
    for (let c = 0; c < C; c++) if (shown[c] && cells[i * C + c] === 1) k++;
    if (k < 2) continue; // most heads: no key to build
    /** @type {number[]} */
    const set = [];
    for (let c = 0; c < C; c++) if (shown[c] && cells[i * C + c] === 1) set.push(c);
    const key = set.join(",");
    let id = index.get(key);
    if (id === undefined) {
      id = members.length;
      index.set(key, id);
      members.push(set);
    }
    ids[i] = id;
  }
  return { ids, members };
}

/**
 * The combinations present in layers[0]..layers[1] x heads[0]..heads[1], grouped
 * by how many categories they join, most heads first.
 * @param {Combos} combos
 * @param {[number, number, number]} shape
 * @param {[number, number]} layers  inclusive
 * @param {[number, number]} heads  inclusive
 * @returns {Map<number, {id: number, members: number[], count: number}[]>}  size -> rows
 */
export function countCombos({ ids, members }, shape, layers, heads) {
  const H = shape[1];
  const counts = new Uint32Array(members.length);
  for (let l = layers[0]; l <= layers[1]; l++) {
    for (let h = heads[0]; h <= heads[1]; h++) {
      const id = ids[l * H + h];
      if (id >= 0) counts[id]++;
    }
  }
  /** @type {Map<number, {id: number, members: number[], count: number}[]>} */
  const groups = new Map();
  members.forEach((m, id) => {
    if (!counts[id]) return;
    const rows = groups.get(m.length) ?? [];
    rows.push({ id, members: m, count: counts[id] });
    groups.set(m.length, rows);
  });
  for (const rows of groups.values()) {
    rows.sort((a, b) => b.count - a.count || compareMembers(a.members, b.members));
  }
  return groups;
}

/** @param {number[]} a @param {number[]} b */
function compareMembers(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/**
 * The index of a combination from its key ("2,3"), or -1 when no head has it.
 * @param {Combos} combos
 * @param {string | null} key
 */
export function findCombo({ members }, key) {
  return key === null ? -1 : members.findIndex((m) => m.join(",") === key);
}

/**
 * The legend's rows from `countCombos`, named; the chosen combination is kept
 * (with 0 heads) when it has left the view, so it can still be un-chosen.
 * @param {Combos} combos
 * @param {ReturnType<typeof countCombos>} groups
 * @param {string | null} chosen
 * @param {string[]} categories
 * @returns {Map<number, import("./legend.js").ComboRow[]>}
 */
export function comboRows(combos, groups, chosen, categories) {
  const row = (/** @type {number[]} */ members, /** @type {number} */ count) => ({
    key: members.join(","),
    names: members.map((c) => categories[c]),
    members,
    count,
  });
  /** @type {Map<number, import("./legend.js").ComboRow[]>} */
  const rows = new Map();
  for (const [k, list] of groups) rows.set(k, list.map((r) => row(r.members, r.count)));
  const id = findCombo(combos, chosen);
  if (id >= 0) {
    const members = combos.members[id];
    const list = rows.get(members.length) ?? [];
    if (!list.some((r) => r.key === chosen)) rows.set(members.length, [...list, row(members, 0)]);
  }
  return rows;
}

/**
 * Every (layer, head) of one combination inside the shown range.
 * @param {Combos} combos
 * @param {number} id
 * @param {[number, number, number]} shape
 * @param {[number, number]} layers
 * @param {[number, number]} heads
 * @returns {[number, number][]}  sorted by layer, then head
 */
export function comboHeads({ ids }, id, shape, layers, heads) {
  const H = shape[1];
  /** @type {[number, number][]} */
  const out = [];
  for (let l = layers[0]; l <= layers[1]; l++) {
    for (let h = heads[0]; h <= heads[1]; h++) if (ids[l * H + h] === id) out.push([l, h]);
  }
  return out;
}

/**
 * SVG path that veils the whole shown area except the given heads (even-odd
 * fill: each head is a hole), so a combination stands out in every panel.
 * Adjacent heads in a row share one hole.
 * @param {[number, number][]} chosen  sorted by layer, then head
 * @param {[number, number]} layers
 * @param {[number, number]} heads
 * @param {number} cellCss
 * @returns {string}
 */
export function veilPath(chosen, layers, heads, cellCss) {
  const w = (layers[1] - layers[0] + 1) * cellCss;
  const h = (heads[1] - heads[0] + 1) * cellCss;
  let d = `M0 0H${w}V${h}H0Z`;
  /** @type {Map<number, number[]>} head -> columns */
  const rows = new Map();
  for (const [l, hd] of chosen) {
    const cols = rows.get(hd) ?? [];
    cols.push(l - layers[0]);
    rows.set(hd, cols);
  }
  for (const [hd, cols] of rows) {
    cols.sort((a, b) => a - b);
    const y = (hd - heads[0]) * cellCss;
    for (let i = 0; i < cols.length; ) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
      d += `M${cols[i] * cellCss} ${y}h${(j - i + 1) * cellCss}v${cellCss}h${-(j - i + 1) * cellCss}z`;
      i = j + 1;
    }
  }
  return d;
}
