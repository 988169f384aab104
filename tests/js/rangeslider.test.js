// The range slider's geometry and keys, as a native range has them.
import assert from "node:assert/strict";
import { test } from "node:test";

import { HANDLE, TRACK, centreOf, keyTarget, valueAt } from "../../js/rangeslider.js";

test("handle centres run half a handle in from either end, evenly", () => {
  assert.equal(centreOf(0, 31), HANDLE / 2);
  assert.equal(centreOf(31, 31), TRACK - HANDLE / 2);
  assert.equal(centreOf(10, 20), TRACK / 2);
  assert.equal(centreOf(0, 0), HANDLE / 2); // a one-value axis: no division by zero
});

test("a point on the track is the nearest whole value, inside the axis", () => {
  for (const v of [0, 1, 15, 30, 31]) assert.equal(valueAt(centreOf(v, 31), 31), v);
  const between = (centreOf(4, 31) + centreOf(5, 31)) / 2;
  assert.equal(valueAt(between - 0.1, 31), 4);
  assert.equal(valueAt(between + 0.1, 31), 5);
  assert.equal(valueAt(-50, 31), 0);
  assert.equal(valueAt(TRACK + 50, 31), 31);
});

test("keys step by one, a tenth of the axis, or to either end", () => {
  assert.equal(keyTarget("ArrowLeft", 5, 31), 4);
  assert.equal(keyTarget("ArrowDown", 5, 31), 4);
  assert.equal(keyTarget("ArrowRight", 5, 31), 6);
  assert.equal(keyTarget("ArrowUp", 5, 31), 6);
  assert.equal(keyTarget("PageUp", 5, 31), 8);
  assert.equal(keyTarget("PageDown", 5, 125), -8); // the slider clamps to the other handle and 0
  assert.equal(keyTarget("PageUp", 1, 4), 2); // at least one
  assert.equal(keyTarget("Home", 5, 31), 0);
  assert.equal(keyTarget("End", 5, 31), 31);
  assert.equal(keyTarget("Enter", 5, 31), null);
  assert.equal(keyTarget("toString", 5, 31), null); // not the lookup object's own keys
});
