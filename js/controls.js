// Controls in the view: dual-handle layer- and head-range sliders, category toggles,
// and the threshold / top-k rule.

import { control, setText } from "./dom.js";

/**
 * @typedef {object} RangeSlider
 * @property {HTMLElement} el
 * @property {(max: number, first: number, last: number) => void} update
 */

// The track's width and a handle's, in CSS px: the handles' centres run from HANDLE / 2 to
// TRACK - HANDLE / 2, as a native range's thumb does. Set here, not in the CSS, because a
// handle's position is computed from them.
const TRACK = 220;
const HANDLE = 14;
const USABLE = TRACK - HANDLE;

/**
 * A slider with a handle per end. The handles are ARIA sliders (`div`s), not native range
 * inputs: setting a native input's value lays out and repaints its shadow tree, which a
 * range step set from the model would pay every time; a handle moves by a transform alone.
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
  // the text in a box of its own, sized below and contained (CSS): new text lays out it alone
  const value = document.createElement("span");
  value.className = "hw-range-text";
  readout.append(value);
  track.append(fill, lo, hi);
  el.append(name, track, readout);

  let max = 0;
  let first = 0;
  let last = 0;
  /** @param {number} v  a value's handle centre, in px from the track's left */
  const at = (v) => HANDLE / 2 + (USABLE * v) / Math.max(max, 1);
  /** @param {HTMLElement} node @param {string} attr @param {string} v  only what changed */
  const put = (node, attr, v) => {
    if (node.getAttribute(attr) !== v) node.setAttribute(attr, v);
  };
  /** @param {HTMLElement} h @param {number} v */
  const place = (h, v) => {
    const shift = `translateX(${at(v) - HANDLE / 2}px)`;
    if (h.style.transform !== shift) h.style.transform = shift;
    put(h, "aria-valuenow", String(v));
    put(h, "aria-valuetext", `${noun} ${v}`);
  };
  /** Show `first`..`last`: transforms, the readout's text, the fill's clip, ARIA; no layout. */
  const show = () => {
    place(lo, first);
    place(hi, last);
    // each handle stops at the other, as a screen reader should hear
    put(lo, "aria-valuemax", String(last));
    put(hi, "aria-valuemin", String(first));
    setText(value, first === last ? String(first) : `${first}\u2013${last}`);
    // the fill spans the track, cut between the handles' centres: a clip moves no layout
    const clip = `inset(0px ${TRACK - at(last)}px 0px ${at(first)}px)`;
    if (fill.style.clipPath !== clip) fill.style.clipPath = clip;
    // When both handles meet at the right end, only the low one can still move: draw it on top.
    const z = first === max ? "3" : "1";
    if (lo.style.zIndex !== z) lo.style.zIndex = z;
  };
  /**
   * Move one handle to `v` (stopped at the other) and report it when it moved.
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
      const page = Math.max(1, Math.round(max / 10));
      const now = h === lo ? first : last;
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
      if (!(event.key in to) || event.altKey || event.ctrlKey || event.metaKey) return;
      // a key the slider handles is its own, as a native range's would be: no scrolling,
      // and nothing around it (the notebook, the page) acts on it
      event.preventDefault();
      event.stopPropagation();
      if (move(h, to[event.key])) onChange(first, last, true); // "input", then "change"
    });
  }

  // Pointer: the track takes every press (its handles too). The handle pressed, or else the
  // nearer one, follows the pointer by whole values until the release.
  /** @type {{id: number, handle: HTMLElement | null, offset: number, from: string} | null} */
  let drag = null;
  /** @param {PointerEvent} event @param {number} offset */
  const valueAt = (event, offset) => {
    const x = event.clientX - track.getBoundingClientRect().left - offset;
    return Math.round(((x - HANDLE / 2) / USABLE) * max);
  };
  track.addEventListener("pointerdown", (event) => {
    if (event.button !== 0 || drag || max === 0) return;
    const x = event.clientX - track.getBoundingClientRect().left;
    const [dLo, dHi] = [x - at(first), x - at(last)];
    // nearer centre; when the handles sit together, the drag's direction decides (below)
    const h = first === last ? null : Math.abs(dLo) < Math.abs(dHi) ? lo : hi;
    const d = h === lo ? dLo : dHi;
    // pressed on a handle: it keeps its place under the pointer; on the track: it jumps there
    const offset = first === last ? (Math.abs(dLo) <= HANDLE / 2 ? dLo : 0) : Math.abs(d) <= HANDLE / 2 ? d : 0;
    track.setPointerCapture(event.pointerId);
    drag = { id: event.pointerId, handle: h, offset, from: `${first},${last}` };
    (h ?? (first === max ? lo : hi)).focus({ preventScroll: true });
    if (h) move(h, valueAt(event, offset));
    else if (offset === 0) {
      const v = valueAt(event, 0);
      if (v !== first) {
        drag.handle = v < first ? lo : hi;
        move(drag.handle, v);
      }
    }
  });
  track.addEventListener("pointermove", (event) => {
    if (!drag || event.pointerId !== drag.id) return;
    const v = valueAt(event, drag.offset);
    if (!drag.handle) {
      if (v === first) return;
      drag.handle = v < first ? lo : hi;
      drag.handle.focus({ preventScroll: true });
    }
    move(drag.handle, v);
  });
  /** @param {PointerEvent} event  the release ("change"), when the drag changed the range */
  const release = (event) => {
    if (!drag || event.pointerId !== drag.id) return;
    const changed = drag.from !== `${first},${last}`;
    drag = null;
    if (changed) onChange(first, last, true);
  };
  track.addEventListener("lostpointercapture", release);
  // The press's default (focus the clicked element or blur, start a text selection) would
  // undo the handle's focus above; the event still bubbles, so a notebook sees the click.
  track.addEventListener("mousedown", (event) => event.preventDefault());

  return {
    el,
    update(newMax, newFirst, newLast) {
      if (newMax === max && newFirst === first && newLast === last && value.style.width) return;
      if (newMax !== max || !value.style.width) {
        // room for the widest readout ("100–125"), so a step never resizes the controls
        value.style.width = `${2 * String(newMax).length + 1.5}ch`;
        put(lo, "aria-valuemin", "0");
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
  h.setAttribute("role", "slider");
  h.setAttribute("aria-orientation", "horizontal");
  h.setAttribute("aria-label", label);
  return h;
}

/**
 * One toggle button per category; pressed means shown.
 * @param {HTMLElement} el  container, emptied and refilled
 * @param {string[]} categories
 * @param {string[]} colors
 * @param {(index: number) => void} onToggle
 * @returns {(shown: boolean[]) => void}  sets each button's pressed state
 */
export function renderToggles(el, categories, colors, onToggle) {
  const buttons = categories.map((name, i) => {
    const button = control("button", "hw-toggle");
    const swatch = document.createElement("span");
    swatch.className = "hw-swatch";
    swatch.style.background = colors[i];
    const text = document.createElement("span");
    text.textContent = name; // user text: never HTML
    button.append(swatch, text);
    button.addEventListener("click", () => onToggle(i));
    return button;
  });
  el.replaceChildren(...buttons);
  return (shown) => {
    buttons.forEach((button, i) => button.setAttribute("aria-pressed", String(Boolean(shown[i]))));
  };
}

/**
 * @typedef {object} RuleControl
 * @property {HTMLElement} el
 * @property {(rule: {threshold: number | null, topK: number | null}, extent: [number, number], nHeads: number) => void} update
 */

/**
 * The control that re-classifies scores live: a threshold slider over the
 * scores' range, or a top-k slider from 1 to the number of heads.
 * @param {(trait: "threshold" | "top_k", value: number) => void} onChange  the rule's new value
 * @returns {RuleControl}
 */
export function createRuleControl(onChange) {
  const el = document.createElement("label");
  el.className = "hw-rule";
  const name = document.createElement("span");
  name.className = "hw-rule-name";
  const input = control("input", "hw-rule-input");
  input.type = "range";
  const value = document.createElement("output");
  value.className = "hw-rule-value";
  el.append(name, input, value);
  let mode = "threshold";
  input.addEventListener("input", () => {
    const v = Number(input.value);
    value.textContent = format(mode, v);
    onChange(mode === "threshold" ? "threshold" : "top_k", v);
  });
  return {
    el,
    update({ threshold, topK }, [lo, hi], nHeads) {
      mode = threshold !== null ? "threshold" : "top k";
      name.textContent = mode;
      if (threshold !== null) {
        input.min = String(Math.min(lo, threshold));
        input.max = String(Math.max(hi, threshold));
        input.step = "any";
        input.value = String(threshold);
      } else {
        input.min = "1";
        input.max = String(nHeads);
        input.step = "1";
        input.value = String(topK);
      }
      input.setAttribute("aria-label", mode);
      value.textContent = format(mode, Number(input.value));
    },
  };
}

/** @param {string} mode @param {number} v */
function format(mode, v) {
  return mode === "threshold" ? v.toPrecision(3) : String(v);
}
