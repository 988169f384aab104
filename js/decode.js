// Decode the labels the Python model sends: numpy.packbits output, one bit per
// (layer, head, category) in C order, most significant bit first.

/**
 * @typedef {[number, number, number]} Shape  (layers, heads, categories)
 */

/**
 * View any binary value anywidget may hand us (DataView, typed array,
 * ArrayBuffer) as bytes, without copying.
 * @param {DataView | ArrayBufferView | ArrayBuffer} buffer
 * @returns {Uint8Array}
 */
export function asBytes(buffer) {
  if (buffer instanceof ArrayBuffer) return new Uint8Array(buffer);
  if (ArrayBuffer.isView(buffer)) {
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  throw new TypeError(`labels must be binary, got ${Object.prototype.toString.call(buffer)}`);
}

/**
 * Unpack bits into one byte (0 or 1) per cell, index (layer * H + head) * C + category.
 * @param {DataView | ArrayBufferView | ArrayBuffer} buffer
 * @param {Shape} shape
 * @returns {Uint8Array}
 */
export function unpackLabels(buffer, shape) {
  const bytes = asBytes(buffer);
  const n = shape[0] * shape[1] * shape[2];
  if (bytes.length < Math.ceil(n / 8)) {
    throw new RangeError(
      `labels has ${bytes.length} bytes; shape ${shape.join("x")} needs ${Math.ceil(n / 8)}`,
    );
  }
  const cells = new Uint8Array(n);
  // a byte's eight cells at a time, as two 32-bit words from a table: a first render
  // runs this cold, before the JIT has warmed up, where a loop per bit costs 4x more
  const whole = n >> 3;
  const words = new Uint32Array(cells.buffer, 0, 2 * whole);
  for (let j = 0, w = 0; j < whole; j++, w += 2) {
    const t = bytes[j] << 1;
    words[w] = BYTE_CELLS[t];
    words[w + 1] = BYTE_CELLS[t + 1];
  }
  for (let i = whole * 8; i < n; i++) cells[i] = (bytes[i >> 3] >> (7 - (i & 7))) & 1;
  return cells;
}

/** Byte b's eight cells (0/1, most significant bit first) at bytes 8b..8b+7, read as two words. */
const BYTE_CELLS = (() => {
  const table = new Uint32Array(512);
  const bytes = new Uint8Array(table.buffer);
  for (let b = 0; b < 256; b++) for (let k = 0; k < 8; k++) bytes[8 * b + k] = (b >> (7 - k)) & 1;
  return table;
})();
