// Entry point of the standalone HTML export: the widget, live, with no kernel.
import { createLocalModel } from "./model.js";
import widget from "./widget.js";

const state = JSON.parse(document.getElementById("headwidget-state").textContent);
widget.render({ model: createLocalModel(state), el: document.getElementById("headwidget") });
