/**
 * Small structural checks for data that arrives over a boundary (postMessage, worker messages, JSON files).
 * Each guard answers only "is this shape usable"; callers decide what to do with a reject.
 */

export type Guard<T> = (v: unknown) => v is T;

/**
 * A plain object of fields. One with an own `__proto__` or `constructor` key (JSON.parse and structured clone both
 * make them) is refused: typed code that spreads, merges or looks keys up in it would reach Object.prototype.
 */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !Object.hasOwn(v, '__proto__') &&
    !Object.hasOwn(v, 'constructor')
  );
}

export const isString = (v: unknown): v is string => typeof v === 'string';
export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
/** Any number, NaN included: metrics such as MAPE are NaN when undefined. */
export const isNumber = (v: unknown): v is number => typeof v === 'number';
export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
export const isNonNegativeInteger = (v: unknown): v is number => isInteger(v) && v >= 0;

export function isOneOf<T extends string>(values: readonly T[]): Guard<T> {
  return (v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);
}

export function isArrayOf<T>(item: Guard<T>): Guard<T[]> {
  return (v: unknown): v is T[] => Array.isArray(v) && v.every((x) => item(x));
}

export const isNumberArray = isArrayOf(isNumber);

export function isFloat32Array(v: unknown): v is Float32Array {
  return v instanceof Float32Array;
}

export function isUint8Array(v: unknown): v is Uint8Array {
  return v instanceof Uint8Array;
}

export function optional<T>(guard: Guard<T>): Guard<T | undefined> {
  return (v: unknown): v is T | undefined => v === undefined || guard(v);
}

type Shape = Record<string, Guard<unknown>>;
type FromShape<S extends Shape> = { [K in keyof S]: S[K] extends Guard<infer T> ? T : never };

/** An object whose listed fields pass their guards; extra fields are allowed (and ignored by typed code). */
export function isShape<S extends Shape>(shape: S): Guard<FromShape<S>> {
  return (v: unknown): v is FromShape<S> => isRecord(v) && Object.keys(shape).every((k) => shape[k](v[k]));
}

/** Like isShape, but only fields that are present are checked: for Partial<...> payloads. */
export function isPartialShape<S extends Shape>(shape: S): Guard<Partial<FromShape<S>>> {
  return (v: unknown): v is Partial<FromShape<S>> =>
    isRecord(v) &&
    Object.keys(v).every((k) => Object.hasOwn(shape, k) && (v[k] === undefined || shape[k](v[k])));
}

/** Picks the validator for a tagged union by its `type` field. */
export function isTagged<T extends { type: string }>(byType: Record<string, Guard<T>>): Guard<T> {
  return (v: unknown): v is T =>
    isRecord(v) && typeof v.type === 'string' && Object.hasOwn(byType, v.type) && byType[v.type](v);
}
