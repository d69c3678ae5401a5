// Hourly series for the deseasonalising table (README, "Season removal"): a smooth daily cycle, daily + weekly cycles
// + trend, and a tidal-like cycle of 24.84 h, whose whole-hour season drifts against it (removal should hurt there).
// Usage: node scripts/make-season-series.mjs OUT_DIR [rows]
//   → OUT_DIR/smooth-daily.csv, OUT_DIR/daily-weekly-trend.csv, OUT_DIR/tidal.csv
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from '../bench/generators.mjs';

const [dir = '.', rowsArg = '1440'] = process.argv.slice(2);
const rows = Number(rowsArg);
const start = Date.UTC(2024, 0, 1);
const stamp = (t) => new Date(start + t * 3600e3).toISOString().slice(0, 16).replace('T', ' ');

function write(name, column, f) {
  const lines = [`time,${column}`];
  for (let t = 0; t < rows; t++) lines.push(`${stamp(t)},${f(t).toFixed(4)}`);
  writeFileSync(join(dir, name), lines.join('\n') + '\n');
}

mkdirSync(dir, { recursive: true });
const a = rng(7);
write('smooth-daily.csv', 'temp', (t) => 20 + 6 * Math.sin((2 * Math.PI * (t - 6)) / 24) + 0.1 * a.normal());
const b = rng(8);
write(
  'daily-weekly-trend.csv',
  'load',
  (t) =>
    50 +
    0.02 * t +
    8 * Math.sin((2 * Math.PI * t) / 24) +
    6 * Math.sin((2 * Math.PI * t) / 168) +
    1 * b.normal(),
);
const c = rng(9);
write('tidal.csv', 'level', (t) => 2 + 1.5 * Math.sin((2 * Math.PI * t) / 24.84) + 0.05 * c.normal());
