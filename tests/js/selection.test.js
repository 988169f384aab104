// Selection rules: click, shift-click toggles, rectangles, and the outline path.
import assert from "node:assert/strict";
import { test } from "node:test";

import { clickSelect, outlinePath, rectSelect } from "../../js/selection.js";

test("click replaces, shift-click toggles", () => {
  assert.deepEqual(clickSelect([[1, 1]], [2, 2], false), [[2, 2]]);
  assert.deepEqual(clickSelect([[3, 0]], [2, 2], true), [[2, 2], [3, 0]]);
  assert.deepEqual(clickSelect([[2, 2], [3, 0]], [2, 2], true), [[3, 0]]);
});

test("a rectangle selects every head in it, either direction, and adds with shift", () => {
  assert.deepEqual(rectSelect([], [2, 1], [1, 0], false), [[1, 0], [1, 1], [2, 0], [2, 1]]);
  assert.deepEqual(rectSelect([[0, 0], [1, 1]], [1, 1], [1, 2], true), [[0, 0], [1, 1], [1, 2]]);
});

test("outlines only heads in the shown layers and heads, inside their cells", () => {
  assert.equal(outlinePath([[0, 0], [3, 1]], [2, 5], [0, 4], 20), "M21 21h18v18h-18z");
  assert.equal(outlinePath([[2, 0]], [2, 5], [0, 4], 8), "M0.5 0.5h7v7h-7z");
  // heads 2..3 shown: head 1 is cropped away, head 3 sits in the second row
  assert.equal(outlinePath([[3, 1], [3, 3], [4, 4]], [2, 5], [2, 3], 20), "M21 21h18v18h-18z");
});

test("a crop's cells may differ per axis: the outline spans each", () => {
  // 16 x 14 px cells: layer 27 of 18..31, head 8 of 4..9
  assert.equal(outlinePath([[27, 8]], [18, 31], [4, 9], 16, 14), "M145 57h14v12h-14z");
  // a cell under 10 px on one side takes the thin stroke
  assert.equal(outlinePath([[0, 0]], [0, 3], [0, 3], 20, 7.5), "M0.5 0.5h19v6.5h-19z");
});
