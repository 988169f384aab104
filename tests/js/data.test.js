// The model's data: decoded once per model, classified once per rule, shared by every view.
import assert from "node:assert/strict";
import { test } from "node:test";

import { headData } from "../../js/data.js";

/** 2 layers x 2 heads x 1 category: scores 0, 0.25, 0.5, 0.75 as little-endian float32 */
function scoredModel(rule) {
  const scores = new DataView(new ArrayBuffer(16));
  [0, 0.25, 0.5, 0.75].forEach((s, i) => scores.setFloat32(4 * i, s, true));
  const state = { _data: { shape: [2, 2, 1], categories: ["A"], bits: null, scores }, threshold: null, top_k: null, ...rule };
  return { state, get: (key) => state[key] };
}

test("every view of a model gets the same decoded object until something changes", () => {
  const model = scoredModel({ threshold: 0.5 });
  const first = headData(model);
  assert.equal(headData(model), first); // a second view: no second decode
  assert.deepEqual([...first.cells], [0, 0, 1, 1]);
  model.state.threshold = 0.25; // a rule change classifies once
  const second = headData(model);
  assert.notEqual(second, first);
  assert.deepEqual([...second.cells], [0, 1, 1, 1]);
  assert.equal(headData(model), second);
  assert.equal(second.scores, first.scores); // the scores were not decoded again
});

test("new data are decoded anew; other models keep their own", () => {
  const a = scoredModel({ top_k: 1 });
  const b = scoredModel({ top_k: 3 });
  assert.deepEqual([...headData(a).cells], [0, 0, 0, 1]);
  assert.deepEqual([...headData(b).cells], [0, 1, 1, 1]);
  a.state._data = { shape: [1, 1, 1], categories: ["A"], bits: new DataView(new Uint8Array([0x80]).buffer), scores: null };
  a.state.top_k = null;
  assert.deepEqual([...headData(a).cells], [1]);
  assert.equal(headData(a).rule, null);
});

test("scores with no rule, or a rule with no scores, is a clear error", () => {
  assert.throws(() => headData(scoredModel({})), /these scores need a rule/);
  const labels = { _data: { shape: [1, 1, 1], categories: ["A"], bits: new DataView(new ArrayBuffer(1)), scores: null }, threshold: 0.5 };
  assert.throws(() => headData({ get: (key) => labels[key] }), /needs scores/);
});
