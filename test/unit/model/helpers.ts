/** Small shared pieces for the model tests: synthetic series and a backend that is fast to start. */
import type { Series } from '../../../src/model/data/types';
import { setBackend } from '../../../src/model/backend';

export function series(values: number[], name = 'value'): Series {
  return { name, values: Float64Array.from(values), problems: [] };
}

export function sine(n = 100): number[] {
  return Array.from({ length: n }, (_, i) => Math.sin((Math.PI * i) / (n - 1)));
}

/** Seeded standard normals (mulberry32 + Box–Muller), independent of the core's Rng. */
export function normals(n: number, seed: number): number[] {
  let s = seed >>> 0;
  const u = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u()));
}

/** tfjs' cpu backend, for the tfjs-layers reference: exact float32 kernels and no wasm start-up. */
export async function useCpu(): Promise<void> {
  await setBackend('cpu');
}

/** Tiny, quick training settings. wasm when it starts (faster for RNN loops), else cpu; each run stays on one. */
/** One small network (no ensemble): the tests that count its epochs or compare its weights mean one. */
export const TINY = {
  units: 4,
  epochs: 3,
  batchSize: 16,
  patience: 0,
  seed: 7,
  backend: 'auto' as const,
  ensemble: 1,
};

/** Largest |a − b| over max |b|: relative to the variable's scale, as float32 sums over long windows need. */
export function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let scale = 0;
  let worst = 0;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]));
  for (let i = 0; i < b.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst / Math.max(scale, 1e-12);
}

/** The files of a model saved with the default ensemble of five: weights.bin is the first member's. */
export const DEFAULT_MODEL_FILES = [
  'history.csv',
  'member-1.bin',
  'member-2.bin',
  'member-3.bin',
  'member-4.bin',
  'meta.json',
  'model.json',
  'weights.bin',
];
