// bigfile: `seqlab train FILE --epochs 2 --time-budget 0 --json` as a child process on the generated 1M-row CSV
// (bench/bigCsv.mjs): two whole passes over ~800,000 training windows with the default network. Prints one JSON line:
// {"workload":"bigfile","rows","seconds","trainSeconds","peakRssMB","windowsPerEpoch","threads",…}. The issue's
// bound is peakRssMB ≤ 600. BIGFILE_ARGS adds flags (e.g. "--window 100 --units 64 --time-budget 20").
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROWS, ensureBigCsv, runCli } from '../bigCsv.mjs';

const file = await ensureBigCsv();
const out = mkdtempSync(join(tmpdir(), 'seqlab-bigfile-'));
const extra = (process.env.BIGFILE_ARGS ?? '').split(/\s+/).filter(Boolean);
try {
  const budget = extra.includes('--time-budget') ? [] : ['--time-budget', '0'];
  const args = ['train', file, '--epochs', '2', ...budget, ...extra, '--json', '--out', out];
  const run = runCli('bigfile', args);
  const r = JSON.parse(run.stdout);
  console.log(
    JSON.stringify({
      workload: 'bigfile',
      rows: ROWS,
      seconds: run.seconds,
      trainSeconds: Number(r.trainSeconds.toFixed(2)),
      peakRssMB: run.peakRssMB,
      windowsPerEpoch: r.windowsPerEpoch,
      trainWindows: r.trainWindows,
      epochs: r.epochs,
      window: r.window,
      threads: r.threads,
      cpuSeconds: run.cpuSeconds,
      load1: Number(loadavg()[0].toFixed(2)),
      ...(extra.length ? { args: extra.join(' ') } : {}),
    }),
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
