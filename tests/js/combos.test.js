// Combinations of categories: found per head, counted in the shown range, veiled around.
import assert from "node:assert/strict";
import { test } from "node:test";

import { comboHeads, countCombos, findCombos, veilPath } from "../../js/combos.js";

// 4 layers x 3 heads x 3 categories, cells in C order over (layer, head, category)
const shape = /** @type {[number, number, number]} */ ([4, 3, 3]);
function cells(members) {
  const out = new Uint8Array(4 * 3 * 3);
  for (const [layer, head, cats] of members) for (const c of cats) out[(layer * 3 + head) * 3 + c] = 1;
  return out;
}
const data = cells([
  [0, 0, [0, 1]],
  [1, 2, [0, 1]],
  [2, 1, [1, 2]],
  [3, 0, [0, 1, 2]],
  [3, 2, [2]],
]);

test("heads in 2+ visible categories are grouped by their exact set", () => {
  const { ids, members } = findCombos(data, shape, [true, true, true]);
  assert.deepEqual(members, [[0, 1], [1, 2], [0, 1, 2]]);
  assert.equal(ids[0 * 3 + 0], 0);
  assert.equal(ids[1 * 3 + 2], 0);
  assert.equal(ids[3 * 3 + 2], -1); // one category only
  // hiding category 2 turns (3, 0) into a 0+1 head and (2, 1) into a single
  const hidden = findCombos(data, shape, [true, true, false]);
  assert.deepEqual(hidden.members, [[0, 1]]);
  assert.equal(hidden.ids[3 * 3 + 0], 0);
  assert.equal(hidden.ids[2 * 3 + 1], -1);
});

test("counts cover only the shown layers and heads, most heads first", () => {
  const combos = findCombos(data, shape, [true, true, true]);
  const all = countCombos(combos, shape, [0, 3], [0, 2]);
  assert.deepEqual(all.get(2), [
    { id: 0, members: [0, 1], count: 2 },
    { id: 1, members: [1, 2], count: 1 },
  ]);
  assert.deepEqual(all.get(3), [{ id: 2, members: [0, 1, 2], count: 1 }]);
  const cropped = countCombos(combos, shape, [1, 3], [1, 2]);
  assert.deepEqual([...cropped.keys()], [2]);
  assert.deepEqual(cropped.get(2).map((r) => [r.members, r.count]), [[[0, 1], 1], [[1, 2], 1]]);
  assert.deepEqual(comboHeads(combos, 0, shape, [0, 3], [0, 2]), [[0, 0], [1, 2]]);
  assert.deepEqual(comboHeads(combos, 0, shape, [1, 3], [0, 2]), [[1, 2]]);
});

test("the veil covers the shown area with a hole per run of chosen heads", () => {
  // layers 2..5 x heads 1..3 at 10 px: heads (3,1),(4,1) share one hole, (2,3) has its own
  assert.equal(
    veilPath([[2, 3], [3, 1], [4, 1]], [2, 5], [1, 3], 10),
    "M0 0H40V30H0ZM0 20h10v10h-10zM10 0h20v10h-20z",
  );
  assert.equal(veilPath([], [0, 1], [0, 1], 5), "M0 0H10V10H0Z");
});
