// Per-layer counts: classified heads per layer, grouped by composite colour, over the shown heads.
import assert from "node:assert/strict";
import { test } from "node:test";

import { layerCounts } from "../../js/counts.js";

test("counts only the heads in the head range", () => {
  // 2 layers x 4 heads x 2 categories
  const shape = /** @type {[number, number, number]} */ ([2, 4, 2]);
  const cells = new Uint8Array(16);
  const on = (l, h, c) => (cells[(l * 4 + h) * 2 + c] = 1);
  on(0, 0, 0); // layer 0: head 0 in A, head 3 in A and B
  on(0, 3, 0);
  on(0, 3, 1);
  on(1, 1, 1); // layer 1: head 1 in B
  const all = layerCounts(cells, shape, [true, true]);
  assert.equal(all.groups, 3); // A only, B only, both
  assert.deepEqual([...all.counts], [1, 0, 1, 0, 1, 0]);
  assert.equal(all.max, 2);
  const top = layerCounts(cells, shape, [true, true], [0, 1]);
  assert.deepEqual([...top.counts], [1, 0, 0, 0, 1, 0]);
  assert.equal(top.max, 1);
});
