/** Plain arithmetic over HiddenStates arrays ([T, units] row-major), kept apart from the DOM. */
import type { HiddenStates } from '../../shared/types';

/** |h| above this counts as saturated: tanh/sigmoid units there barely pass gradient. */
export const SATURATION = 0.95;

/** h_t of a layer, or c_t when asked for and present (LSTM). */
export function layerValues(states: HiddenStates, layer: number, cell: boolean): Float32Array {
  const l = states.layers[Math.max(0, Math.min(layer, states.layers.length - 1))];
  return cell && l.c ? l.c : l.h;
}

/** h_T: the last time step's row, the window's summary vector. */
export function finalState(values: Float32Array, steps: number, units: number): Float32Array {
  return values.slice((steps - 1) * units, steps * units);
}

/** Per unit, the share of time steps with |value| > SATURATION. */
export function saturation(values: Float32Array, steps: number, units: number): Float32Array {
  const out = new Float32Array(units);
  for (let t = 0; t < steps; t++)
    for (let u = 0; u < units; u++) if (Math.abs(values[t * units + u]) > SATURATION) out[u]++;
  for (let u = 0; u < units; u++) out[u] /= Math.max(1, steps);
  return out;
}
