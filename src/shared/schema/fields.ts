/** Building blocks of the wire schemas (valibot), and the one way a schema becomes a type guard. */
import * as v from 'valibot';

/** Any number, NaN included: metrics such as MAPE are NaN by definition when every actual value is zero. */
export const anyNumber = v.custom<number>((x) => typeof x === 'number');
export const finite = v.pipe(v.number(), v.finite());
export const int = (min: number, max: number) =>
  v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
export const count = v.pipe(v.number(), v.integer(), v.minValue(0));
export const anyInteger = v.pipe(v.number(), v.integer());
export const numbers = v.array(anyNumber);
export const float32 = v.custom<Float32Array>((x) => x instanceof Float32Array);
export const bytes = v.custom<Uint8Array>((x) => x instanceof Uint8Array);

/**
 * An own `__proto__` or `constructor` key anywhere in a message (JSON.parse and structured clone both make them):
 * typed code that spreads, merges or looks keys up in such an object would reach Object.prototype.
 */
function hasPrototypeKey(x: unknown, depth = 0): boolean {
  if (typeof x !== 'object' || x === null || ArrayBuffer.isView(x) || depth > 64) return false;
  if (Object.hasOwn(x, '__proto__') || Object.hasOwn(x, 'constructor')) return true;
  return Object.values(x).some((y) => hasPrototypeKey(y, depth + 1));
}

/** The type guard of a schema: what MessageHandler and every receiver call before a message reaches typed code. */
export function guardOf<S extends v.GenericSchema>(schema: S): (x: unknown) => x is v.InferOutput<S> {
  return (x: unknown): x is v.InferOutput<S> => v.is(schema, x) && !hasPrototypeKey(x);
}
