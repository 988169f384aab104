// Entry point of the standalone HTML export: the widget, live, with no kernel.
import { createLocalModel } from "./model.js";
import widget from "./widget.js";

const state = document.getElementById("headwidget-state");
const el = document.getElementById("headwidget");
if (!state || !el) throw new Error("the page lost its headwidget elements");
const model = /** @type {import("./traits.js").Model} */ (createLocalModel(JSON.parse(state.textContent ?? "{}")));
widget.render({ model, el });
