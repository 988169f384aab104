// Pixels of the panels: one RGBA pixel per head (x = layer, y = head), built
// when data, visibility or palette change; a range change only moves each panel's canvas (cropTransform).

import { groupColors } from "./layout.js";

/**
 * @param {string} hex  "#rrggbb"
 * @returns {[number, number, number]}
 */
export function parseColor(hex) {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`colour must be "#rrggbb", got ${JSON.stringify(hex)}`);
  const v = parseInt(m[1], 16);
  return [v >> 16, (v >> 8) & 255, v & 255];
}

/**
 * RGBA pixels (width = layers, height = heads) of every panel: the composite
 * over visible categories first (each head coloured by its group), then one per
 * visible category.
 * @param {Uint8Array} cells  one byte (0/1) per (layer, head, category)
 * @param {[number, number, number]} shape
 * @param {boolean[]} shown  one flag per category
 * @param {import("./layout.js").Palette} palette
 * @returns {Uint8ClampedArray<ArrayBuffer>[]}  one per panel, in panel order (see groupPixels)
 */
export function panelPixels(cells, shape, shown, palette) {
  return groupPixels(cells, shape, shown, palette).pixels;
}

/**
 * Each head's group (layout.js headGroups: the same rule) and every panel's pixels, in one
 * pass over the cells: a first render runs this before the JIT has warmed up, where a
 * second pass over every (head, category) cost as much as the pixels.
 * @param {Uint8Array} cells  one byte (0/1) per (layer, head, category)
 * @param {[number, number, number]} shape
 * @param {boolean[]} shown  one flag per category
 * @param {import("./layout.js").Palette} palette
 * @param {Uint8ClampedArray<ArrayBuffer>[]} [reuse]  the previous pixels, written over when the sizes match
 * @returns {{groups: Int16Array, pixels: Uint8ClampedArray<ArrayBuffer>[]}}  the pixels one per
 *   panel, in panel order, views of one buffer (panel i at byte 4 * L * H * i: stacked, they
 *   are one image L wide and H per panel tall)
 */
export function groupPixels(cells, shape, shown, palette, reuse = []) {
  const [L, H, C] = shape;
  const grey = rgba32(palette.unclassified);
  const colors = groupColors(shown, palette).map(rgba32);
  const visible = [];
  for (let c = 0; c < C; c++) if (shown[c]) visible.push(c);
  const V = visible.length;
  const own = visible.map((c) => rgba32(palette.categories[c]));
  // One 32-bit write per pixel instead of four byte writes, into one buffer for every
  // panel (one source canvas takes them all, js/panels.js), kept from the last call:
  // allocating it was a third of a threshold step.
  const size = L * H;
  const n = V + 1;
  const all = reuse[0]?.buffer.byteLength === 4 * size * n ? new Uint32Array(reuse[0].buffer) : new Uint32Array(size * n);
  const groups = new Int16Array(size);
  // The category panels grey first, then a category's colour where a head is in it. In
  // pixel order (head i = l * H + h, the cells' order, is pixel h * L + l of each panel):
  // the writes run along each panel's rows, and these are the most of the work.
  all.fill(grey, size);
  for (let h = 0, px = 0; h < H; h++) {
    for (let l = 0, i = h; l < L; l++, px++, i += H) {
      const base = i * C;
      let k = 0;
      let only = -1;
      for (let v = 0; v < V; v++) {
        if (cells[base + visible[v]] === 1) {
          k++;
          only = v;
          all[px + (v + 1) * size] = own[v];
        }
      }
      const group = k === 0 ? -1 : k === 1 ? only : V + k - 2;
      groups[i] = group;
      all[px] = group < 0 ? grey : colors[group];
    }
  }
  const pixels = [];
  for (let p = 0; p < n; p++) pixels.push(new Uint8ClampedArray(all.buffer, 4 * p * size, 4 * size));
  return { groups, pixels };
}

/**
 * RGBA pixels (width = layers, height = heads) of a category's task panels, one per
 * task in `tasks`: a head in the category's colour when it passes that task, else grey.
 * @param {Uint8Array} taskCells  one byte (0/1) per (layer, head, task), C order
 * @param {[number, number, number]} shape  (layers, heads, tasks)
 * @param {number[]} tasks  the task positions to draw, in panel order
 * @param {string} color  the category's "#rrggbb"
 * @param {string} grey  the unclassified "#rrggbb"
 * @param {Uint8ClampedArray<ArrayBuffer>[]} [reuse]  the previous result, written over when the sizes match
 * @returns {Uint8ClampedArray<ArrayBuffer>[]}
 */
export function taskPixels(taskCells, [L, H, T], tasks, color, grey, reuse = []) {
  const own = rgba32(color);
  const off = rgba32(grey);
  return tasks.map((t, k) => {
    const words = reuse[k]?.length === 4 * L * H ? new Uint32Array(reuse[k].buffer) : new Uint32Array(L * H);
    for (let h = 0; h < H; h++) {
      const row = h * L;
      for (let l = 0, i = h * T + t; l < L; l++, i += H * T) words[row + l] = taskCells[i] === 1 ? own : off;
    }
    return new Uint8ClampedArray(words.buffer);
  });
}

// RGBA bytes in memory order, read as one platform-endian 32-bit word.
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** @param {string} hex  "#rrggbb" @returns {number} opaque RGBA as a Uint32Array element */
function rgba32(hex) {
  const [r, g, b] = parseColor(hex);
  return LITTLE_ENDIAN ? ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | 255) >>> 0;
}

/**
 * The canvas's 2D context (a canvas always has one unless another kind was asked for first).
 * @param {HTMLCanvasElement} canvas
 * @param {boolean} [opaque]  every pixel it will hold is opaque (asked on the first call): the
 *   compositor then draws nothing beneath it and blends nothing
 * @returns {CanvasRenderingContext2D}
 */
export function context2d(canvas, opaque = false) {
  let ctx = contexts.get(canvas);
  if (!ctx) {
    ctx = canvas.getContext("2d", { alpha: !opaque }) ?? undefined;
    if (!ctx) throw new Error("this browser gave no 2D canvas context");
    contexts.set(canvas, ctx);
  }
  return ctx;
}

/** @type {WeakMap<HTMLCanvasElement, CanvasRenderingContext2D>} asking the canvas each time costs */
const contexts = new WeakMap();

/**
 * Put one panel's pixels (one per head) into its canvas, whose backing store is the
 * model's layers x heads: the panel's box scales it up (image-rendering: pixelated) and
 * a range step only moves it (cropTransform), so no step redraws or resizes a canvas.
 * @param {HTMLCanvasElement} canvas
 * @param {Uint8ClampedArray<ArrayBuffer>} pixels
 * @param {number} width  layers
 * @param {number} height  heads
 */
export function putPixels(canvas, pixels, width, height) {
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  // the palette's colours are opaque, and every pixel is one of them
  context2d(canvas, true).putImageData(new ImageData(pixels, width, height), 0, 0);
}

/**
 * The CSS transform that makes a canvas of the whole model, `box` CSS px, show
 * layers[0]..layers[1] x heads[0]..heads[1] over the whole box (its clip cuts the rest):
 * scaled so a shown head's cell is box / shown values, shifted so the first shown head
 * sits at the box's corner (transform-origin 0 0). Nearest neighbour, as the CSS says.
 * @param {[number, number]} box  CSS px
 * @param {[number, number]} n  layers and heads of the model
 * @param {[number, number]} layers  inclusive
 * @param {[number, number]} heads  inclusive
 */
export function cropTransform([w, h], [L, H], layers, heads) {
  const nx = layers[1] - layers[0] + 1;
  const ny = heads[1] - heads[0] + 1;
  return `translate(${(-layers[0] * w) / nx}px, ${(-heads[0] * h) / ny}px) scale(${L / nx}, ${H / ny})`;
}

/**
 * Size `canvas`'s backing store to `w` x `h` device pixels and its box to the same in
 * CSS px, only when it differs: call once per geometry (assigning `width` reallocates).
 * @param {HTMLCanvasElement} canvas
 * @param {number} w  device px
 * @param {number} h  device px
 * @param {number} dpr
 */
export function sizeCanvas(canvas, w, h, dpr) {
  if (canvas.width === w && canvas.height === h) return;
  canvas.width = w;
  canvas.height = h;
  canvas.style.width = `${w / dpr}px`;
  canvas.style.height = `${h / dpr}px`;
}
