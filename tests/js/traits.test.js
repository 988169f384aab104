// Update levels: which work a set of changed traits costs a view.
import assert from "node:assert/strict";
import { test } from "node:test";

import { LEVELS, TRAITS, levelsToRun } from "../../js/traits.js";

test("a level redoes every level after it in the chain, the title stands alone", () => {
  assert.deepEqual(levelsToRun(["range"]), ["range", "selection"]);
  assert.deepEqual(levelsToRun(["selection"]), ["selection"]);
  assert.deepEqual(levelsToRun(["title"]), ["title"]);
  assert.deepEqual(levelsToRun(["selection", "rule", "title"]), ["rule", "visible", "heads", "range", "selection", "title"]);
  assert.deepEqual(levelsToRun(["data"]), LEVELS.slice(0, -1));
  assert.deepEqual(levelsToRun([]), []);
});

test("selected and title cost no pixels", () => {
  assert.equal(TRAITS.selected, "selection");
  assert.equal(TRAITS.title, "title");
  for (const level of levelsToRun([TRAITS.selected, TRAITS.title])) assert.ok(!["visible", "heads", "range"].includes(level));
});
