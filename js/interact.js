// Pointer and keyboard over the panels: hover, click / shift-click / rectangle
// selection, and a keyboard cursor (arrows, Enter/Space, Escape).

import { headAt } from "./hover.js";
import { moveCursor } from "./keys.js";
import { clickSelect, rectSelect } from "./selection.js";

/** @typedef {{layer: number, head: number}} At */
/** @typedef {[number, number]} Head */

/**
 * @typedef {object} Hooks
 * @property {() => {layers: [number, number], heads: [number, number]} | null} view  what is drawn now
 * @property {() => At | null} cursor  the head under the pointer or keyboard cursor
 * @property {(at: At | null, where: {x: number, y: number} | "keys") => void} point  move the cursor (and tooltip)
 * @property {() => Head[]} selected
 * @property {(heads: Head[], how: "pointer" | "keys") => void} select
 * @property {() => void} escape  clear the selection and any highlight
 */

/**
 * Attach the listeners to `body` (the element holding every panel). The
 * listeners live as long as `body`, which the view removes on cleanup.
 * @param {HTMLElement} body
 * @param {Hooks} hooks
 */
export function attachInteraction(body, hooks) {
  const at = (/** @type {PointerEvent} */ event) => {
    const view = hooks.view();
    return view && headAt(event, view);
  };
  body.addEventListener("pointermove", (event) => {
    hooks.point(at(event), { x: event.clientX, y: event.clientY });
  });
  body.addEventListener("pointerleave", () => hooks.point(null, { x: 0, y: 0 }));

  /** @type {{layer: number, head: number, x: number, y: number} | null} */
  let press = null;
  body.addEventListener("pointerdown", (event) => {
    const start = at(event);
    press = start && { ...start, x: event.clientX, y: event.clientY };
  });
  body.addEventListener("pointerup", (event) => {
    if (!press) return;
    const start = press;
    press = null;
    const end = at(event);
    const current = hooks.selected();
    const dragged = Math.hypot(event.clientX - start.x, event.clientY - start.y) > 4;
    if (dragged && end) {
      hooks.select(rectSelect(current, [start.layer, start.head], [end.layer, end.head], event.shiftKey), "pointer");
    } else if (!dragged) {
      hooks.select(clickSelect(current, [start.layer, start.head], event.shiftKey), "pointer");
    }
  });

  // Keyboard: a focused panel moves one cursor shared by every panel.
  const onPanel = (/** @type {Event} */ event) =>
    /** @type {Element} */ (event.target).classList?.contains("hw-clip");
  body.addEventListener("focusin", (event) => {
    const view = hooks.view();
    if (!onPanel(event) || !view) return;
    const now = hooks.cursor();
    hooks.point(now ?? { layer: view.layers[0], head: view.heads[0] }, "keys");
  });
  body.addEventListener("focusout", (event) => {
    const next = /** @type {Element | null} */ (event.relatedTarget);
    if (onPanel(event) && !next?.classList?.contains("hw-clip")) hooks.point(null, "keys");
  });
  body.addEventListener("keydown", (event) => {
    const view = hooks.view();
    const now = hooks.cursor();
    if (!onPanel(event) || !view || !now || event.altKey || event.ctrlKey || event.metaKey) return;
    const moved = moveCursor(event.key, now, view.layers, view.heads);
    if (moved) {
      hooks.point(moved, "keys");
    } else if (event.key === "Enter" || event.key === " ") {
      hooks.select(clickSelect(hooks.selected(), [now.layer, now.head], true), "keys");
    } else if (event.key === "Escape") {
      hooks.escape();
    } else {
      return;
    }
    event.preventDefault(); // no page scroll, no notebook command
    event.stopPropagation();
  });
}
