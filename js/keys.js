// Keyboard over a panel: where the cursor goes for each key, inside the shown range.

/**
 * The cursor after `key`, or null when the key does not move it.
 * Arrows step one head (head 0 is at the top, so Up lowers the head index);
 * Home/End jump to the first/last layer shown, PageUp/PageDown to the first/last head.
 * @param {string} key  KeyboardEvent.key
 * @param {{layer: number, head: number}} at
 * @param {[number, number]} layers  inclusive range shown
 * @param {[number, number]} heads  inclusive range shown
 * @returns {{layer: number, head: number} | null}
 */
export function moveCursor(key, at, layers, heads) {
  let { layer, head } = at;
  switch (key) {
    case "ArrowLeft": layer--; break;
    case "ArrowRight": layer++; break;
    case "ArrowUp": head--; break;
    case "ArrowDown": head++; break;
    case "Home": layer = layers[0]; break;
    case "End": layer = layers[1]; break;
    case "PageUp": head = heads[0]; break;
    case "PageDown": head = heads[1]; break;
    default: return null;
  }
  return { layer: clamp(layer, layers), head: clamp(head, heads) };
}

/**
 * The cursor moved inside the shown range (after the range shrinks past it).
 * @param {{layer: number, head: number}} at
 * @param {[number, number]} layers
 * @param {[number, number]} heads
 */
export function keepInside(at, layers, heads) {
  return { layer: clamp(at.layer, layers), head: clamp(at.head, heads) };
}

/** @param {number} v @param {[number, number]} range */
function clamp(v, [lo, hi]) {
  return Math.min(hi, Math.max(lo, v));
}
