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
  // a byte at a time, its eight bits unrolled: an eighth of the loop's turns, which
  // counts on a cold page, where this runs before the JIT has warmed up
  const whole = n >> 3;
  for (let j = 0, i = 0; j < whole; j++, i += 8) {
    const b = bytes[j];
    cells[i] = b >> 7;
    cells[i + 1] = (b >> 6) & 1;
    cells[i + 2] = (b >> 5) & 1;
    cells[i + 3] = (b >> 4) & 1;
    cells[i + 4] = (b >> 3) & 1;
    cells[i + 5] = (b >> 2) & 1;
    cells[i + 6] = (b >> 1) & 1;
    cells[i + 7] = b & 1;
  }
  for (let i = whole * 8; i < n; i++) cells[i] = (bytes[i >> 3] >> (7 - (i & 7))) & 1;
  return cells;
}
