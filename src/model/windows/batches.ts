/** Lazy windows: a batch's inputs are copied out of the working signal only when that batch is needed. */
import { windowStart, targetIndex, type Prepared } from './prepare';

/** Inputs for the given target indices as a flat [batch * window * features] buffer (`into`'s start, when given). */
export function windowBuffer(
  p: Pick<Prepared, 'z' | 'differenced' | 'window' | 'features'>,
  targets: ArrayLike<number>,
  into?: Float32Array,
): Float32Array {
  const span = p.window * (p.features ?? 1);
  const buf = into ? into.subarray(0, targets.length * span) : new Float32Array(targets.length * span);
  for (let b = 0; b < targets.length; b++) {
    const s = windowStart(p, targets[b]);
    buf.set(p.z.subarray(s, s + span), b * span);
  }
  return buf;
}

/** The scaled targets of `targets`, [batch]. */
export function targetBuffer(
  p: Pick<Prepared, 'z' | 'differenced'>,
  targets: ArrayLike<number>,
): Float32Array {
  // A loop, not Float32Array.from(targets, f): V8 runs a typed array's from() with a mapping function ~5× slower.
  const y = new Float32Array(targets.length);
  for (let b = 0; b < targets.length; b++) y[b] = p.z[targetIndex(p, targets[b])];
  return y;
}
