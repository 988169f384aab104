// Saved widget state (js/saved.js): which models are head maps, and the local state built
// from one, buffers back at their paths. The page is untrusted: bad input throws or is skipped.
import assert from "node:assert/strict";
import { test } from "node:test";

import { ANYWIDGET_ID, isHeadMap, localState, savedModels, viewModelId } from "../../js/saved.js";

/** A model as nbclient saves a HeadMapWidget: bits removed from _data, in buffers. */
function saved() {
  return {
    model_name: "AnyModel",
    model_module: "anywidget",
    state: {
      _anywidget_id: ANYWIDGET_ID,
      _esm: "export default {}",
      _css: ".x{}",
      _data: { shape: [2, 2, 1], categories: ["A"], tasks: null, groups: null, scores: null },
      _palette: { categories: ["#1f77b4"], multi: [], unclassified: "#e6e6e6" },
      _figure_id: "0".repeat(32),
      layer_range: [0, 1],
      head_range: [0, 1],
      visible: ["A"],
      selected: [],
    },
    buffers: [{ path: ["_data", "bits"], data: "kA==", encoding: "base64" }],
  };
}

test("the buffer goes back to its path; _esm and _css are dropped", () => {
  const state = localState(saved());
  assert.deepEqual(state._data.bits, { $bytes: "kA==" });
  assert.equal("_esm" in state, false);
  assert.equal("_css" in state, false);
});

test("head maps by anywidget id, or by headwidget's trait keys (a subclass)", () => {
  assert.equal(isHeadMap(saved()), true);
  const subclass = saved();
  subclass.state._anywidget_id = "mine.MyMap";
  assert.equal(isHeadMap(subclass), true);
  assert.equal(isHeadMap({ state: { _anywidget_id: "other.Widget", value: 3 } }), false);
  assert.equal(isHeadMap({ model_name: "IntSliderModel", state: { value: 3 } }), false);
  for (const junk of [null, 3, "x", [], { state: null }, { state: [] }]) assert.equal(isHeadMap(junk), false);
});

test("a buffer path that reaches a prototype, or does not fit, throws", () => {
  for (const path of [["__proto__", "polluted"], ["_data", "constructor"], ["missing", "bits"], [], ["layer_range", 5]]) {
    const model = saved();
    model.buffers[0].path = /** @type {any} */ (path);
    assert.throws(() => localState(model), Error, JSON.stringify(path));
  }
  assert.equal(/** @type {any} */ ({}).polluted, undefined);
});

test("a buffer that is not base64 text, or a state of the wrong types, throws", () => {
  const hex = saved();
  hex.buffers[0].encoding = "hex";
  assert.throws(() => localState(hex), /not base64/);
  const shape = saved();
  shape.state._data.shape = [2, "x", 1];
  assert.throws(() => localState(shape), /shape/);
  const range = saved();
  range.state.layer_range = "0-1";
  assert.throws(() => localState(range), /layer_range/);
});

test("saved states merge; one that is not JSON is skipped with a warning", () => {
  const warnings = [];
  const models = savedModels(
    ['{"version_major": 2, "version_minor": 0, "state": {"a": {"state": {}}}}', "{not json", '{"state": 3}',
     '{"version_major": 2, "state": {"b": {"state": {}}}}'],
    (w) => warnings.push(w),
  );
  assert.deepEqual([...models.keys()], ["a", "b"]);
  assert.equal(warnings.length, 2);
});

test("a view script names its model, or nothing", () => {
  assert.equal(viewModelId('{"model_id": "abc", "version_major": 2}'), "abc");
  for (const text of ["", "{", "[]", '{"model_id": 3}']) assert.equal(viewModelId(text), null);
});
