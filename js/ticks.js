// One axis's tick labels: the values shown together are a set of label elements, their
// text written once; a set not shown is parked out of sight, or out of the layout once
// another was parked after it (js/shelf.js). Each label stands where the set was first
// shown by its box's offset (`left` / `top`, laid out once), and is moved from there by a
// transform only while the set is shown elsewhere (a drag changes the cells' size): a
// label at rest has no transform, so it is no node of the page's property trees, which
// every frame walks, and a set moved in or out moves as one. A range step to the values
// shown just before, or within the same values, writes the changed transforms only: no
// text is laid out, nothing is added to or removed from the layout, nothing is repainted.

import { SHOWN, createShelf } from "./shelf.js";

/** Tick sets kept beyond the one shown (the older ones out of the layout: they cost no frame). */
const KEEP = 16;

/**
 * @typedef {object} AxisTicks
 * @property {(size: [number, number]) => void} reset  a new geometry: each label's box, CSS px, and
 *   no label kept (each one's box is sized for the old geometry)
 * @property {(placement: Placement) => void} place  show a placement's labels where it says
 */

/**
 * Where an axis's labels go: the values shown, ascending, and each one's offset.
 * @typedef {object} Placement
 * @property {string} key  one per placement: equal keys, equal placements
 * @property {number[]} values
 * @property {number[]} offsets  each label box's start along the axis, whole CSS px
 */

/**
 * The placement of `values` on an axis, each label centred on `offset(value)` CSS px along
 * it: its middle (its 1 px mark) on whole px at the cell's centre, as the box is odd px long.
 * @param {"x" | "y"} axis
 * @param {number[]} values  ascending
 * @param {(value: number) => number} offset
 * @param {[number, number]} size  a label's box, CSS px
 * @returns {Placement}
 */
export function placement(axis, values, offset, [w, h]) {
  const along = axis === "x" ? w : h;
  const offsets = values.map((v) => Math.round(offset(v) - 0.5) - (along - 1) / 2);
  return { key: `${values}|${offsets}`, values, offsets };
}

/**
 * @param {HTMLElement} container  the axis's positioned box
 * @param {"x" | "y"} axis
 * @returns {AxisTicks}
 */
export function createAxisTicks(container, axis) {
  /** @type {[number, number]} */
  let size = [1, 1];
  /**
   * Each set's labels, where each stands at rest (null: not placed yet) and its transform
   * as last written (reading a style back costs, and so does writing the same value).
   * @type {WeakMap<HTMLElement, {labels: HTMLElement[], rest: number[] | null, transforms: string[]}>}
   */
  const sets = new WeakMap();
  const shelf = createShelf(
    container,
    (key) => {
      // the set's box is the axis's own, so its labels stand where the axis's would
      const set = document.createElement("div");
      set.className = "hw-tick-set";
      const labels = key.split(" ").map((text) => {
        const el = document.createElement("span");
        el.className = `hw-tick hw-tick-${axis}`;
        el.textContent = text;
        sizeLabel(el, size, axis);
        return el;
      });
      set.append(...labels);
      sets.set(set, { labels, rest: null, transforms: labels.map(() => "") });
      return set;
    },
    KEEP,
    // a set coming back into the layout is laid out anyway: it rests where it is shown now
    (set) => {
      const kept = sets.get(set);
      if (kept) kept.rest = null;
    },
  );
  return {
    reset(next) {
      size = next;
      shelf.clear();
    },
    place({ values, offsets }) {
      const [set] = shelf.show([values.join(" ")], [SHOWN]);
      const shown = sets.get(set);
      if (!shown) return;
      // a set new or back in the layout: each label at rest where it is shown
      const settle = !shown.rest;
      const rest = (shown.rest ??= offsets);
      const side = axis === "x" ? "left" : "top";
      shown.labels.forEach((el, i) => {
        if (settle) el.style[side] = `${offsets[i]}px`;
        const d = offsets[i] - rest[i];
        const transform = d === 0 ? "" : axis === "x" ? `translateX(${d}px)` : `translateY(${d}px)`;
        if (shown.transforms[i] !== transform) el.style.transform = shown.transforms[i] = transform;
      });
    },
  };
}

/**
 * A label's fixed box (border box, CSS px); a head label's line as tall as its box, so
 * its text sits in the middle.
 * @param {HTMLElement} t
 * @param {[number, number]} size
 * @param {"x" | "y"} axis
 */
function sizeLabel(t, [w, h], axis) {
  t.style.width = `${w}px`;
  t.style.height = `${h}px`;
  if (axis === "y") t.style.lineHeight = `${h}px`;
}
