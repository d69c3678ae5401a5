// A 10,000-row hourly series (daily cycle, weekly swing, slow trend, seeded noise) for timing `seqlab backtest`.
// Usage: node scripts/make-hourly-10k.mjs OUT.csv [rows]
import { writeFileSync } from 'node:fs';

const [out = 'hourly-10k.csv', rowsArg = '10000'] = process.argv.slice(2);
const rows = Number(rowsArg);
let seed = 12345;
const uniform = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
const start = Date.UTC(2020, 0, 1);
const lines = ['time,load'];
for (let t = 0; t < rows; t++) {
  const y =
    100 +
    0.002 * t +
    15 * Math.sin((2 * Math.PI * t) / 24) +
    5 * Math.sin((2 * Math.PI * t) / 168) +
    2 * normal();
  lines.push(`${new Date(start + t * 3600e3).toISOString().slice(0, 16).replace('T', ' ')},${y.toFixed(3)}`);
}
writeFileSync(out, lines.join('\n') + '\n');
