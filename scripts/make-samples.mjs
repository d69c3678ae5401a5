// Writes media/samples/: sine.csv (the seed tutorial's data) and two realistic series. Deterministic: rerunning it
// reproduces the committed files byte for byte.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dates, monthlySeasonalTrend, dailyCycle, sine } from '../bench/generators.mjs';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'media', 'samples');
mkdirSync(out, { recursive: true });

const fmt = (v) => String(Number(v.toPrecision(12)));
const csv = (header, rows) => [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';

// 100 points of sin over [0, π], as the seed's script generates them (one column, named like its variable).
writeFileSync(
  join(out, 'sine.csv'),
  csv(
    ['value'],
    sine(100).map((v) => [fmt(v)]),
  ),
);

const monthly = monthlySeasonalTrend(144, 1);
writeFileSync(
  join(out, 'monthly-sales.csv'),
  csv(
    ['month', 'sales'],
    dates(144, 'month').map((d, i) => [d, monthly[i].toFixed(2)]),
  ),
);

const hourly = dailyCycle(24 * 42, 3);
writeFileSync(
  join(out, 'hourly-temperature.csv'),
  csv(
    ['time', 'temperature'],
    dates(24 * 42, 'hour').map((d, i) => [d, hourly[i].toFixed(2)]),
  ),
);

console.log(`wrote sine.csv, monthly-sales.csv, hourly-temperature.csv to ${out}`);
