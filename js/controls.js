// Controls in the view: the layer- and head-range sliders (rangeslider.js), category
// toggles, and the threshold / top-k rule.

import { control, setText } from "./dom.js";

export { createRangeSlider } from "./rangeslider.js";

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
  const box = document.createElement("span");
  box.className = "hw-rule-box";
  box.append(input);
  const readout = document.createElement("output");
  readout.className = "hw-rule-value";
  const value = document.createElement("span");
  value.className = "hw-rule-text";
  readout.append(value);
  el.append(name, box, readout);
  let mode = "threshold";
  input.addEventListener("input", () => {
    const v = Number(input.value);
    setText(value, format(mode, v));
    onChange(mode === "threshold" ? "threshold" : "top_k", v);
  });
  return {
    el,
    update({ threshold, topK }, [lo, hi], nHeads) {
      mode = threshold !== null ? "threshold" : "top k";
      setText(name, mode);
      // only what changed: each write to a native range re-lays out and repaints it, and
      // a threshold step from the kernel changes the value alone
      const [min, max, step, now] =
        threshold !== null
          ? [Math.min(lo, threshold), Math.max(hi, threshold), "any", threshold]
          : [1, nHeads, "1", /** @type {number} */ (topK)];
      if (input.min !== String(min)) input.min = String(min);
      if (input.max !== String(max)) input.max = String(max);
      if (input.step !== step) input.step = step;
      if (Number(input.value) !== now) input.value = String(now);
      if (input.getAttribute("aria-label") !== mode) input.setAttribute("aria-label", mode);
      setText(value, format(mode, Number(input.value)));
    },
  };
}

/** @param {string} mode @param {number} v */
function format(mode, v) {
  return mode === "threshold" ? v.toPrecision(3) : String(v);
}
