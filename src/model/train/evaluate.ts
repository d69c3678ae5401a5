/** Inference over many windows in bounded batches; returns plain numbers. */
import * as tf from '@tensorflow/tfjs';
import type { SeqNet } from '../network/seqnet';
import { windowBuffer } from '../windows/batches';
import { targetIndex, type Prepared } from '../windows/prepare';

const EVAL_BATCH = 1024;

/**
 * Scaled one-step predictions for each series index in `targets`: by the net's own inference (the kernel where it
 * loads), or with `tfjsOnly` by tfjs-layers, which keeps the 'layers' engine the reference from end to end.
 */
export function predictScaled(
  net: SeqNet,
  p: Pick<Prepared, 'z' | 'differenced' | 'window' | 'features'>,
  targets: Int32Array,
  tfjsOnly = false,
): Float32Array {
  const out = new Float32Array(targets.length);
  for (let i = 0; i < targets.length; i += EVAL_BATCH) {
    const part = targets.subarray(i, Math.min(targets.length, i + EVAL_BATCH));
    const x = windowBuffer(p, part);
    if (!tfjsOnly) {
      out.set(net.predict(x, part.length), i);
      continue;
    }
    const y = tf.tidy(() => net.apply(tf.tensor3d(x, [part.length, p.window, net.spec.features])));
    out.set(y.dataSync(), i);
    y.dispose();
  }
  return out;
}

/** Mean squared error in scaled units over `targets`. */
export function scaledMse(net: SeqNet, p: Prepared, targets: Int32Array, tfjsOnly = false): number {
  const yhat = predictScaled(net, p, targets, tfjsOnly);
  let s = 0;
  for (let i = 0; i < targets.length; i++) s += (p.z[targetIndex(p, targets[i])] - yhat[i]) ** 2;
  return s / targets.length;
}
