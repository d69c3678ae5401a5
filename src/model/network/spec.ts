/** What a network is, independent of the library that runs it. */
import type { CellType } from '../types';

export interface NetSpec {
  cell: CellType;
  layers: number;
  units: number;
  /** Time steps per input window. */
  window: number;
  /** Values per time step (1: the series itself). */
  features: number;
}

/** Gates per cell: the recurrent kernels are [units, gates * units]. */
export function gatesOf(cell: CellType): number {
  return cell === 'lstm' ? 4 : cell === 'gru' ? 3 : 1;
}

/**
 * Weight shapes in the order every implementation stores them: per recurrent layer
 * kernel [in, g*u], recurrent kernel [u, g*u], bias [g*u]; then the head kernel [u, 1] and bias [1].
 * Gate order follows Keras: GRU z, r, h̃; LSTM i, f, c̃, o.
 */
export function weightShapes(s: NetSpec): number[][] {
  const g = gatesOf(s.cell);
  const shapes: number[][] = [];
  for (let l = 0; l < s.layers; l++) {
    shapes.push([l === 0 ? s.features : s.units, g * s.units], [s.units, g * s.units], [g * s.units]);
  }
  shapes.push([s.units, 1], [1]);
  return shapes;
}

/** Hidden states of one window, as the kernel (or a reference) computes them. */
export interface ProbeResult {
  /** Per layer: h and (LSTM) c as [T, units] row-major. */
  layers: Array<{ h: Float32Array; c?: Float32Array }>;
  /** The head's output for the window (scaled units). */
  output: number;
}
