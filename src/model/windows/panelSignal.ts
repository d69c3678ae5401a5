/**
 * The working signal of a global model: every series (and its covariates) differenced if chosen, scaled on its own
 * training range, interleaved [step, feature] and laid end to end. A window never crosses from one series into the
 * next, because only targets with a whole window inside their own block are listed.
 */
import type { Series } from '../data/types';
import type { ScalerState } from '../types';
import { fitScaler, scale } from './scaler';
import { firstTarget, splitIndexOf, workingSignal, type Prepared } from './prepare';

/** Where one series sits in the pooled signal. */
export interface Block {
  /** First step of the series' working signal in z (in steps, not values). */
  base: number;
  splitIndex: number;
  /** Series indices of its training and validation targets. */
  trainTargets: Int32Array;
  valTargets: Int32Array;
  scalers: ScalerState[];
}

export interface PanelPrepared {
  /** Index math over z is that of an undifferenced series, since z already holds the working signals. */
  pooled: Prepared;
  blocks: Block[];
  /** Whether each series' working signal is its first differences (one step shorter than the series). */
  differenced: boolean;
}

/** The series' inputs: its values, then each covariate. */
export function inputsOf(s: Series): Float64Array[] {
  return [s.values, ...(s.covariates ?? [])];
}

/** Scaled working signal of one series, interleaved [step, feature], with the given scalers. */
export function seriesSignal(s: Series, scalers: ScalerState[], differenced: boolean): Float32Array {
  const inputs = inputsOf(s).map((v) => workingSignal(v, differenced));
  const F = inputs.length;
  const L = inputs[0].length;
  const z = new Float32Array(L * F);
  for (let f = 0; f < F; f++) for (let j = 0; j < L; j++) z[j * F + f] = scale(scalers[f], inputs[f][j]);
  return z;
}

function range(from: number, to: number): Int32Array {
  return Int32Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

/**
 * The pooled signal for the series long enough for `window` (the others are returned in `tooShort`). The pooled
 * targets are z-step indices: series index t of block b is base + (t − 1 if differenced, else t).
 */
export function preparePanel(
  series: Series[],
  c: { scaler: ScalerState['kind']; validationSplit: number },
  window: number,
  differenced: boolean,
): PanelPrepared & { kept: Series[]; tooShort: Series[] } {
  const first = firstTarget(differenced, window);
  const kept: Series[] = [];
  const tooShort: Series[] = [];
  for (const s of series)
    (splitIndexOf(s.values.length, c.validationSplit) - first >= 2 ? kept : tooShort).push(s);
  const F = kept.length ? inputsOf(kept[0]).length : 1;
  const lengths = kept.map((s) => s.values.length - (differenced ? 1 : 0));
  const z = new Float32Array(lengths.reduce((a, b) => a + b, 0) * F);
  const blocks: Block[] = [];
  let base = 0;
  kept.forEach((s, k) => {
    const splitIndex = splitIndexOf(s.values.length, c.validationSplit);
    const trainEnd = differenced ? splitIndex - 1 : splitIndex;
    const scalers = inputsOf(s).map((v) => fitScaler(c.scaler, workingSignal(v, differenced), trainEnd));
    z.set(seriesSignal(s, scalers, differenced), base * F);
    blocks.push({
      base,
      splitIndex,
      trainTargets: range(first, splitIndex),
      valTargets: range(Math.max(first, splitIndex), s.values.length),
      scalers,
    });
    base += lengths[k];
  });
  const shift = differenced ? 1 : 0;
  const pooledOf = (pick: (b: Block) => Int32Array) =>
    Int32Array.from(blocks.flatMap((b) => Array.from(pick(b), (t) => b.base + t - shift)));
  return {
    pooled: {
      z,
      differenced: false,
      scaler: { kind: 'zscore', a: 0, b: 1 },
      window,
      splitIndex: 0,
      trainTargets: pooledOf((b) => b.trainTargets),
      valTargets: pooledOf((b) => b.valTargets),
      features: F,
    },
    blocks,
    differenced,
    kept,
    tooShort,
  };
}
