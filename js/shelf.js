// Text that changes on every step, shown without laying out or repainting anything: an
// element per text, its text written once, moved into place by a transform. An element
// no longer shown is parked out of sight by a transform too (`visibility` or new text
// would repaint, and new text lays out); a few are kept for the steps to come. The tick
// labels' sets (js/ticks.js) and the range sliders' readouts (js/rangeslider.js) use it.

/**
 * Where an element not shown waits: far above the page. What overflows a box upwards is
 * never scrollable, so it adds no scroll room, in any scrolling ancestor.
 */
export const PARKED = "translateY(-100000px)";

/**
 * Where an element shown stands: in place, by a transform too (one that came and went
 * would lay it out).
 */
export const SHOWN = "translateY(0px)";

/**
 * @typedef {object} Shelf
 * @property {(texts: string[], transforms: string[]) => HTMLElement[]} show  show these texts
 *   (each once), each moved by its transform; park the others; their elements
 * @property {() => void} clear  remove every element (their boxes no longer fit)
 */

/**
 * @param {HTMLElement} container  the positioned box the elements stand in
 * @param {(text: string) => HTMLElement} make  a new element showing `text`, not yet placed
 * @param {number} keep  parked elements kept beyond the ones shown (the least recently shown go first)
 * @returns {Shelf}
 */
export function createShelf(container, make, keep) {
  /** @type {Map<string, {el: HTMLElement, transform: string | null}>} least recently shown first */
  const items = new Map();
  /** @type {string[]} */
  let shown = [];

  /** @param {{el: HTMLElement, transform: string | null}} item @param {string} transform */
  const move = (item, transform) => {
    // as last written: reading a style back costs, and so does writing the same value
    if (item.transform !== transform) item.el.style.transform = item.transform = transform;
  };

  return {
    show(texts, transforms) {
      const next = new Set(texts);
      /** @type {HTMLElement[]} */
      const els = [];
      for (const text of shown) {
        const item = items.get(text);
        if (item && !next.has(text)) move(item, PARKED);
      }
      texts.forEach((text, i) => {
        let item = items.get(text);
        if (item) {
          items.delete(text); // to the end: most recently shown
        } else {
          const el = make(text);
          container.append(el);
          item = { el, transform: null };
        }
        items.set(text, item);
        move(item, transforms[i]);
        els.push(item.el);
      });
      shown = texts;
      for (const [text, item] of items) {
        if (items.size <= texts.length + keep) break;
        items.delete(text); // the least recently shown: the ones shown now were moved to the end
        item.el.remove();
      }
      return els;
    },
    clear() {
      for (const item of items.values()) item.el.remove();
      items.clear();
      shown = [];
    },
  };
}
