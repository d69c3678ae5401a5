// Writes the many-series fixtures (test/fixtures/data): long.csv (series by key), wide.csv (one column per series),
// lagged-covariate.csv (a target that follows a covariate 3 steps later). Deterministic: rerunning it reproduces the
// committed files byte for byte.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dates, rng } from '../bench/generators.mjs';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'data');
mkdirSync(out, { recursive: true });
const csv = (header, rows) => [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
const day = dates(400, 'day');

/** A weekly cycle around `level` with noise: each series has its own level, amplitude and phase. */
function weekly(n, level, amp, phase, seed) {
  const r = rng(seed);
  return Array.from(
    { length: n },
    (_, i) => level + amp * Math.sin((2 * Math.PI * (i + phase)) / 7) + 0.05 * amp * r.normal(),
  );
}

// Long layout: rows sorted by date, then symbol; series of different lengths and starts, and one too short to use.
const long = [
  { name: 'AAA', start: 0, n: 120, values: weekly(120, 100, 10, 0, 11) },
  { name: 'BBB', start: 20, n: 100, values: weekly(100, 20, 4, 2, 12) },
  { name: 'CCC', start: 30, n: 90, values: weekly(90, 500, 60, 5, 13) },
  { name: 'ZZZ', start: 100, n: 6, values: weekly(6, 1, 1, 0, 14) },
];
const longRows = [];
for (let d = 0; d < 130; d++)
  for (const s of long)
    if (d >= s.start && d < s.start + s.n) longRows.push([day[d], s.name, s.values[d - s.start].toFixed(3)]);
writeFileSync(join(out, 'long.csv'), csv(['date', 'symbol', 'close'], longRows));

// Wide layout: the same three full series side by side over 120 days.
const wide = [weekly(120, 100, 10, 0, 21), weekly(120, 20, 4, 2, 22), weekly(120, 500, 60, 5, 23)];
writeFileSync(
  join(out, 'wide.csv'),
  csv(
    ['date', 'north', 'south', 'east'],
    day.slice(0, 120).map((d, i) => [d, ...wide.map((w) => w[i].toFixed(3))]),
  ),
);

// A covariate x (a smooth random process) leads the target: y[t] = 2·x[t−3] + noise. Without x, y is unpredictable
// beyond its own smoothness; with x in the window, the next y is nearly known.
const LAG = 3;
const r = rng(31);
const n = 600;
const x = new Array(n).fill(0);
for (let t = 1; t < n; t++) x[t] = 0.6 * x[t - 1] + r.normal();
const y = x.map((_, t) => (t >= LAG ? 2 * x[t - LAG] : 0) + 0.1 * r.normal());
writeFileSync(
  join(out, 'lagged-covariate.csv'),
  csv(
    ['date', 'x', 'y'],
    dates(n, 'day').map((d, t) => [d, x[t].toFixed(4), y[t].toFixed(4)]),
  ),
);

console.log(`wrote long.csv, wide.csv, lagged-covariate.csv to ${out}`);
