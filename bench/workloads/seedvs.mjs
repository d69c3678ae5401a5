// seedvs: the seed preset as a whole `seqlab train` process (dist/cli.js) against the seed tutorial's PyTorch script
// (bench/pytorch/seed_tutorial.py), three runs each, alternating, so both see the same machine. Prints one JSON line
// per run and a summary with the medians and their ratio, in wall-clock seconds and (with GNU time) CPU seconds, and
// a bare `node -e 0` beside them: the part of SeqLab's time that is Node's own start-up on this machine right now.
// torch runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed and one BLAS thread, as bench/workloads/torch.mjs does.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'dist', 'cli.js');
const python = process.env.TORCH_PYTHON ?? '/usr/bin/python3';
const RUNS = Number(process.env.SEQLAB_BENCH_RUNS ?? 3);
if (!existsSync(cli)) {
  console.error('seedvs: dist/cli.js is missing; run `npm run build` first');
  process.exit(1);
}
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const torchEnv = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' };
delete torchEnv.OPENBLAS_CORETYPE;
delete torchEnv.OPENBLAS_L2_SIZE;
const hasTorch = spawnSync(python, ['-c', 'import torch'], { env: torchEnv }).status === 0;

/** Runs a command to its end: wall seconds, and user+system CPU seconds where GNU time is there to count them. */
function timed(cmd, args, env) {
  const tmp = mkdtempSync(join(tmpdir(), 'seqlab-seedvs-'));
  const timeFile = join(tmp, 'time');
  const [file, argv] = gnuTime ? [gnuTime, ['-f', '%U %S', '-o', timeFile, cmd, ...args]] : [cmd, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(file, argv, { encoding: 'utf8', env, cwd: tmp });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} exited ${r.status}: ${r.stderr.trim().split('\n').pop()}`);
  const cpu = gnuTime
    ? readFileSync(timeFile, 'utf8')
        .trim()
        .split(/\s+/)
        .reduce((a, b) => a + Number(b), 0)
    : undefined;
  rmSync(tmp, { recursive: true, force: true });
  return { wall: Number(wall.toFixed(3)), cpu: cpu === undefined ? undefined : Number(cpu.toFixed(3)) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const runs = { seqlab: [], torch: [], node: [] };
for (let i = 0; i < RUNS; i++) {
  runs.node.push(timed(process.execPath, ['-e', '0'], process.env));
  const s = timed(
    process.execPath,
    [cli, 'train', join(root, 'media', 'samples', 'sine.csv'), '--preset', 'seed', '--json', '--out', 'm'],
    process.env,
  );
  runs.seqlab.push(s);
  console.log(JSON.stringify({ workload: 'seedvs', run: i + 1, side: 'seqlab', ...s }));
  if (!hasTorch) continue;
  const t = timed(python, [join(root, 'bench', 'pytorch', 'seed_tutorial.py')], torchEnv);
  runs.torch.push(t);
  console.log(JSON.stringify({ workload: 'seedvs', run: i + 1, side: 'torch', ...t }));
}
const summary = {
  workload: 'seedvs',
  runs: RUNS,
  nodeWall: median(runs.node.map((r) => r.wall)),
  seqlabWall: median(runs.seqlab.map((r) => r.wall)),
};
if (gnuTime) {
  summary.nodeCpu = median(runs.node.map((r) => r.cpu));
  summary.seqlabCpu = median(runs.seqlab.map((r) => r.cpu));
}
if (hasTorch) {
  summary.torchWall = median(runs.torch.map((r) => r.wall));
  summary.wallRatio = Number((summary.seqlabWall / summary.torchWall).toFixed(4));
  if (gnuTime) {
    summary.torchCpu = median(runs.torch.map((r) => r.cpu));
    summary.cpuRatio = Number((summary.seqlabCpu / summary.torchCpu).toFixed(4));
  }
} else summary.torch = `skipped: no torch for ${python} (apt-get install python3-torch)`;
console.log(JSON.stringify(summary));
