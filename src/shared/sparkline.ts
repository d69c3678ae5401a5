/** A series as a one-line text chart, for QuickPick details and logs. */
const BARS = '▁▂▃▄▅▆▇█';

/** A text sparkline of `values` in `width` bars (bucket means, scaled to the series' own range). */
export function sparkline(values: ArrayLike<number>, width = 24): string {
  const n = values.length;
  if (n === 0) return '';
  const buckets = Math.min(width, n);
  const means: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.max(from + 1, Math.floor(((b + 1) * n) / buckets));
    let sum = 0;
    for (let i = from; i < to; i++) sum += values[i];
    means.push(sum / (to - from));
  }
  const lo = Math.min(...means);
  const hi = Math.max(...means);
  return means
    .map((m) => BARS[hi > lo ? Math.round(((m - lo) / (hi - lo)) * (BARS.length - 1)) : 3])
    .join('');
}
