/** The state trajectory: h_T along the rows projected onto its first two principal components (ml-pca, centred). */
import { PCA } from 'ml-pca';
import type { SeriesStates } from './states';

export interface Trajectory {
  rows: number[];
  x: number[];
  y: number[];
  /** Share of the states' variance each axis holds. */
  explained: [number, number];
}

/** `data` is [n, d] row-major. Each component's sign is fixed so its largest loading is positive (PCA leaves it free). */
export function project2d(
  data: Float32Array | Float64Array,
  n: number,
  d: number,
): { x: number[]; y: number[]; explained: [number, number] } {
  const zeros = () => new Array<number>(n).fill(0);
  if (n < 2 || d < 1) return { x: zeros(), y: zeros(), explained: [0, 0] };
  const m = Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * d, (i + 1) * d)));
  const pca = new PCA(m, { center: true, scale: false });
  const k = Math.min(2, d);
  const p = pca.predict(m, { nComponents: k }).to2DArray();
  const vectors = pca.getEigenvectors().to2DArray();
  const explained = pca.getExplainedVariance();
  const axis = (c: number): number[] => {
    if (c >= k) return zeros();
    let big = 0;
    for (let r = 0; r < d; r++) if (Math.abs(vectors[r][c]) > Math.abs(vectors[big][c])) big = r;
    const sign = vectors[big][c] < 0 ? -1 : 1;
    return p.map((row) => sign * row[c] || 0);
  };
  return { x: axis(0), y: axis(1), explained: [explained[0] || 0, explained[1] || 0] };
}

export function trajectory(states: SeriesStates, layer = states.layers.length - 1): Trajectory {
  const n = states.rows.length;
  const r = project2d(states.layers[layer].h, n, states.units);
  return { rows: Array.from(states.rows), ...r };
}
