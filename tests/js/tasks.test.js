// Which task put a head there: the tooltip's task lines, the task panels' pixels, the task row's fit.
import assert from "node:assert/strict";
import { test } from "node:test";

import { taskPixels } from "../../js/draw.js";
import { fit, fitRow } from "../../js/fit.js";
import { groupCells, members, taskLines } from "../../js/tasks.js";

// one head, four tasks: two in "T", two in "K"
const index = [0, 0, 1, 1];
const tasks = (cells) => ({ names: ["en_fr", "fr_en", "capital", "symbol"], members: members(index, 2), cells: Uint8Array.from(cells) });

test("a category the head is in lists the tasks that put it there, best first", () => {
  const scores = Float32Array.from([0.6, 0.9, 0.2, NaN]);
  assert.deepEqual(taskLines(0, tasks([1, 1, 0, 0]), ["T", "K"], scores), [
    "T: fr_en 0.900, en_fr 0.600",
    "K: none (best capital 0.200)",
  ]);
  // ties keep task order; NaN is never "best"
  assert.deepEqual(taskLines(0, tasks([1, 1, 0, 0]), ["T", "K"], Float32Array.from([0.5, 0.5, NaN, NaN])), [
    "T: en_fr 0.500, fr_en 0.500",
    "K: none",
  ]);
});

test("without scores, only the head's categories and their tasks, in task order", () => {
  assert.deepEqual(taskLines(0, tasks([0, 1, 1, 1]), ["T", "K"], null), ["T: fr_en", "K: capital, symbol"]);
  assert.deepEqual(taskLines(0, tasks([0, 0, 0, 0]), ["T", "K"], null), []);
});

test("a long list is cut after the limit with a count", () => {
  const names = ["a", "b", "c", "d", "e"];
  const t = { names, members: members([0, 0, 0, 0, 0], 1), cells: Uint8Array.from([1, 1, 1, 1, 1]) };
  assert.deepEqual(taskLines(0, t, ["M"], null), ["M: a, b, c, +2 more"]);
  assert.deepEqual(taskLines(0, t, ["M"], null, 5), ["M: a, b, c, d, e"]);
});

test("the tooltip reads the head's own tasks: flat index times tasks", () => {
  // 2 heads x 4 tasks: head 1 passes capital only
  const t = { ...tasks([1, 0, 0, 0, 0, 0, 1, 0]) };
  const scores = Float32Array.from([0.9, 0, 0, 0, 0.1, 0.2, 0.7, 0.3]);
  assert.deepEqual(taskLines(1, t, ["T", "K"], scores), ["T: none (best fr_en 0.200)", "K: capital 0.700"]);
  // and the categories follow from the tasks by the grouping rule
  assert.deepEqual([...groupCells(t.cells, 2, index, 2)], [1, 0, 0, 1]);
});

test("task pixels: a panel per listed task, its heads in the colour, the rest grey", () => {
  // 2 layers x 2 heads x 3 tasks; C order (layer, head, task)
  const cells = Uint8Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 0]);
  const [a, c] = taskPixels(cells, [2, 2, 3], [0, 2], "#ff0000", "#eeeeee");
  const px = (p, layer, head) => [...p.slice(4 * (head * 2 + layer), 4 * (head * 2 + layer) + 4)];
  const red = [255, 0, 0, 255];
  const grey = [238, 238, 238, 255];
  // task 0: (0, 0) and (1, 1); task 2: (1, 0)
  assert.deepEqual([px(a, 0, 0), px(a, 1, 0), px(a, 0, 1), px(a, 1, 1)], [red, grey, grey, red]);
  assert.deepEqual([px(c, 0, 0), px(c, 1, 0), px(c, 0, 1), px(c, 1, 1)], [grey, red, grey, grey]);
  // the buffers are reused when the sizes match
  const again = taskPixels(cells, [2, 2, 3], [0, 2], "#ff0000", "#eeeeee", [a, c]);
  assert.equal(again[0].buffer, a.buffer);
});

const room = { width: 1300, legendWidth: 120, legendGap: 12, legendRows: 100, colGap: 7, axes: { tickFont: 11, axis: 40, labelGap: 30, overhang: 8, title: 20 } };

test("a task row fits the view's width with cells no larger than the view's panels'", () => {
  const main = fit(room, 5, 32, 32, 1);
  // two tasks: room for big cells, but never bigger than the category panels'
  assert.deepEqual(fitRow(room, 2, 32, 32, 1, main.cellCss), { cols: 2, cellCss: main.cellCss, cell: main.cellCss });
  // eight tasks in one row of smaller whole-pixel cells, inside the room
  const eight = fitRow(room, 8, 32, 32, 1, main.cellCss);
  assert.equal(eight.cols, 8);
  assert.ok(eight.cellCss <= main.cellCss && Number.isInteger(eight.cellCss));
  const width = room.width - room.legendWidth - room.legendGap - room.axes.overhang;
  assert.ok(eight.cols * (eight.cellCss * 32 + room.axes.axis + room.colGap) <= width);
  // a narrow view wraps the row (3 + 3 + 2: four a row would make cells under 3 px)
  assert.deepEqual(fitRow({ ...room, width: 700 }, 8, 32, 32, 1, main.cellCss), { cols: 3, cellCss: 4, cell: 4 });
  // at 1.5 device px per CSS px the cap stays the view's cell
  const dense = fit(room, 5, 32, 32, 1.5);
  assert.equal(fitRow(room, 1, 32, 32, 1.5, dense.cellCss).cell, dense.cell);
});
