// One axis's tick labels: an element per value, its text written once, moved by a
// transform. A range step that shows values shown before writes transforms only: no text
// is laid out again and nothing is added to or removed from the layout. A label no longer
// shown is hidden where it is (visibility: a repaint, no layout); a few are kept for the
// next step.

/** Hidden labels kept beyond the ones shown (the least recently shown go first). */
const KEEP = 48;

/**
 * @typedef {object} Label
 * @property {HTMLElement} el
 * @property {string} transform  as last written (reading the style back costs)
 * @property {boolean} shown
 */

/**
 * @typedef {object} AxisTicks
 * @property {(size: [number, number]) => void} reset  a new geometry: each label's box, CSS px, and
 *   no label kept (a hidden one still stands where the old geometry put it, maybe past the new box)
 * @property {(values: number[], offset: (value: number) => number) => void} place
 *   show these values' labels (ascending), each centred on `offset(value)` CSS px along the axis
 */

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
      t = { el, transform: "", shown: true };
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
    place(values, offset) {
      const along = axis === "x" ? size[0] : size[1];
      const next = new Set(values);
      for (const v of shown) {
        const t = labels.get(v);
        if (t && !next.has(v)) show(t, false);
      }
      for (const v of values) {
        // the label's middle (its mark, 1 px) on whole px at the cell's centre: the box is odd px long
        const at = Math.round(offset(v) - 0.5) - (along - 1) / 2;
        const t = label(v);
        const transform = axis === "x" ? `translateX(${at}px)` : `translateY(${at}px)`;
        if (t.transform !== transform) t.el.style.transform = t.transform = transform;
        show(t, true);
      }
      shown = values;
      for (const [v, t] of labels) {
        if (labels.size <= values.length + KEEP) break;
        labels.delete(v); // the least recently shown: the ones shown now were moved to the end
        t.el.remove();
      }
    },
  };
}

/** @param {Label} t @param {boolean} shown */
function show(t, shown) {
  if (t.shown === shown) return;
  t.shown = shown;
  t.el.style.visibility = shown ? "" : "hidden";
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
