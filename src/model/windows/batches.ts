/** Lazy windows: a batch's inputs are copied out of the working signal only when that batch is needed. */
import * as tf from '@tensorflow/tfjs';
import { windowStart, targetIndex, type Prepared } from './prepare';

export interface Batch {
  /** [batch, window, features] */
  x: tf.Tensor3D;
  /** [batch, 1] */
  y: tf.Tensor2D;
}

/** Inputs for the given target indices as a flat [batch * window * features] buffer. */
export function windowBuffer(
  p: Pick<Prepared, 'z' | 'differenced' | 'window' | 'features'>,
  targets: ArrayLike<number>,
): Float32Array {
  const span = p.window * (p.features ?? 1);
  const buf = new Float32Array(targets.length * span);
  for (let b = 0; b < targets.length; b++) {
    const s = windowStart(p, targets[b]);
    buf.set(p.z.subarray(s, s + span), b * span);
  }
  return buf;
}

/** Builds one batch; the caller disposes both tensors. */
export function makeBatch(p: Prepared, targets: ArrayLike<number>): Batch {
  const y = new Float32Array(targets.length);
  for (let b = 0; b < targets.length; b++) y[b] = p.z[targetIndex(p, targets[b])];
  return {
    x: tf.tensor3d(windowBuffer(p, targets), [targets.length, p.window, p.features ?? 1]),
    y: tf.tensor2d(y, [targets.length, 1]),
  };
}

/** Yields consecutive slices of `order` of at most `size` entries. */
export function* chunks(order: Int32Array, size: number): Generator<Int32Array> {
  for (let i = 0; i < order.length; i += size) yield order.subarray(i, Math.min(order.length, i + size));
}
