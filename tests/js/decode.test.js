// The front end's decode of packed bits matches numpy's packbits (fixture made by Python).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { asBytes, unpackLabels } from "../../js/decode.js";

const cases = JSON.parse(readFileSync(new URL("../fixtures/packed.json", import.meta.url)));

for (const { shape, bytes, cells } of cases) {
  test(`unpack ${shape.join("x")} equals numpy's array`, () => {
    const buffer = new Uint8Array(bytes).buffer;
    assert.deepEqual([...unpackLabels(new DataView(buffer), shape)], cells);
    assert.deepEqual([...unpackLabels(buffer, shape)], cells);
  });
}

test("a DataView into the middle of a buffer decodes its own bytes", () => {
  const whole = new Uint8Array([0xff, 0b10100000, 0xff]);
  const view = new DataView(whole.buffer, 1, 1);
  assert.deepEqual([...unpackLabels(view, [1, 1, 3])], [1, 0, 1]);
});

test("too few bytes for the shape is a clear error", () => {
  assert.throws(() => unpackLabels(new Uint8Array(1), [4, 4, 1]), /labels has 1 bytes; shape 4x4x1 needs 2/);
});

test("non-binary input is refused", () => {
  assert.throws(() => asBytes([1, 2, 3]), /labels must be binary/);
});
