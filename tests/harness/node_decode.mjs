// Decode what Python sends, with the front end's own modules, under node:
// stdin {shape, bits (base64), scores (base64, optional), threshold, topK}
// stdout {"bits": [...cells from the packed bits], "classified": [...] | null}
import { unpackLabels } from "../../js/decode.js";
import { classify, decodeScores } from "../../js/scoring.js";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const job = JSON.parse(input);
const bytes = (b64) => new DataView(Uint8Array.from(Buffer.from(b64, "base64")).buffer);
const n = job.shape[0] * job.shape[1] * job.shape[2];
const bits = [...unpackLabels(bytes(job.bits), job.shape)];
let classified = null;
if (job.scores !== undefined) {
  const scores = decodeScores(bytes(job.scores), n);
  classified = [...classify(scores, job.shape, { threshold: job.threshold ?? null, topK: job.topK ?? null })];
}
process.stdout.write(JSON.stringify({ bits, classified }));
