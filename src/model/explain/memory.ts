/**
 * Memory length per unit from its retention gate (GRU update gate z, LSTM forget gate f; SimpleRNN: the diagonal of
 * ∂h_t/∂h_{t-1}), averaged over every step of sampled windows. A unit that keeps a share r of its state per step
 * forgets with time constant τ = -1/ln r steps (the e-folding time of r^k). Saturation follows Karpathy et al.: a gate
 * is left-saturated below 0.1 and right-saturated above 0.9.
 */
import type { Series } from '../data/types';
import type { ModelHandle } from '../network/handle';
import { gatesOf } from '../network/spec';
import { traceGates } from './gates';
import { explainInput, inputsFor, spread } from './windows';

/** Windows sampled evenly over the series for the float64 gate trace. */
export const MAX_MEMORY_WINDOWS = 150;
/** τ is capped here: a retention of 1 would mean forever. */
export const MAX_TIME_CONSTANT = 1e4;

export interface UnitMemory {
  layer: number;
  unit: number;
  /** Mean retention per step, 0..1. */
  retention: number;
  /** Steps until the state has decayed to 1/e. */
  timeConstant: number;
  /** Share of this unit's gate activations below 0.1 and above 0.9 (all its sigmoid gates; 0 for SimpleRNN). */
  gateLeft: number;
  gateRight: number;
  /** Share of steps with |h| > 0.95. */
  saturated: number;
}

export function timeConstant(retention: number): number {
  if (retention <= 0) return 0;
  if (retention >= 1) return MAX_TIME_CONSTANT;
  return Math.min(MAX_TIME_CONSTANT, -1 / Math.log(retention));
}

export function memoryLength(
  model: ModelHandle,
  series: Series,
  maxWindows = MAX_MEMORY_WINDOWS,
): UnitMemory[] {
  const x = explainInput(model, series);
  const spec = model.net.spec;
  const { units: u, window: T, layers: L } = spec;
  const sg = gatesOf(spec.cell) === 1 ? 0 : spec.cell === 'lstm' ? 3 : 2;
  const weights = model.net.readWeights();
  const targets = spread(x.first, x.values.length + 1, maxWindows);
  const acc = Array.from({ length: L * u }, () => ({ keep: 0, left: 0, right: 0, sat: 0 }));
  for (const t of targets) {
    const tr = traceGates(spec, weights, inputsFor(x, t));
    for (let l = 0; l < L; l++) {
      for (let s = 0; s < T; s++) {
        for (let k = 0; k < u; k++) {
          const a = acc[l * u + k];
          a.keep += tr.retain[l][s * u + k];
          if (Math.abs(tr.h[l][s * u + k]) > 0.95) a.sat++;
          for (let g = 0; g < sg; g++) {
            const v = tr.gates[l][s * sg * u + g * u + k];
            if (v < 0.1) a.left++;
            else if (v > 0.9) a.right++;
          }
        }
      }
    }
  }
  const steps = targets.length * T;
  return acc.map((a, i) => {
    const retention = a.keep / steps;
    return {
      layer: Math.floor(i / u),
      unit: i % u,
      retention,
      timeConstant: timeConstant(retention),
      gateLeft: sg ? a.left / (steps * sg) : 0,
      gateRight: sg ? a.right / (steps * sg) : 0,
      saturated: a.sat / steps,
    };
  });
}
