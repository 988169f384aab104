// Pixels of the panels: one RGBA pixel per head (x = layer, y = head), built
// when data, visibility or palette change; a layer-range change only re-blits.

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
 * over visible categories first, then one per visible category.
 * @param {Uint8Array} cells  from unpackLabels
 * @param {[number, number, number]} shape
 * @param {boolean[]} shown  one flag per category
 * @param {{categories: string[], multi: string[], unclassified: string}} palette
 * @returns {Uint8ClampedArray[]}
 */
export function panelPixels(cells, shape, shown, palette) {
  const [L, H, C] = shape;
  const grey = parseColor(palette.unclassified);
  const own = palette.categories.map(parseColor);
  const multi = palette.multi.map(parseColor);
  const visible = [];
  for (let c = 0; c < C; c++) if (shown[c]) visible.push(c);
  const composite = new Uint8ClampedArray(L * H * 4);
  const single = visible.map(() => new Uint8ClampedArray(L * H * 4));
  for (let l = 0; l < L; l++) {
    for (let h = 0; h < H; h++) {
      const base = (l * H + h) * C;
      const px = (h * L + l) * 4;
      let count = 0;
      let last = -1;
      for (let v = 0; v < visible.length; v++) {
        const on = cells[base + visible[v]] === 1;
        const rgb = on ? own[visible[v]] : grey;
        const out = single[v];
        out[px] = rgb[0]; out[px + 1] = rgb[1]; out[px + 2] = rgb[2]; out[px + 3] = 255;
        if (on) { count++; last = visible[v]; }
      }
      const rgb = count === 0 ? grey : count === 1 ? own[last] : multi[count - 2];
      composite[px] = rgb[0]; composite[px + 1] = rgb[1]; composite[px + 2] = rgb[2]; composite[px + 3] = 255;
    }
  }
  return [composite, ...single];
}

/**
 * A canvas at data resolution holding one panel's pixels: the source that
 * every layer-range change re-blits from.
 * @param {Uint8ClampedArray} pixels
 * @param {number} width  layers
 * @param {number} height  heads
 * @returns {HTMLCanvasElement}
 */
export function sourceCanvas(pixels, width, height) {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  canvas.getContext("2d").putImageData(new ImageData(pixels, width, height), 0, 0);
  return canvas;
}

/** Widest backing store kept at full model width; wider models resize per range. */
const MAX_BACKING = 8192;

/**
 * Draw layers first..last of `source` into the left of `canvas`, `cell` device
 * pixels per head, nearest-neighbour so every head stays a crisp square. The
 * backing store is sized for all layers, so a range change only re-blits (no
 * reallocation); the caller clips the canvas to the returned CSS width.
 * @param {HTMLCanvasElement} canvas
 * @param {HTMLCanvasElement} source
 * @param {number} first
 * @param {number} last
 * @param {number} cell
 * @param {number} dpr
 * @returns {number}  CSS width of the drawn layers
 */
export function blit(canvas, source, first, last, cell, dpr) {
  const n = last - first + 1;
  const shown = n * cell;
  const full = source.width * cell <= MAX_BACKING ? source.width * cell : shown;
  const height = source.height * cell;
  if (canvas.width < shown || canvas.width !== full || canvas.height !== height) {
    canvas.width = full;
    canvas.height = height;
    canvas.style.width = `${full / dpr}px`;
    canvas.style.height = `${height / dpr}px`;
  }
  const ctx = canvas.getContext("2d");
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(source, first, 0, n, source.height, 0, 0, shown, height);
  return shown / dpr;
}
