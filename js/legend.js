// The legend beside the composite: colour swatches and labels (text only). The
// "k categories" rows open into the combinations present, UpSet-style: one dot
// per visible category, a bar and a count; choosing one highlights its heads.
// Up to MAX_ROWS rows stand in one column; more go into columns of equal rows
// (top to bottom, then left to right, as the static figure's side legend), at most
// MAX_COLUMNS, so 40 categories make a block beside the panels, not 80 rows. An open
// row's combinations stay in its column: opening one moves no other row.

import { control, div } from "./dom.js";

/** rows in one column before the legend takes more */
export const MAX_ROWS = 24;
/** columns at most: past MAX_ROWS * MAX_COLUMNS rows, the columns grow longer */
export const MAX_COLUMNS = 4;

/**
 * Columns for `n` legend rows, and rows per column (the last may hold fewer).
 * @param {number} n
 * @returns {[number, number]}
 */
export function legendColumns(n) {
  const columns = Math.min(MAX_COLUMNS, Math.max(1, Math.ceil(n / MAX_ROWS)));
  return [columns, Math.ceil(n / columns)];
}

/**
 * @typedef {object} LegendRow
 * @property {string} label
 * @property {string} color
 * @property {number} [size]  for a "k categories" row: k
 */

/**
 * @typedef {object} ComboRow
 * @property {string} key  the combination's category indices, e.g. "2,3"
 * @property {string[]} names
 * @property {number[]} members  category indices
 * @property {number} count  heads in the shown range
 */

/**
 * @param {HTMLElement} el
 * @param {{choose: (key: string | null) => void, select: (key: string) => void, refresh: () => void}} actions
 *   `refresh` asks the view for a new `update` (a row opened or closed)
 */
export function createLegend(el, actions) {
  /** @type {Set<number>} sizes whose combinations are open */
  const open = new Set();
  let drawn = "";
  let drawnRows = "";

  /**
   * @param {Parameters<typeof build>[0]} state
   * @returns {boolean}  whether the rows changed (then the legend's size may have: the view re-fits)
   */
  function update(state) {
    const signature = JSON.stringify([state.rows, [...state.combos], state.active, [...open]]);
    if (signature === drawn) return false;
    drawn = signature;
    const rows = JSON.stringify(state.rows);
    const rowsChanged = rows !== drawnRows;
    drawnRows = rows;
    // Rebuilding must not lose the keyboard user's place: refocus the same control.
    const focused = el.contains(document.activeElement) ? document.activeElement?.getAttribute("data-key") : null;
    el.replaceChildren(...columns(build(state), state.rows.length));
    el.classList.toggle("hw-legend-columns", legendColumns(state.rows.length)[0] > 1);
    if (focused) /** @type {HTMLElement | null} */ (el.querySelector(`[data-key="${focused}"]`))?.focus();
    return rowsChanged;
  }

  /**
   * @param {{rows: LegendRow[], combos: Map<number, ComboRow[]>, active: string | null, colors: string[], shown: number[]}} state
   * @returns {HTMLElement[]}
   */
  function build({ rows, combos, active, colors, shown }) {
    /** @type {HTMLElement[]} */
    const out = [];
    for (const row of rows) {
      if (!row.size) {
        out.push(entry("div", row));
        continue;
      }
      const k = row.size;
      const list = combos.get(k) ?? [];
      const toggle = entry("button", row);
      toggle.classList.add("hw-legend-group");
      toggle.dataset.key = `group-${k}`;
      toggle.setAttribute("aria-expanded", String(open.has(k)));
      toggle.addEventListener("click", () => {
        if (open.has(k)) open.delete(k);
        else open.add(k);
        actions.refresh();
      });
      out.push(toggle);
      if (!open.has(k)) continue;
      const box = document.createElement("div");
      box.className = "hw-combos";
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", `combinations of ${k} categories`);
      const most = Math.max(1, ...list.map((c) => c.count));
      for (const combo of list) box.append(...comboRow(combo, most, row.color, colors, shown, combo.key === active));
      if (!list.length) box.append(note("none in view"));
      out.push(box);
    }
    return out;
  }

  /**
   * @param {ComboRow} combo
   * @param {number} most  largest count in the list (the bars' scale)
   * @param {string} color  the group's colour
   * @param {string[]} colors  each category's colour
   * @param {number[]} shown  visible category indices, in order
   * @param {boolean} chosen
   */
  function comboRow(combo, most, color, colors, shown, chosen) {
    const button = control("button", "hw-combo");
    button.dataset.key = `combo-${combo.key}`;
    button.setAttribute("aria-pressed", String(chosen));
    const heads = `${combo.count} ${combo.count === 1 ? "head" : "heads"}`;
    button.setAttribute("aria-label", `${combo.names.join(" + ")}: ${heads}`);
    const dots = document.createElement("span");
    dots.className = "hw-dots";
    for (const c of shown) {
      const dot = document.createElement("span");
      dot.className = "hw-dot";
      if (combo.members.includes(c)) dot.style.background = colors[c];
      dots.append(dot);
    }
    const bar = document.createElement("span");
    bar.className = "hw-bar";
    bar.style.width = `${Math.max(2, Math.round((combo.count / most) * 28))}px`;
    bar.style.background = color;
    const count = document.createElement("span");
    count.className = "hw-combo-count";
    count.textContent = String(combo.count);
    const names = document.createElement("span");
    names.className = "hw-combo-names";
    names.textContent = combo.names.join(" + "); // user text: never HTML
    button.append(dots, bar, count, names);
    button.addEventListener("click", () => actions.choose(chosen ? null : combo.key));
    if (!chosen || !combo.count) return [button];
    const pick = control("button", "hw-combo-select");
    pick.dataset.key = `select-${combo.key}`;
    pick.textContent = `select ${heads}`;
    pick.addEventListener("click", () => actions.select(combo.key));
    return [button, pick];
  }

  return {
    update,
    /** Whether any "k categories" row is open: only then are combinations counted. */
    isOpen: () => open.size > 0,
  };
}

/**
 * The built rows as they stand: as they are for one column, else in column boxes of
 * equal rows (an open row's combinations follow it in its column).
 * @param {HTMLElement[]} built  rows, each open row followed by its combinations
 * @param {number} n  rows (combinations not counted)
 * @returns {HTMLElement[]}
 */
function columns(built, n) {
  const [count, per] = legendColumns(n);
  if (count === 1) return built;
  /** @type {HTMLElement[]} */
  const boxes = [];
  let row = 0;
  for (const item of built) {
    const isRow = item.classList.contains("hw-legend-row");
    if (isRow && row % per === 0) boxes.push(div("hw-legend-col"));
    if (isRow) row++;
    boxes[boxes.length - 1].append(item);
  }
  return boxes;
}

/**
 * @param {"div" | "button"} tag
 * @param {LegendRow} row
 */
function entry(tag, { label, color }) {
  const row = tag === "button" ? control("button", "hw-legend-row") : div("hw-legend-row");
  const swatch = document.createElement("span");
  swatch.className = "hw-swatch";
  swatch.style.background = color;
  const text = document.createElement("span");
  text.textContent = label; // user text: never HTML
  row.append(swatch, text);
  return row;
}

/** @param {string} text */
function note(text) {
  const span = document.createElement("span");
  span.className = "hw-combo-note";
  span.textContent = text;
  return span;
}
