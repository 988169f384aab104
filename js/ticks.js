// One axis's tick labels: the values shown together are a set of label elements, their
// text written once, each label moved by a transform; a set not shown is parked out of
// sight, or out of the layout once another was parked after it (js/shelf.js). A range
// step to the values shown just before, or within the same values, writes the changed
// transforms only (none at all for a crop shown before: zooming in and out again): no
// text is laid out, nothing is added to or removed from the layout, and nothing is
// repainted (a transform moves a label's recorded paint).

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
 * Where an axis's labels go: the values shown, ascending, and each one's transform.
 * @typedef {object} Placement
 * @property {string} key  one per placement: equal keys, equal placements
 * @property {number[]} values
 * @property {string[]} transforms
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
  const transforms = values.map((v) => {
    const at = Math.round(offset(v) - 0.5) - (along - 1) / 2;
    return axis === "x" ? `translateX(${at}px)` : `translateY(${at}px)`;
  });
  return { key: `${values}|${transforms}`, values, transforms };
}

/**
 * @param {HTMLElement} container  the axis's positioned box
 * @param {"x" | "y"} axis
 * @returns {AxisTicks}
 */
export function createAxisTicks(container, axis) {
  /** @type {[number, number]} */
  let size = [1, 1];
  /** @type {WeakMap<HTMLElement, {labels: HTMLElement[], transforms: string[]}>} each set's labels */
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
      sets.set(set, { labels, transforms: labels.map(() => "") });
      return set;
    },
    KEEP,
  );
  return {
    reset(next) {
      size = next;
      shelf.clear();
    },
    place({ values, transforms }) {
      const [set] = shelf.show([values.join(" ")], [SHOWN]);
      const shown = sets.get(set);
      if (!shown) return;
      // as last written: reading a style back costs, and so does writing the same value
      shown.labels.forEach((el, i) => {
        if (shown.transforms[i] !== transforms[i]) el.style.transform = shown.transforms[i] = transforms[i];
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
