// Decode what Python sends, with the front end's own modules, under node:
// stdin {data: HeadMapWidget._data as synced (bytes as base64), threshold, top_k}
// stdout {"cells": [...one byte per cell under the rule, as every view draws them],
//         "taskCells": [...one byte per (layer, head, task) cell] or null without tasks}
import { headData } from "../../js/data.js";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const job = JSON.parse(input);
const bytes = (b64) => (b64 === null ? null : new DataView(Uint8Array.from(Buffer.from(b64, "base64")).buffer));
const state = { _data: { ...job.data, bits: bytes(job.data.bits), scores: bytes(job.data.scores) }, ...job.rule };
const model = { get: (key) => state[key] };
const data = headData(model);
const taskCells = data.tasks ? [...data.tasks.cells] : null;
process.stdout.write(JSON.stringify({ cells: [...data.cells], taskCells }));
