// Pixel colours per panel: the composite counts only visible categories.
import assert from "node:assert/strict";
import { test } from "node:test";

import { readFileSync } from "node:fs";

import { panelPixels, parseColor } from "../../js/draw.js";

// The reference palette for 4 categories, as Python sends it (tests/fixtures/layout.json).
const fixture = JSON.parse(readFileSync(new URL("../fixtures/layout.json", import.meta.url), "utf8"));
const { palette } = fixture.panels.find((/** @type {any} */ p) => p.categories.length === 4);

/** cells for a 5-layer x 1-head x 4-category map: layer k is in categories 0..k-1 */
function staircase() {
  const cells = new Uint8Array(5 * 1 * 4);
  for (let l = 0; l < 5; l++) for (let c = 0; c < l; c++) cells[l * 4 + c] = 1;
  return cells;
}

const rgbAt = (px, i) => `#${[...px.slice(i * 4, i * 4 + 3)].map((v) => v.toString(16).padStart(2, "0")).join("")}`;

test("composite colours heads in 0, 1, 2, 3, 4 categories", () => {
  const [composite] = panelPixels(staircase(), [5, 1, 4], [true, true, true, true], palette);
  assert.deepEqual([0, 1, 2, 3, 4].map((l) => rgbAt(composite, l)), ["#e6e6e6", "#1f77b4", "#9467bd", "#8c564b", "#e377c2"]);
});

test("hiding a category removes it from the composite and its panel", () => {
  const panels = panelPixels(staircase(), [5, 1, 4], [false, true, true, true], palette);
  assert.equal(panels.length, 4);
  // layer 2 is in categories 0 and 1; with 0 hidden it is in 1 only: orange
  assert.equal(rgbAt(panels[0], 2), "#ff7f0e");
  assert.equal(rgbAt(panels[1], 2), "#ff7f0e"); // first visible panel is category 1
  assert.equal(rgbAt(panels[1], 1), "#e6e6e6");
});

test("pixels are laid out x = layer, y = head", () => {
  const cells = new Uint8Array(3 * 2 * 1);
  cells[(2 * 2 + 1) * 1] = 1; // layer 2, head 1
  const [composite] = panelPixels(cells, [3, 2, 1], [true], { ...palette, multi: [] });
  assert.equal(rgbAt(composite, 1 * 3 + 2), "#1f77b4");
  assert.equal([...composite].filter((_, i) => i % 4 === 0 && composite[i] === 0x1f).length, 1);
});

test("colours must be #rrggbb", () => {
  assert.deepEqual(parseColor("#FF7f0e"), [255, 127, 14]);
  assert.throws(() => parseColor("red"), /"#rrggbb", got "red"/);
});
