/**
 * Seeded initial weights, generated here rather than by tfjs: its orthogonal initializer ignores the seed for
 * SimpleRNN's recurrent kernel, and tfjs reads seed 0 as "random". Same scheme as Keras' defaults:
 * Glorot-uniform kernels, orthogonal recurrent kernels, zero biases (LSTM forget gate bias 1); the head starts at zero.
 */
import { Rng } from '../train/rng';
import { gatesOf, weightShapes, type NetSpec } from './spec';

function glorot(rng: Rng, rows: number, cols: number): Float32Array {
  const limit = Math.sqrt(6 / (rows + cols));
  const w = new Float32Array(rows * cols);
  for (let i = 0; i < w.length; i++) w[i] = (rng.next() * 2 - 1) * limit;
  return w;
}

/** rows × cols with orthonormal rows (rows ≤ cols), by modified Gram–Schmidt on a normal matrix. */
function orthogonal(rng: Rng, rows: number, cols: number): Float32Array {
  const m: Float64Array[] = [];
  for (let r = 0; r < rows; r++) {
    const v = new Float64Array(cols);
    for (let k = 0; k < cols; k++) v[k] = rng.normal();
    for (const u of m) {
      let dot = 0;
      for (let k = 0; k < cols; k++) dot += v[k] * u[k];
      for (let k = 0; k < cols; k++) v[k] -= dot * u[k];
    }
    const norm = Math.hypot(...v) || 1;
    for (let k = 0; k < cols; k++) v[k] /= norm;
    m.push(v);
  }
  const out = new Float32Array(rows * cols);
  m.forEach((v, r) => out.set(v, r * cols));
  return out;
}

export function initialWeights(spec: NetSpec, seed: number): Float32Array[] {
  const rng = new Rng(seed);
  const g = gatesOf(spec.cell);
  return weightShapes(spec).map((shape, i) => {
    const isHead = i >= spec.layers * 3;
    if (shape.length === 1) {
      const b = new Float32Array(shape[0]);
      if (!isHead && spec.cell === 'lstm') b.fill(1, spec.units, 2 * spec.units);
      return b;
    }
    // A zero head makes the untrained net predict the training mean (of levels, or of differences: the drift
    // forecast), so early stopping's epoch 0 is already a sane baseline rather than noise.
    if (isHead) return new Float32Array(shape[0] * shape[1]);
    const recurrent = i % 3 === 1;
    return recurrent ? orthogonal(rng, spec.units, g * spec.units) : glorot(rng, shape[0], shape[1]);
  });
}
