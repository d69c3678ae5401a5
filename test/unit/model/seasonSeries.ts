/** Generated series for the season-removal tests: one removal should help, one it should hurt. */
import { normals } from './helpers';

/** A flat level times a smooth yearly-like season of 12, with a little noise: removal leaves almost nothing to learn. */
export function seasonFlat(n: number, seed: number): number[] {
  const e = normals(n, seed);
  return Array.from({ length: n }, (_, t) => 100 * (1 + 0.2 * Math.sin((2 * Math.PI * t) / 12)) + 0.2 * e[t]);
}

/**
 * A smooth cycle of 12.6 steps (a lunar month in days is 29.5): the detector finds a whole-step season, whose fixed
 * per-phase indices drift against the cycle, so removing them adds a beat the network must unlearn. Removal hurts.
 */
export function cycleBetweenSteps(n: number, seed: number): number[] {
  const e = normals(n, seed);
  return Array.from({ length: n }, (_, t) => 100 + 20 * Math.sin((2 * Math.PI * t) / 12.6) + 0.3 * e[t]);
}
