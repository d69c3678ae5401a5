// parse1m: `seqlab inspect FILE --json` as a child process on a generated 1M-row CSV (ISO minute timestamps and a
// value). Prints one JSON line: {"workload":"parse1m","seconds":…,"peakRssMB":…,"rows":…}.
import { loadavg } from 'node:os';
import { ensureBigCsv, runCli } from '../bigCsv.mjs';

const file = await ensureBigCsv();
const run = runCli('parse1m', ['inspect', file, '--json']);
const report = JSON.parse(run.stdout);
console.log(
  JSON.stringify({
    workload: 'parse1m',
    seconds: run.seconds,
    peakRssMB: run.peakRssMB,
    rows: report.rows,
    // Context for the wall time on a shared machine: the child's CPU seconds and the 1-minute load average.
    cpuSeconds: run.cpuSeconds,
    load1: Number(loadavg()[0].toFixed(2)),
  }),
);
