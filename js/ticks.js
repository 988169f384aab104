// One axis's tick labels: an element per value, its text written once, moved by a
// transform. A range step that shows values shown before writes transforms only: no text
// is laid out again, nothing is added to or removed from the layout, and nothing is
// repainted (a transform moves a label's recorded paint). A label no longer shown is
// parked out of sight by a transform too (`visibility` would repaint every label shown or
// hidden, which was a quarter of a step); a few are kept for the next step.

/** Parked labels kept beyond the ones shown (the least recently shown go first). */
const KEEP = 48;

/**
 * Where a label not shown waits: far above the page. What overflows a box upwards is never
 * scrollable, so it adds no scroll room, in any scrolling ancestor.
 */
const PARKED = "translateY(-100000px)";

/**
 * @typedef {object} Label
 * @property {HTMLElement} el
 * @property {string} transform  as last written (reading the style back costs)
 */

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
  /** @type {Map<number, Label>} by value, least recently shown first */
  const labels = new Map();
  /** @type {number[]} */
  let shown = [];
  /** @type {[number, number]} */
  let size = [1, 1];

  /** @param {number} value @returns {Label} */
  function label(value) {
    let t = labels.get(value);
    if (t) {
      labels.delete(value); // to the end: most recently shown
    } else {
      const el = document.createElement("span");
      el.className = `hw-tick hw-tick-${axis}`;
      el.textContent = String(value);
      sizeLabel(el, size, axis);
      container.append(el);
      t = { el, transform: "" };
    }
    labels.set(value, t);
    return t;
  }

  return {
    reset(next) {
      size = next;
      for (const t of labels.values()) t.el.remove();
      labels.clear();
      shown = [];
    },
    place({ values, transforms }) {
      const next = new Set(values);
      for (const v of shown) {
        const t = labels.get(v);
        if (t && !next.has(v)) move(t, PARKED);
      }
      values.forEach((v, i) => move(label(v), transforms[i]));
      shown = values;
      for (const [v, t] of labels) {
        if (labels.size <= values.length + KEEP) break;
        labels.delete(v); // the least recently shown: the ones shown now were moved to the end
        t.el.remove();
      }
    },
  };
}

/** @param {Label} t @param {string} transform */
function move(t, transform) {
  if (t.transform !== transform) t.el.style.transform = t.transform = transform;
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
