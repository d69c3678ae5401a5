/** Inference over many windows in bounded batches; returns plain numbers. */
import type { SeqNet } from '../network/seqnet';
import { windowBuffer } from '../windows/batches';
import { targetIndex, windowStart, type Prepared } from '../windows/prepare';

const EVAL_BATCH = 1024;

/** Scaled one-step predictions for each series index in `targets`, by the net's own inference. */
export function predictScaled(
  net: SeqNet,
  p: Pick<Prepared, 'z' | 'differenced' | 'window' | 'features'>,
  targets: Int32Array,
): Float32Array {
  const out = new Float32Array(targets.length);
  // One buffer for every chunk: a fresh one each time left ~1 MB of garbage per 1,024 windows at window 200.
  const scratch = new Float32Array(Math.min(targets.length, EVAL_BATCH) * p.window * (p.features ?? 1));
  for (let i = 0; i < targets.length; i += EVAL_BATCH) {
    const part = targets.subarray(i, Math.min(targets.length, i + EVAL_BATCH));
    out.set(net.predict(windowBuffer(p, part, scratch), part.length), i);
  }
  return out;
}

/**
 * predictScaled's numbers, on two threads when `threads` is 2 and the net can (the kernel reads the windows in
 * place, so nothing is copied per chunk): the final scoring of a long validation range uses both cores.
 */
export async function predictScaledAsync(
  net: SeqNet,
  p: Pick<Prepared, 'z' | 'differenced' | 'window' | 'features'>,
  targets: Int32Array,
  threads: 1 | 2,
): Promise<Float32Array> {
  if (!net.predictAt || threads < 2) return predictScaled(net, p, targets);
  const offsets = new Int32Array(targets.length);
  for (let i = 0; i < targets.length; i++) offsets[i] = windowStart(p, targets[i]);
  return net.predictAt(p.z, offsets, threads);
}

/** Mean squared error in scaled units over `targets`. */
export function scaledMse(net: SeqNet, p: Prepared, targets: Int32Array): number {
  const yhat = predictScaled(net, p, targets);
  let s = 0;
  for (let i = 0; i < targets.length; i++) s += (p.z[targetIndex(p, targets[i])] - yhat[i]) ** 2;
  return s / targets.length;
}
