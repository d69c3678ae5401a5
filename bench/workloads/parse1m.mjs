// parse1m: `seqlab inspect FILE --json` as a child process on a generated 1M-row CSV (ISO minute timestamps and a
// value). Prints one JSON line: {"workload":"parse1m","seconds":…,"peakRssMB":…,"rows":…}.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { loadavg } from 'node:os';

const ROWS = 1_000_000;
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = join(root, 'bench', '.data');
const file = join(dataDir, 'parse1m.csv');
const cli = join(root, 'dist', 'cli.js');

/** Deterministic: a daily-ish cycle plus a weekly step, so the file is the same on every machine. */
async function generate() {
  mkdirSync(dataDir, { recursive: true });
  const tmp = `${file}.tmp`;
  const out = createWriteStream(tmp);
  const t0 = Date.UTC(2020, 0, 1);
  let buf = 'date,value\n';
  for (let i = 0; i < ROWS; i++) {
    const date = new Date(t0 + i * 60_000).toISOString().slice(0, 19);
    buf += `${date},${(Math.sin((i / 1440) * 2 * Math.PI) * 100 + (i % 10_080) / 1000).toFixed(4)}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  renameSync(tmp, file);
}

if (!existsSync(file)) await generate();
if (!existsSync(cli)) {
  console.error('parse1m: dist/cli.js is missing; run `npm run build` first');
  process.exit(1);
}

// Peak RSS of the child: GNU time's %M when available, else the child reports its own maxRSS on exit.
const useTime = existsSync('/usr/bin/time');
const command = useTime ? '/usr/bin/time' : process.execPath;
const args = useTime
  ? ['-f', 'SEQLAB_MAXRSS_KB=%M SEQLAB_CPU_S=%U+%S', process.execPath, cli, 'inspect', file, '--json']
  : [cli, 'inspect', file, '--json'];
const env = useTime ? process.env : { ...process.env, SEQLAB_REPORT_RSS: '1' };
const start = process.hrtime.bigint();
const run = spawnSync(command, args, { env, encoding: 'utf8', maxBuffer: 64 << 20 });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
if (run.status !== 0) {
  console.error(`parse1m: seqlab inspect exited with ${run.status}: ${run.stderr.trim()}`);
  process.exit(1);
}
const rss = /SEQLAB_MAXRSS_KB=(\d+)/.exec(run.stderr);
const cpu = /SEQLAB_CPU_S=([\d.]+)\+([\d.]+)/.exec(run.stderr);
const report = JSON.parse(run.stdout);
console.log(
  JSON.stringify({
    workload: 'parse1m',
    seconds: Number(seconds.toFixed(3)),
    peakRssMB: rss ? Number((Number(rss[1]) / 1024).toFixed(1)) : null,
    rows: report.rows,
    // Context for the wall time on a shared machine: the child's CPU seconds and the 1-minute load average.
    cpuSeconds: cpu ? Number((Number(cpu[1]) + Number(cpu[2])).toFixed(2)) : null,
    load1: Number(loadavg()[0].toFixed(2)),
  }),
);
