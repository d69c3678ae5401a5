// Realistic series generators (seeded, no downloads) used by the samples script, the defaults study and the benches.

/** mulberry32: the same small seeded generator the model core uses. */
export function rng(seed) {
  let s = (seed >>> 0) ^ 0x9e3779b9;
  const next = () => {
    let t = (s = (s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, normal };
}

/** The seed tutorial's data: n points of sin over [0, π]. */
export function sine(n = 100) {
  return Array.from({ length: n }, (_, i) => Math.sin((Math.PI * i) / (n - 1)));
}

/** Monthly: level 100, trend +0.8/month, yearly season (amplitude 12), noise sd 3. */
export function monthlySeasonalTrend(n = 144, seed = 1) {
  const r = rng(seed);
  return Array.from(
    { length: n },
    (_, i) =>
      100 +
      0.8 * i +
      12 * Math.sin((2 * Math.PI * i) / 12) +
      5 * Math.cos((4 * Math.PI * i) / 12) +
      3 * r.normal(),
  );
}

/** A random walk with a slight drift: the case where naive is hard to beat. */
export function randomWalk(n = 1000, seed = 2) {
  const r = rng(seed);
  let v = 50;
  return Array.from({ length: n }, () => (v += 0.02 + r.normal()));
}

/** Hourly: a smooth daily cycle with a weekly modulation and small noise (e.g. a temperature or load curve). */
export function dailyCycle(n = 24 * 60, seed = 3) {
  const r = rng(seed);
  return Array.from(
    { length: n },
    (_, i) =>
      20 +
      6 * Math.sin((2 * Math.PI * (i - 6)) / 24) +
      1.5 * Math.sin((2 * Math.PI * i) / 168) +
      0.4 * r.normal(),
  );
}

/** Daily: trend plus a weekly pattern plus AR(1) noise. */
export function dailyWeekly(n = 730, seed = 4) {
  const r = rng(seed);
  const week = [0, 3, 4, 4, 5, 9, 7];
  let e = 0;
  return Array.from({ length: n }, (_, i) => {
    e = 0.6 * e + 1.5 * r.normal();
    return 200 + 0.05 * i + 2 * week[i % 7] + e;
  });
}

/** ISO dates for a series starting 2015-01-01 at a monthly, daily or hourly step. */
export function dates(n, step) {
  const start = Date.UTC(2015, 0, 1);
  return Array.from({ length: n }, (_, i) => {
    if (step === 'month') return new Date(Date.UTC(2015, i, 1)).toISOString().slice(0, 10);
    if (step === 'day') return new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    return new Date(start + i * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  });
}

export const GENERATORS = { monthlySeasonalTrend, randomWalk, dailyCycle, dailyWeekly };
