// layout.js follows the same rules as the Python side (fixture written by Python).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { cellPixels, legendEntries, minTickStep, panelTitles, tickValues } from "../../js/layout.js";

const fixture = JSON.parse(readFileSync(new URL("../fixtures/layout.json", import.meta.url)));

for (const { first, last, ticks } of fixture.ticks) {
  test(`ticks for layers ${first}..${last}`, () => assert.deepEqual(tickValues(first, last), ticks));
}

test("narrow panels thin out their ticks the same way as Python", () => {
  for (const { axis, first, last, cell, ticks } of fixture.narrow_ticks) {
    assert.deepEqual(tickValues(first, last, minTickStep(axis, last, cell)), ticks, `${axis} ${first}..${last} @${cell}`);
  }
});

for (const { categories, shown, palette, titles, legend } of fixture.panels) {
  test(`panels and legend for ${categories.length} categories, shown ${shown}`, () => {
    assert.deepEqual(panelTitles(categories, shown), titles);
    assert.deepEqual(legendEntries(categories, shown, palette), legend);
  });
}

test("cells are whole device pixels and square panels fit the limit", () => {
  assert.equal(cellPixels(32, 32, 1, 240), 7);
  assert.equal(cellPixels(32, 32, 2, 240), 15);
  assert.equal(cellPixels(14, 32, 1, 240), 7); // cropping to fewer layers keeps heads' size
  assert.equal(cellPixels(126, 128, 1, 240), 1);
  assert.equal(cellPixels(4000, 4000, 1, 240), 1); // never zero
});
