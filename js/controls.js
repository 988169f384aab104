// Controls in the view: dual-handle layer- and head-range sliders, category toggles,
// and the threshold / top-k rule.

import { control, setText } from "./dom.js";

/**
 * @typedef {object} RangeSlider
 * @property {HTMLElement} el
 * @property {(max: number, first: number, last: number) => void} update
 */

/**
 * Two overlaid range inputs make one slider with a handle per end; keyboard
 * and pointer both work because each handle is a native input.
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
  const fill = document.createElement("div");
  fill.className = "hw-range-fill";
  const lo = rangeInput("hw-range-lo", `first ${noun}`);
  const hi = rangeInput("hw-range-hi", `last ${noun}`);
  const readout = document.createElement("output");
  readout.className = "hw-range-value";
  // the text in a box of its own, sized below and contained (CSS): new text lays out it alone
  const value = document.createElement("span");
  value.className = "hw-range-text";
  readout.append(value);
  track.append(fill, lo, hi);
  el.append(name, track, readout);

  let max = 0;
  /** @param {number} first @param {number} last */
  const show = (first, last) => {
    // only what changed: setting a range input's value re-lays its thumb out
    const [a, b] = [String(first), String(last)];
    if (lo.value !== a) lo.value = a;
    if (hi.value !== b) hi.value = b;
    const text = first === last ? a : `${a}\u2013${b}`;
    setText(value, text);
    // the fill spans the track, cut to the range: a clip repaints it and moves no layout
    const span = Math.max(max, 1);
    const clip = `inset(0px ${100 - (last / span) * 100}% 0px ${(first / span) * 100}% round 2px)`;
    if (fill.style.clipPath !== clip) fill.style.clipPath = clip;
    // When both handles meet at the right end, only the low one can still move.
    const z = first === max ? "3" : "1";
    if (lo.style.zIndex !== z) lo.style.zIndex = z;
  };
  /** @param {Event} event  the low handle stops at the high one */
  const movedLo = (event) => {
    const first = Math.min(Number(lo.value), Number(hi.value));
    show(first, Number(hi.value));
    onChange(first, Number(hi.value), event.type === "change");
  };
  /** @param {Event} event  the high handle stops at the low one */
  const movedHi = (event) => {
    const last = Math.max(Number(hi.value), Number(lo.value));
    show(Number(lo.value), last);
    onChange(Number(lo.value), last, event.type === "change");
  };
  // "change" comes once a drag is released (a key press fires "input" then "change")
  for (const event of ["input", "change"]) {
    lo.addEventListener(event, movedLo);
    hi.addEventListener(event, movedHi);
  }
  let shown = "";
  return {
    el,
    update(newMax, first, last) {
      const key = `${newMax},${first},${last}`;
      if (key === shown) return; // the other slider moved: nothing to touch here
      shown = key;
      if (newMax !== max || !value.style.width) {
        // room for the widest readout ("100–125"), so a step never resizes the controls
        value.style.width = `${2 * String(newMax).length + 1.5}ch`;
        for (const input of [lo, hi]) input.max = String(newMax); // a write re-lays the input out
      }
      max = newMax;
      show(first, last);
    },
  };
}

/** @param {string} className @param {string} label */
function rangeInput(className, label) {
  const input = control("input", className);
  input.type = "range";
  input.min = "0";
  input.step = "1";
  input.setAttribute("aria-label", label);
  return input;
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
