/**
 * Messages to a webview travel as JSON, which writes NaN and ±Infinity as null. Every wire number may be NaN (a
 * metric a model could not score), so the webview turns each null back into NaN before validation; typed arrays pass
 * through untouched. (No panel message uses null for anything else; coverage's "no value" reads the same as NaN.)
 */
export function nullsToNaN(x: unknown, depth = 0): unknown {
  if (x === null) return Number.NaN;
  if (typeof x !== 'object' || ArrayBuffer.isView(x) || x instanceof ArrayBuffer || depth > 64) return x;
  if (Array.isArray(x)) return x.map((y) => nullsToNaN(y, depth + 1));
  // fromEntries defines own properties, so an own "__proto__" key stays one (and the guards still refuse it).
  return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, nullsToNaN(y, depth + 1)]));
}
