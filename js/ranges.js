// Ranges as a view reads them: a jslink (a bqplot brush, a float slider) or another
// front end may set `layer_range` / `head_range` to floats or null, which the kernel
// refuses but this view would otherwise draw first.

/**
 * An inclusive index range of an axis of `n` values, from an untrusted model value:
 * two finite numbers, rounded to whole indices and clamped into 0..n-1; anything
 * else (null, NaN, a reversed pair, not a pair) is null.
 * @param {unknown} value
 * @param {number} n
 * @returns {[number, number] | null}
 */
export function indexRange(value, n) {
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [first, last] = value.map((v) => (typeof v === "number" && Number.isFinite(v) ? Math.min(n - 1, Math.max(0, Math.round(v))) : NaN));
  if (Number.isNaN(first) || Number.isNaN(last) || first > last) return null;
  return [first, last];
}

/**
 * Whether `value` already is `range` (the same two integers).
 * @param {unknown} value
 * @param {[number, number]} range
 * @returns {boolean}
 */
export function sameRange(value, range) {
  return Array.isArray(value) && value.length === 2 && value[0] === range[0] && value[1] === range[1];
}
