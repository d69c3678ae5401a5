// The 1M-row CSV the file-size workloads share (ISO minute timestamps and a value), generated once into bench/.data,
// and a child-process runner that measures a `seqlab` command's peak RSS and CPU time.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';

export const ROWS = 1_000_000;
export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'bench', '.data');
export const bigCsv = join(dataDir, 'parse1m.csv');
const cli = join(root, 'dist', 'cli.js');

/** Deterministic: a daily-ish cycle plus a weekly step, so the file is the same on every machine. */
export async function ensureBigCsv() {
  if (existsSync(bigCsv)) return bigCsv;
  mkdirSync(dataDir, { recursive: true });
  const tmp = `${bigCsv}.tmp`;
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
  renameSync(tmp, bigCsv);
  return bigCsv;
}

/**
 * Runs `node dist/cli.js ...args`; returns {stdout, seconds, peakRssMB, cpuSeconds}. Peak RSS comes from GNU time's
 * %M when available, else from the child's own report on exit (SEQLAB_REPORT_RSS). Exits the bench on failure.
 */
export function runCli(name, args) {
  if (!existsSync(cli)) {
    console.error(`${name}: dist/cli.js is missing; run \`npm run build\` first`);
    process.exit(1);
  }
  const useTime = existsSync('/usr/bin/time');
  const command = useTime ? '/usr/bin/time' : process.execPath;
  const full = useTime
    ? ['-f', 'SEQLAB_MAXRSS_KB=%M SEQLAB_CPU_S=%U+%S', process.execPath, cli, ...args]
    : [cli, ...args];
  const env = useTime ? process.env : { ...process.env, SEQLAB_REPORT_RSS: '1' };
  const start = process.hrtime.bigint();
  const run = spawnSync(command, full, { env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) {
    console.error(`${name}: seqlab ${args[0]} exited with ${run.status}: ${run.stderr.trim()}`);
    process.exit(1);
  }
  const rss = /SEQLAB_MAXRSS_KB=(\d+)/.exec(run.stderr);
  const cpu = /SEQLAB_CPU_S=([\d.]+)\+([\d.]+)/.exec(run.stderr);
  return {
    stdout: run.stdout,
    seconds: Number(seconds.toFixed(3)),
    peakRssMB: rss ? Number((Number(rss[1]) / 1024).toFixed(1)) : null,
    cpuSeconds: cpu ? Number((Number(cpu[1]) + Number(cpu[2])).toFixed(2)) : null,
  };
}
