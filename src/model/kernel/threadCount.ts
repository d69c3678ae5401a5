/** How many threads a network trains on: the seqlab.training.threads setting, or the 'auto' rule. */
import { availableParallelism } from 'node:os';
import type { TrainConfig } from '../../shared/types';
import { gatesOf, type NetSpec } from '../network/spec';

/** Below this many multiply-adds per batch a worker's hand-off (about 0.1 ms) costs more than the second core gains. */
const MIN_THREADED_MACS = 5e6;

/**
 * A number is taken as given. 'auto': 2 where there are two cores and a batch has enough work to repay the hand-off,
 * else 1; SEQLAB_KERNEL_THREADS=1|2 overrides 'auto' (benchmarks). Either way a seed gives the same weights.
 */
export function kernelThreads(
  spec: NetSpec,
  batchSize: number,
  setting: TrainConfig['threads'] = 'auto',
  cores = availableParallelism(),
): 1 | 2 {
  if (typeof setting === 'number') return setting >= 2 ? 2 : 1;
  const forced = process.env.SEQLAB_KERNEL_THREADS;
  if (forced === '1' || forced === '2') return Number(forced) as 1 | 2;
  if (cores < 2) return 1;
  const macs = 3 * batchSize * spec.window * gatesOf(spec.cell) * spec.units * (spec.units + spec.features);
  return macs >= MIN_THREADED_MACS ? 2 : 1;
}

/**
 * Threads for scoring many windows (forward passes only, a third of a training step's work per window): the same
 * rule, as if a batch were two passes of `rows`.
 */
export function scoringThreads(spec: NetSpec, setting: TrainConfig['threads'] = 'auto', rows = 256): 1 | 2 {
  return kernelThreads(spec, Math.ceil((2 * rows) / 3), setting);
}
