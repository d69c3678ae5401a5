/** Lazy windows: a batch's inputs are copied out of the working signal only when that batch is needed. */
import * as tf from '@tensorflow/tfjs';
import { windowStart, targetIndex, type Prepared } from './prepare';

export interface Batch {
  /** [batch, window, 1] */
  x: tf.Tensor3D;
  /** [batch, 1] */
  y: tf.Tensor2D;
}

/** Inputs for the given target indices as a flat [batch * window] buffer (`into`'s start, when given). */
export function windowBuffer(
  p: Pick<Prepared, 'z' | 'differenced' | 'window'>,
  targets: ArrayLike<number>,
  into?: Float32Array,
): Float32Array {
  const W = p.window;
  const buf = into ? into.subarray(0, targets.length * W) : new Float32Array(targets.length * W);
  for (let b = 0; b < targets.length; b++) {
    const s = windowStart(p, targets[b]);
    buf.set(p.z.subarray(s, s + W), b * W);
  }
  return buf;
}

/** Builds one batch; the caller disposes both tensors. */
export function makeBatch(p: Prepared, targets: ArrayLike<number>): Batch {
  const y = new Float32Array(targets.length);
  for (let b = 0; b < targets.length; b++) y[b] = p.z[targetIndex(p, targets[b])];
  return {
    x: tf.tensor3d(windowBuffer(p, targets), [targets.length, p.window, 1]),
    y: tf.tensor2d(y, [targets.length, 1]),
  };
}
