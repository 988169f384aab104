// The view's dual-handle range slider (layers, heads). Each handle is an ARIA slider moved
// by a transform, not a native range input: setting a native input's value lays out and
// repaints its shadow tree, which every range step set from the model would pay.

import { control } from "./dom.js";
import { SHOWN, createShelf } from "./shelf.js";

/**
 * @typedef {object} RangeSlider
 * @property {HTMLElement} el
 * @property {(max: number, first: number, last: number) => void} update
 */

// The track's width and a handle's, in CSS px. The handles' centres run from HANDLE / 2 to
// TRACK - HANDLE / 2, as a native range's thumb does; both are set from here, not the CSS,
// because a handle's place is computed from them.
export const TRACK = 220;
/** Readout texts kept beyond the one shown (the older ones out of the layout: they cost no frame). */
const KEEP = 48;
export const HANDLE = 14;

/**
 * Where a value's handle centre sits, in px from the track's left.
 * @param {number} v @param {number} max  the axis runs 0..max
 */
export function centreOf(v, max) {
  return HANDLE / 2 + ((TRACK - HANDLE) * v) / Math.max(max, 1);
}

/**
 * The whole value whose handle centre is nearest `x` px from the track's left, in 0..max.
 * @param {number} x @param {number} max
 */
export function valueAt(x, max) {
  const v = Math.round(((x - HANDLE / 2) / (TRACK - HANDLE)) * max);
  return Math.min(Math.max(v, 0), max);
}

/**
 * Where a key sends a handle now at `now`, as on a native range (left and down lower,
 * a page is a tenth of the axis); null for a key the slider does not take.
 * @param {string} key @param {number} now @param {number} max
 * @returns {number | null}
 */
export function keyTarget(key, now, max) {
  const page = Math.max(1, Math.round(max / 10));
  /** @type {Record<string, number>} */
  const to = {
    ArrowLeft: now - 1,
    ArrowDown: now - 1,
    ArrowRight: now + 1,
    ArrowUp: now + 1,
    PageDown: now - page,
    PageUp: now + page,
    Home: 0,
    End: max,
  };
  return Object.hasOwn(to, key) ? to[key] : null;
}

/**
 * A slider with a handle per end, each stopping at the other.
 * @param {"layer" | "head"} noun  what the slider ranges over
 * @param {(first: number, last: number, release: boolean) => void} onChange  on every step
 *   of a drag or key press (`release` false), then once more when it ends (`release` true)
 * @returns {RangeSlider}
 */
export function createRangeSlider(noun, onChange) {
  const el = document.createElement("div");
  el.className = `hw-range hw-${noun}s`;
  const name = document.createElement("span");
  name.className = "hw-range-name";
  name.textContent = `${noun}s`;
  const track = document.createElement("div");
  track.className = "hw-range-track";
  track.style.width = `${TRACK}px`;
  const fill = document.createElement("div");
  fill.className = "hw-range-fill";
  const lo = handle("hw-range-lo", `first ${noun}`);
  const hi = handle("hw-range-hi", `last ${noun}`);
  const readout = document.createElement("output");
  readout.className = "hw-range-value";
  // for the eye: a screen reader hears each handle's value (aria-valuetext), and the
  // readout's parked texts are not for it to read
  readout.setAttribute("aria-hidden", "true");
  // a box of fixed size (its width set below), contained; each text the readout shows is
  // an element of its own there, moved in or parked (js/shelf.js), so a step back to a
  // range shown before lays out and repaints nothing
  const value = document.createElement("span");
  value.className = "hw-range-text";
  readout.append(value);
  const texts = createShelf(
    value,
    (text) => {
      const t = document.createElement("span");
      t.className = "hw-range-shown";
      t.textContent = text;
      return t;
    },
    KEEP,
  );
  track.append(fill, lo, hi);
  el.append(name, track, readout);

  let max = 0;
  let first = 0;
  let last = 0;
  // the styles as last written: reading one back serialises it, which a step would pay for
  /** @type {Map<HTMLElement, string>} */
  const shifts = new Map();
  let stretch = "";
  let z = "";
  /** @param {HTMLElement} h @param {number} v */
  const place = (h, v) => {
    const shift = `translateX(${centreOf(v, max) - HANDLE / 2}px)`;
    if (shifts.get(h) !== shift) shifts.set(h, (h.style.transform = shift));
    put(h, "aria-valuenow", String(v));
    put(h, "aria-valuetext", `${noun} ${v}`);
  };
  /** Show first..last: transforms, the readout's text and ARIA; no layout. */
  const show = () => {
    place(lo, first);
    place(hi, last);
    // each handle's bounds are the other handle, as a screen reader should hear
    put(lo, "aria-valuemax", String(last));
    put(hi, "aria-valuemin", String(first));
    texts.show([first === last ? String(first) : `${first}\u2013${last}`], [SHOWN]);
    // the fill spans the track, scaled to run between the handles' centres: a transform
    // moves no layout and repaints nothing
    const a = centreOf(first, max);
    const span = `translateX(${a}px) scaleX(${(centreOf(last, max) - a) / TRACK})`;
    if (stretch !== span) fill.style.transform = stretch = span;
    // When both handles meet at the right end, only the low one can still move: draw it on top.
    const top = first === max ? "3" : "1";
    if (z !== top) lo.style.zIndex = z = top;
  };
  /**
   * Move one handle to `v`, stopped at the other, and report the step ("input").
   * @param {HTMLElement} h @param {number} v @returns {boolean}  whether the range changed
   */
  const move = (h, v) => {
    const [a, b] = h === lo ? [Math.min(Math.max(v, 0), last), last] : [first, Math.max(Math.min(v, max), first)];
    if (a === first && b === last) return false;
    first = a;
    last = b;
    show();
    onChange(first, last, false);
    return true;
  };

  for (const h of [lo, hi]) {
    h.addEventListener("keydown", (event) => {
      const to = keyTarget(event.key, h === lo ? first : last, max);
      if (to === null || event.altKey || event.ctrlKey || event.metaKey) return;
      // a key the slider takes is its own, as a native range's is: the page does not scroll
      // and nothing around it (a notebook's commands) acts on it
      event.preventDefault();
      event.stopPropagation();
      if (move(h, to)) onChange(first, last, true); // "input", then "change"
    });
  }

  // Pointer: the track takes every press, on a handle or not. The nearer handle follows the
  // pointer by whole values until the release; a handle pressed keeps its place under the
  // pointer, a press on the bare track brings the handle there.
  /** @type {{id: number, handle: HTMLElement | null, offset: number, from: string} | null} */
  let drag = null;
  /** @param {PointerEvent} event @returns {number}  px from the track's left */
  const xOf = (event) => event.clientX - track.getBoundingClientRect().left;
  /** @param {PointerEvent} event  the dragged handle to the pointer */
  const follow = (event) => {
    if (!drag) return;
    const v = valueAt(xOf(event) - drag.offset, max);
    if (!drag.handle) {
      // the handles sat together: the first move's direction says which one comes along
      if (v === first) return;
      drag.handle = v < first ? lo : hi;
      drag.handle.focus({ preventScroll: true });
    }
    move(drag.handle, v);
  };
  track.addEventListener("pointerdown", (event) => {
    if (event.button !== 0 || drag || max === 0) return;
    const x = xOf(event);
    const [dLo, dHi] = [x - centreOf(first, max), x - centreOf(last, max)];
    const h = first === last ? null : Math.abs(dLo) < Math.abs(dHi) ? lo : hi;
    const d = h === hi ? dHi : dLo;
    track.setPointerCapture(event.pointerId);
    drag = { id: event.pointerId, handle: h, offset: Math.abs(d) <= HANDLE / 2 ? d : 0, from: `${first},${last}` };
    (h ?? (first === max ? lo : hi)).focus({ preventScroll: true });
    follow(event);
  });
  track.addEventListener("pointermove", (event) => {
    if (drag && event.pointerId === drag.id) follow(event);
  });
  // the release ("change"), once the pointer lets go or is taken away, if the range changed
  track.addEventListener("lostpointercapture", (event) => {
    if (!drag || event.pointerId !== drag.id) return;
    const changed = drag.from !== `${first},${last}`;
    drag = null;
    if (changed) onChange(first, last, true);
  });
  // The press's default (focus what was clicked or blur, start a text selection) would undo
  // the handle's focus above; the event still bubbles, so a notebook sees the click.
  track.addEventListener("mousedown", (event) => event.preventDefault());

  return {
    el,
    update(newMax, newFirst, newLast) {
      const sized = value.style.width !== "";
      if (sized && newMax === max && newFirst === first && newLast === last) return;
      if (!sized || newMax !== max) {
        // room for the widest readout ("100–125"), so a step never resizes the controls
        value.style.width = `${2 * String(newMax).length + 1.5}ch`;
        put(hi, "aria-valuemax", String(newMax));
      }
      max = newMax;
      first = newFirst;
      last = newLast;
      show();
    },
  };
}

/**
 * One handle: a focusable ARIA slider whose keys stay with it (`control`).
 * @param {string} className @param {string} label
 */
function handle(className, label) {
  const h = control("div", className);
  h.tabIndex = 0;
  h.style.width = h.style.height = `${HANDLE}px`;
  h.setAttribute("role", "slider");
  h.setAttribute("aria-orientation", "horizontal");
  h.setAttribute("aria-label", label);
  h.setAttribute("aria-valuemin", "0");
  return h;
}

/** Set an attribute only when it changes. @param {HTMLElement} node @param {string} attr @param {string} v */
function put(node, attr, v) {
  if (node.getAttribute(attr) !== v) node.setAttribute(attr, v);
}
