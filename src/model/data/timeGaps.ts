/**
 * Missing timestamps in a regular series. The network takes consecutive values as one step apart, so a month that is
 * not in the file silently halves the time between its neighbours; the user is told where, once per series.
 * Calendar steps are counted in months (monthly, quarterly, yearly data have uneven lengths in days), and a daily
 * series without weekends counts in working days, where one missing day (a holiday) is not a gap.
 */
import type { Problem } from './types';

const DAY = 86_400_000;

type Unit = { name: string; steps: (a: number, b: number) => number; tolerance: number };

const monthIndex = (t: number) => {
  const d = new Date(t);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

function workingDays(a: number, b: number): number {
  let n = 0;
  for (let t = a + DAY; t <= b; t += DAY) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) n++;
  }
  return n;
}

function unitFor(times: Float64Array, order: Uint32Array, stepMs: number): Unit {
  for (const [months, name] of [
    [1, 'month'],
    [3, 'quarter'],
    [12, 'year'],
  ] as const) {
    const days = (months * 365.25) / 12;
    if (Math.abs(stepMs / DAY - days) <= months * 1.6)
      return { name, steps: (a, b) => (monthIndex(b) - monthIndex(a)) / months, tolerance: 1 };
  }
  if (stepMs === DAY && !order.some((i) => [0, 6].includes(new Date(times[i]).getUTCDay())))
    return { name: 'working day', steps: workingDays, tolerance: 2 };
  return { name: describe(stepMs), steps: (a, b) => (b - a) / stepMs, tolerance: 1.5 };
}

function describe(ms: number): string {
  for (const [size, name] of [
    [DAY, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1000, 'second'],
  ] as const)
    if (ms >= size) return ms === size ? name : `${+(ms / size).toPrecision(3)} ${name}s`;
  return `${ms} ms`;
}

const when = (t: number) =>
  new Date(t)
    .toISOString()
    .replace(/T00:00:00\.000Z$/, '')
    .replace(/\.000Z$/, 'Z');

/** One warning naming the first gap and how many there are, or none; `order` is sorted by time. */
export function timeGaps(
  times: Float64Array,
  order: Uint32Array,
  lines: Uint32Array,
  column: string,
  stepMs: number | undefined,
): Problem[] {
  if (!stepMs || stepMs <= 0 || order.length < 3) return [];
  const unit = unitFor(times, order, stepMs);
  let gaps = 0;
  let first = -1;
  for (let k = 1; k < order.length; k++) {
    const [a, b] = [times[order[k - 1]], times[order[k]]];
    if (b > a && unit.steps(a, b) > unit.tolerance && gaps++ === 0) first = k;
  }
  if (gaps === 0) return [];
  const [a, b] = [order[first - 1], order[first]];
  const more = gaps > 1 ? `${gaps} gaps in time; the first` : 'a gap in time';
  return [
    {
      line: lines[b],
      column,
      severity: 'warning',
      message: `${more} is ${when(times[a])} → ${when(times[b])} (line ${lines[a]} to ${lines[b]}) where the usual step is one ${unit.name}; the values on either side are taken as one step apart`,
    },
  ];
}
