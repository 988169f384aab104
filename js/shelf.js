// Text that changes on every step, shown without laying out or repainting anything: an
// element per text, its text written once, moved into place by a transform. An element
// no longer shown is parked out of sight by a transform too (`visibility` or new text
// would repaint, and new text lays out), ready for the next step. Only the last one
// parked waits so: every transform in the page is a node of its property trees, which
// each frame's layerization walks, so a step slowed as more were parked (at 32 x 32 x 4,
// after 100 crops of each axis: 5.7 ms of main thread against 1.8 fresh,
// benchmarks/steps.py). Older ones leave the layout (`display: none`: no node at all)
// and are kept for a crop shown again, which then lays out and paints one element, as a
// new one would, but writes no text. The tick labels' sets (js/ticks.js) and the range
// sliders' readouts (js/rangeslider.js) use it.

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

/** Elements parked by a transform (the most recently shown); older ones leave the layout. */
const READY = 1;

/**
 * @typedef {object} Shelf
 * @property {(texts: string[], transforms: string[]) => HTMLElement[]} show  show these texts
 *   (each once), each moved by its transform; park the others; their elements
 * @property {() => void} clear  remove every element (their boxes no longer fit)
 */

/**
 * @typedef {object} Item
 * @property {HTMLElement} el
 * @property {string | null} transform  as last written (null: none yet)
 * @property {boolean} out  out of the layout (`display: none`)
 */

/**
 * @param {HTMLElement} container  the positioned box the elements stand in
 * @param {(text: string) => HTMLElement} make  a new element showing `text`, not yet placed
 * @param {number} keep  parked elements kept beyond the ones shown (the least recently shown go first)
 * @param {(el: HTMLElement) => void} [back]  called for an element coming back into the layout
 *   (it is laid out again this frame: what it lays out may change for free)
 * @returns {Shelf}
 */
export function createShelf(container, make, keep, back = () => {}) {
  /** @type {Map<string, Item>} least recently shown first */
  const items = new Map();
  /** @type {string[]} */
  let shown = [];
  /** @type {Item[]} parked by a transform, the most recently parked last */
  let ready = [];

  /** @param {Item} item @param {string} transform */
  const move = (item, transform) => {
    // as last written: reading a style back costs, and so does writing the same value
    if (item.transform !== transform) item.el.style.transform = item.transform = transform;
  };
  /** @param {Item} item @param {boolean} out */
  const setOut = (item, out) => {
    if (item.out !== out) item.el.style.display = (item.out = out) ? "none" : "";
  };

  return {
    show(texts, transforms) {
      const next = new Set(texts);
      /** @type {HTMLElement[]} */
      const els = [];
      for (const text of shown) {
        const item = items.get(text);
        if (item && !next.has(text)) {
          move(item, PARKED);
          ready.push(item);
        }
      }
      /** @type {Set<Item>} */
      const showing = new Set();
      texts.forEach((text, i) => {
        let item = items.get(text);
        if (item) {
          items.delete(text); // to the end: most recently shown
        } else {
          const el = make(text);
          container.append(el);
          item = { el, transform: null, out: false };
        }
        items.set(text, item);
        if (item.out) back(item.el);
        setOut(item, false);
        move(item, transforms[i]);
        showing.add(item);
        els.push(item.el);
      });
      shown = texts;
      // only the last ones parked wait by a transform; the older ones leave the layout
      ready = ready.filter((item) => !showing.has(item));
      for (const item of ready.splice(0, ready.length - READY)) setOut(item, true);
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
      ready = [];
    },
  };
}
