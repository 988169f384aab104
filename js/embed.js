// The live view in a published page (nbconvert HTML / webpdf, Sphinx + myst-nb), offline:
// built as a classic script (static/embed.js) that takes the place of ipywidgets'
// html-manager from a CDN. It reads the page's saved widget state and draws every
// HeadMapWidget view with a local model (js/model.js, as the standalone page does).
// Only HeadMapWidgets: other widgets' views are left to whatever else the page loads.

import { headData } from "./data.js";
import { createLocalModel } from "./model.js";
import { isHeadMap, localState, message, savedModels, viewModelId } from "./saved.js";
import css from "./widget.css";
import widget from "./widget.js";

const STATE = "application/vnd.jupyter.widget-state+json";
const VIEW = "application/vnd.jupyter.widget-view+json";
/** A view drawn here gets this type, so html-manager (if the page loads it too) skips it. */
export const RENDERED = "application/vnd.headwidget.rendered+json";

/** @param {string} text */
const warn = (text) => console.warn(`headwidget: ${text}`);

/**
 * Draw every HeadMapWidget view of `doc` that is not drawn yet; returns how many drew.
 * @param {Document} doc
 * @returns {number}
 */
export function renderAll(doc) {
  const scripts = (/** @type {string} */ type) =>
    [.../** @type {NodeListOf<HTMLScriptElement>} */ (doc.querySelectorAll(`script[type="${type}"]`))];
  const views = scripts(VIEW);
  if (views.length === 0) return 0;
  const models = savedModels(
    scripts(STATE).map((s) => s.textContent ?? ""),
    warn,
  );
  let drawn = 0;
  for (const script of views) {
    const id = viewModelId(script.textContent ?? "");
    const saved = id === null ? undefined : models.get(id);
    if (!isHeadMap(saved)) continue; // another widget, or no saved state: not ours to draw
    try {
      drawView(doc, script, saved);
      script.type = RENDERED;
      drawn += 1;
    } catch (err) {
      warn(`the saved head map ${id} was skipped (its static figure stays): ${message(err)}`);
    }
  }
  return drawn;
}

/**
 * One view, in a new element just before its script; nothing is left in the page
 * when the state does not draw.
 * @param {Document} doc
 * @param {HTMLScriptElement} script
 * @param {import("./saved.js").SavedModel} saved
 */
function drawView(doc, script, saved) {
  const model = /** @type {import("./traits.js").Model} */ (createLocalModel(localState(saved)));
  headData(model); // decodes and classifies: bad data throws here, before any element exists
  addStyle(doc);
  const el = doc.createElement("div");
  el.className = "headwidget-embed";
  script.before(el);
  let cleanup = null;
  try {
    cleanup = widget.render({ model, el });
    // The first draw runs inside render; a view that could not draw shows why, and then
    // the static figure (hidden wherever the view's root is) tells the reader more.
    const failed = el.querySelector(".hw-error")?.textContent;
    if (failed) throw new Error(failed);
  } catch (err) {
    cleanup?.();
    el.remove();
    throw err;
  }
}

/** The widget's CSS, once per page. @param {Document} doc */
function addStyle(doc) {
  if (doc.querySelector("style[data-headwidget-embed]")) return;
  const style = doc.createElement("style");
  style.dataset.headwidgetEmbed = "";
  style.textContent = css;
  doc.head.append(style);
}

if (typeof document !== "undefined") {
  const run = () => renderAll(document);
  // In <head> (Sphinx) the state comes later in the page; added after load (nbconvert), now.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run, { once: true });
  else run();
}
