// js/layout.js, js/draw.js and js/counts.js follow the rules as Python states them:
// tests/fixtures/layout.json is written by src/headwidget/layout.py and groups.py.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { barHeights, layerCounts } from "../../js/counts.js";
import { groupPixels, panelPixels } from "../../js/draw.js";
import {
  COMPOSITE_TITLE,
  COUNTS_GAP,
  COUNTS_HEIGHT,
  MAX_PANEL_CSS,
  UNCLASSIFIED_LABEL,
  cropCell,
  fitPanels,
  groupEntries,
  headGroups,
  legendEntries,
  mostCategories,
  minTickStep,
  panelTitles,
  tickValues,
} from "../../js/layout.js";

const fixture = JSON.parse(readFileSync(new URL("../fixtures/layout.json", import.meta.url), "utf8"));

test("the live view's sizes and names are Python's", () => {
  const { constants } = fixture;
  assert.equal(COMPOSITE_TITLE, constants.composite_title);
  assert.equal(UNCLASSIFIED_LABEL, constants.unclassified_label);
  assert.equal(MAX_PANEL_CSS, constants.max_panel_px);
  assert.equal(COUNTS_HEIGHT, constants.counts_height);
  assert.equal(COUNTS_GAP, constants.counts_gap);
});

for (const { first, last, n, ticks } of fixture.ticks) {
  test(`ticks for layers ${first}..${last} of ${n}`, () => assert.deepEqual(tickValues(first, last, n), ticks));
}

test("a crop keeps the axis's own ticks: 18..31 of 32 shows 18, 24, 30", () => {
  assert.deepEqual(tickValues(18, 31, 32), [18, 24, 30]);
  assert.deepEqual(tickValues(0, 31, 32), [0, 6, 12, 18, 24, 30]);
});

test("narrow panels thin out their ticks the same way as Python", () => {
  for (const { axis, first, last, n, cell, font, ticks } of fixture.narrow_ticks) {
    const got = tickValues(first, last, n, minTickStep(axis, last, cell, font));
    assert.deepEqual(got, ticks, `${axis} ${first}..${last} of ${n} @${cell} px, ${font} px font`);
  }
});

test("panels per row and cell size are Python's", () => {
  for (const c of fixture.fit_panels) {
    const options = { minCell: c.min_cell, minPlot: c.min_plot, ncols: c.ncols, maxSide: c.max_side, dpr: c.dpr };
    const [cols, cell] = fitPanels(c.room, c.panels, c.layers, c.heads, c.extra, options);
    assert.equal(cols, c.fit[0], JSON.stringify(c));
    assert.ok(Math.abs(cell - c.fit[1]) < 1e-9, `${cell} vs ${c.fit[1]}: ${JSON.stringify(c)}`);
  }
});

for (const { categories, shown, palette, titles, legend, legend_most, groups } of fixture.panels) {
  test(`panels, groups and legend for ${categories.length} categories, shown ${shown}`, () => {
    assert.deepEqual(panelTitles(categories, shown), titles);
    assert.deepEqual(groupEntries(categories, shown, palette), groups);
    assert.deepEqual(legendEntries(categories, shown, palette), legend);
    const V = shown.filter(Boolean).length;
    for (const [most, rows] of Object.entries(legend_most)) {
      assert.deepEqual(legendEntries(categories, shown, palette, Math.min(Number(most), V)), rows, `most ${most}`);
    }
  });
}

test("the most visible categories one head is in is Python's", () => {
  for (const { shape, cells, shown, most } of fixture.composite) {
    assert.equal(mostCategories(Uint8Array.from(cells), shape, shown), most, `${shape} ${shown}`);
    const groups = headGroups(Uint8Array.from(cells), shape, shown);
    assert.equal(mostCategories(Uint8Array.from(cells), shape, shown, groups), most, `${shape} ${shown} from groups`);
  }
});

/** "#rrggbb" of pixel i of RGBA bytes */
const rgbAt = (/** @type {Uint8ClampedArray} */ px, /** @type {number} */ i) =>
  `#${[...px.slice(i * 4, i * 4 + 3)].map((v) => v.toString(16).padStart(2, "0")).join("")}`;

fixture.composite.forEach(({ shape, cells, shown, palette, groups, colors }, n) => {
  test(`composite case ${n} (${shape.join("x")}, shown ${shown}): each head's group and colour`, () => {
    const [L, H] = shape;
    const bytes = Uint8Array.from(cells);
    assert.deepEqual([...headGroups(bytes, shape, shown)], groups);
    const panels = panelPixels(bytes, shape, shown, palette);
    // the one-pass form gives the same groups, and the same pixels when it writes over old ones
    const fused = groupPixels(bytes, shape, shown, palette, groupPixels(bytes, shape, shown.map(() => true), palette).pixels);
    assert.deepEqual([...fused.groups], groups);
    assert.deepEqual(fused.pixels.map((p) => [...p]), panels.map((p) => [...p]));
    assert.equal(panels.length, 1 + colors.panels.length);
    // pixels are x = layer, y = head; the fixture indexes heads as layer * H + head
    const read = (/** @type {Uint8ClampedArray} */ px) => {
      const out = [];
      for (let l = 0; l < L; l++) for (let h = 0; h < H; h++) out.push(rgbAt(px, h * L + l));
      return out;
    };
    assert.deepEqual(read(panels[0]), colors.composite);
    colors.panels.forEach((/** @type {string[]} */ want, /** @type {number} */ v) => assert.deepEqual(read(panels[v + 1]), want));
  });
});

fixture.counts.forEach(({ shape, cells, shown, heads, counts, busiest, heights }, n) => {
  test(`count bars case ${n} (${shape.join("x")}, heads ${heads}): counts and heights`, () => {
    const tally = layerCounts(Uint8Array.from(cells), shape, shown, heads);
    const rows = (/** @type {ArrayLike<number>} */ flat) =>
      Array.from({ length: shape[0] }, (_, l) => Array.from(flat).slice(l * tally.groups, (l + 1) * tally.groups));
    assert.deepEqual(rows(tally.counts), counts);
    assert.equal(tally.max, busiest);
    for (const [dpr, want] of Object.entries(heights)) {
      assert.deepEqual(rows(barHeights(tally, COUNTS_HEIGHT * Number(dpr))), want, `dpr ${dpr}`);
    }
  });
});

test("a crop fills the whole model's box: cropCell = cell * n / shown", () => {
  assert.equal(cropCell(7, 32, 32), 7); // nothing cropped: the fitted cell
  assert.equal(cropCell(7, 32, 14), 16); // layers 18..31 of 32 at 7 px: 224 px over 14
  assert.equal(cropCell(1, 128, 16) * 16, 128); // the shown cells span the box exactly
  assert.equal(cropCell(3, 126, 5), 75.6); // fractional
});

test("cropCell is Python's crop_cell, case by case (tests/fixtures/layout.json)", () => {
  assert.ok(fixture.crop_cell.length >= 3);
  for (const { cell, n, shown, crop_cell } of fixture.crop_cell) {
    assert.equal(cropCell(cell, n, shown), crop_cell, `cropCell(${cell}, ${n}, ${shown})`);
  }
});
