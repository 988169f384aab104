// Linked hover: which head is under the pointer, what it is, and a tooltip that
// stays inside the widget.

import { setHidden } from "./dom.js";
import { formatScore, taskLines } from "./tasks.js";

/**
 * The head under a pointer event on a panel's plot, or null outside any plot. The shown
 * heads fill every plot's box (js/draw.js cropTransform), so a head's cell is the box's width over
 * the shown layers by its height over the shown heads, in the view's panels and in a task
 * row's alike.
 * @param {PointerEvent} event
 * @param {{layers: [number, number], heads: [number, number]}} view  what is drawn now
 * @returns {{layer: number, head: number} | null}
 */
export function headAt(event, { layers, heads }) {
  const clip = /** @type {HTMLElement | null} */ (/** @type {Element | null} */ (event.target)?.closest?.(".hw-clip") ?? null);
  if (!clip) return null;
  const box = clip.getBoundingClientRect();
  if (box.width <= 0 || box.height <= 0) return null;
  const [cellX, cellY] = cellsOf(box, layers, heads);
  const layer = layers[0] + Math.floor((event.clientX - box.left) / cellX);
  const head = heads[0] + Math.floor((event.clientY - box.top) / cellY);
  if (layer < layers[0] || layer > layers[1] || head < heads[0] || head > heads[1]) return null;
  return { layer, head };
}

/**
 * A plot's cell in CSS px, width and height, from its box and the shown range.
 * @param {{width: number, height: number}} box
 * @param {[number, number]} layers
 * @param {[number, number]} heads
 * @returns {[number, number]}
 */
export function cellsOf(box, layers, heads) {
  return [box.width / (layers[1] - layers[0] + 1), box.height / (heads[1] - heads[0] + 1)];
}

/**
 * Tooltip lines for a head: where it is, its categories, and their scores when present;
 * with tasks, under each category the tasks that put the head there (js/tasks.js taskLines).
 * @param {number} layer
 * @param {number} head
 * @param {{shape: [number, number, number], cells: Uint8Array, categories: string[], scores: Float32Array | null,
 *   tasks?: import("./data.js").Tasks | null}} data
 * @returns {string[]}
 */
export function describeHead(layer, head, { shape, cells, categories, scores, tasks = null }) {
  const C = shape[2];
  const i = layer * shape[1] + head;
  const base = i * C;
  const lines = [`layer ${layer}, head ${head}`];
  const member = categories.filter((_, c) => cells[base + c] === 1);
  lines.push(member.length ? member.join(", ") : "unclassified");
  if (tasks) return [...lines, ...taskLines(i, tasks, categories, scores)]; // scores are per task
  if (scores) {
    for (let c = 0; c < C; c++) lines.push(`${categories[c]}: ${formatScore(scores[base + c])}`);
  }
  return lines;
}

/**
 * One sentence for a screen reader: the head, its categories, and whether it is selected.
 * @param {number} layer
 * @param {number} head
 * @param {Parameters<typeof describeHead>[2]} data
 * @param {[number, number][]} selected
 */
export function speakHead(layer, head, data, selected) {
  const picked = selected.some(([l, h]) => l === layer && h === head);
  const lines = describeHead(layer, head, data).join("; ");
  return `${lines}; ${picked ? "selected" : "not selected"} (${selected.length} selected)`;
}

/**
 * @param {HTMLElement} root  the widget's root (the tooltip is kept inside it)
 */
export function createTooltip(root) {
  const el = document.createElement("div");
  el.className = "hw-tooltip";
  el.setAttribute("role", "tooltip");
  el.hidden = true;
  root.append(el);
  return {
    el,
    /** @param {string[]} lines @param {number} clientX @param {number} clientY */
    show(lines, clientX, clientY) {
      el.replaceChildren(
        ...lines.map((text) => {
          const line = document.createElement("div");
          line.textContent = text; // category names are user text: never HTML
          return line;
        }),
      );
      setHidden(el, false);
      const box = root.getBoundingClientRect();
      const width = el.offsetWidth;
      const height = el.offsetHeight;
      // right of and below the pointer, flipped or clamped so it never leaves the widget
      let x = clientX - box.left + 14;
      let y = clientY - box.top + 14;
      if (x + width > box.width) x = Math.max(0, clientX - box.left - 14 - width);
      if (y + height > box.height) y = Math.max(0, box.height - height);
      el.style.left = `${x}px`;
      el.style.top = `${y}px`;
    },
    hide() {
      setHidden(el, true);
    },
  };
}
