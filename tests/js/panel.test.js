// A panel keeps a fixed set of tick labels per geometry (js/panel.js tickCapacity): enough
// for every crop of the axis at the crop's cell size, as js/layout.js thins them.

import assert from "node:assert/strict";
import { test } from "node:test";

import { cropCell, minTickStep, tickValues } from "../../js/layout.js";
import { tickCapacity } from "../../js/panel.js";

test("a panel's tick labels suffice for every crop of its axis", () => {
  const font = 11;
  for (const n of [1, 2, 3, 5, 7, 9, 10, 12, 16, 24, 32, 40, 64, 80, 126, 128, 300]) {
    for (const cell of [1, 1.5, 3, 7, 20]) {
      const box = cell * n;
      for (const axis of /** @type {const} */ (["x", "y"])) {
        const capacity = tickCapacity(box, minTickStep(axis, 0, 1, font), n);
        let most = 0;
        for (let first = 0; first < n; first++) {
          for (let last = first; last < n; last++) {
            const crop = cropCell(cell, n, last - first + 1);
            most = Math.max(most, tickValues(first, last, n, minTickStep(axis, last, crop, font)).length);
          }
        }
        assert.ok(most <= capacity, `n=${n} cell=${cell} ${axis}: ${most} ticks > ${capacity} labels`);
      }
    }
  }
});
