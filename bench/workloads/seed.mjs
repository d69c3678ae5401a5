// seed: the seed preset as a user runs it, a whole `seqlab train` process (dist/cli.js) from start to exit.
// Prints {"workload":"seed","seconds":…,"mse":…}; mse is the one-step validation MSE (last 20%).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('seed: dist/cli.js is missing; run `npm run build` first');
  process.exit(1);
}
const out = mkdtempSync(join(tmpdir(), 'seqlab-bench-seed-'));
const t0 = process.hrtime.bigint();
const r = spawnSync(
  process.execPath,
  [
    cli,
    'train',
    join(root, 'media', 'samples', 'sine.csv'),
    '--preset',
    'seed',
    '--json',
    '--out',
    join(out, 'm'),
  ],
  {
    encoding: 'utf8',
  },
);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
rmSync(out, { recursive: true, force: true });
if (r.status !== 0) {
  console.error(`seed: seqlab train exited ${r.status}: ${r.stderr.trim()}`);
  process.exit(1);
}
const res = JSON.parse(r.stdout);
console.log(
  JSON.stringify({
    workload: 'seed',
    seconds: Number(seconds.toFixed(3)),
    mse: res.metrics.val.mse,
    naiveMse: res.baselines.naive.mse,
    backend: res.backend,
  }),
);
