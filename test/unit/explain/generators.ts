/** Series with known structure for the explain tests: what the analysis must find is planted by construction. */
import { normals } from '../model/helpers';

/** x_t = φ·x_{t-lag} + ε_t: the next value depends on one specific lag only. */
export function oneLag(n: number, lag: number, phi = 0.9, seed = 3): number[] {
  const e = normals(n, seed);
  const x: number[] = [];
  for (let t = 0; t < n; t++) x.push((t >= lag ? phi * x[t - lag] : 0) + e[t]);
  return x;
}

/** Noise with `motif` written at each of `at` (row of its first value): the places matching must find. */
export function plantedMotif(n: number, motif: number[], at: number[], seed = 5, noise = 0.3): number[] {
  const x = normals(n, seed).map((v) => noise * v);
  for (const s of at) motif.forEach((m, i) => (x[s + i] = m + noise * 0.1 * x[s + i]));
  return x;
}

/** A sine of period `season` plus a slow trend: units should read as seasonal phase or level. */
export function seasonal(n: number, season: number, trend = 0.01, seed = 9): number[] {
  const e = normals(n, seed);
  return Array.from({ length: n }, (_, t) => Math.sin((2 * Math.PI * t) / season) + trend * t + 0.05 * e[t]);
}
