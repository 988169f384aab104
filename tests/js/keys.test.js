// Keyboard cursor: where each key takes it, always inside the shown range.
import assert from "node:assert/strict";
import { test } from "node:test";

import { keepInside, moveCursor } from "../../js/keys.js";

const layers = /** @type {[number, number]} */ ([2, 9]);
const heads = /** @type {[number, number]} */ ([4, 7]);

test("arrows step one head; head 0 is at the top so Up lowers the index", () => {
  const at = { layer: 5, head: 5 };
  assert.deepEqual(moveCursor("ArrowRight", at, layers, heads), { layer: 6, head: 5 });
  assert.deepEqual(moveCursor("ArrowLeft", at, layers, heads), { layer: 4, head: 5 });
  assert.deepEqual(moveCursor("ArrowUp", at, layers, heads), { layer: 5, head: 4 });
  assert.deepEqual(moveCursor("ArrowDown", at, layers, heads), { layer: 5, head: 6 });
});

test("Home/End and PageUp/PageDown jump to the edges; nothing leaves the range", () => {
  const at = { layer: 5, head: 5 };
  assert.deepEqual(moveCursor("Home", at, layers, heads), { layer: 2, head: 5 });
  assert.deepEqual(moveCursor("End", at, layers, heads), { layer: 9, head: 5 });
  assert.deepEqual(moveCursor("PageUp", at, layers, heads), { layer: 5, head: 4 });
  assert.deepEqual(moveCursor("PageDown", at, layers, heads), { layer: 5, head: 7 });
  assert.deepEqual(moveCursor("ArrowLeft", { layer: 2, head: 4 }, layers, heads), { layer: 2, head: 4 });
  assert.deepEqual(moveCursor("ArrowUp", { layer: 2, head: 4 }, layers, heads), { layer: 2, head: 4 });
  assert.equal(moveCursor("a", at, layers, heads), null);
  assert.deepEqual(keepInside({ layer: 0, head: 30 }, layers, heads), { layer: 2, head: 7 });
});
