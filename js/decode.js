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
  for (let i = 0; i < n; i++) cells[i] = (bytes[i >> 3] >> (7 - (i & 7))) & 1;
  return cells;
}
