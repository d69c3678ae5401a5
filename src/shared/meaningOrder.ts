/**
 * The order "sort by meaning" puts units in: grouped by the signal each follows, strongest |r| first within a group,
 * and units whose r is NaN (a unit that never moves) last. One comparator for the units table and the heatmap rows.
 */
export interface UnitMeaning {
  layer: number;
  unit: number;
  signal: string;
  r: number;
}

export function byMeaning(a: UnitMeaning, b: UnitMeaning): number {
  const strength = (u: UnitMeaning) => (Number.isFinite(u.r) ? Math.abs(u.r) : -1);
  return a.signal.localeCompare(b.signal) || strength(b) - strength(a) || a.unit - b.unit;
}

/** Per layer, the unit indices in meaning order (display position → unit), for a heatmap's rows. */
export function meaningOrder(units: readonly UnitMeaning[]): number[][] {
  const layers: number[][] = [];
  for (const u of [...units].sort(byMeaning)) (layers[u.layer] ??= []).push(u.unit);
  return layers;
}
