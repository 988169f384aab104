// Small DOM helpers shared by the view's modules.

/**
 * A `<div>` with a class.
 * @param {string} className
 * @returns {HTMLDivElement}
 */
export function div(className) {
  const d = document.createElement("div");
  d.className = className;
  return d;
}

/**
 * A focusable control whose keys stay with it. JupyterLab's notebook shortcuts match
 * any focused element (`:focus`) in command mode and would take the arrow keys,
 * Enter and Space from our sliders and buttons; Lumino skips an element that carries
 * `data-lm-suppress-shortcuts` (checked on the element itself before its selector).
 * @template {"button" | "input" | "div"} T
 * @param {T} tag
 * @param {string} className
 * @returns {HTMLElementTagNameMap[T]}
 */
export function control(tag, className) {
  const el = document.createElement(tag);
  el.className = className;
  el.setAttribute("data-lm-suppress-shortcuts", "true");
  if (el instanceof HTMLButtonElement) el.type = "button";
  return el;
}

/**
 * Show `text` in `el`, changing its one text node in place: replacing the node (as
 * `textContent =` does) makes a new layout object, which a slider step would pay for.
 * Writes nothing when the text is already shown. User text is never HTML here either.
 * @param {HTMLElement} el
 * @param {string} text
 */
export function setText(el, text) {
  const node = el.firstChild;
  if (node instanceof Text && node === el.lastChild) {
    if (node.data !== text) node.data = text;
  } else if (el.textContent !== text) el.textContent = text;
}

/**
 * Hide or show `el`, writing the attribute only when it changes: any write of `hidden`,
 * even of the value it has, restyles the element, which an update would pay for.
 * @param {HTMLElement} el
 * @param {boolean} hidden
 */
export function setHidden(el, hidden) {
  if (el.hidden !== hidden) el.hidden = hidden;
}
