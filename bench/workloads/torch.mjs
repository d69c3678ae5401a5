// PyTorch reference figures for `seed` and the training workloads w1–w3 (on 1 and 2 threads), run only where Debian's
// python3-torch is installed (`apt-get install python3-torch`); elsewhere it prints why it was skipped. Not a
// dependency of SeqLab. OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are removed from torch's environment so OpenBLAS
// tunes itself to this CPU as it would on a user's machine.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHAPES } from '../trainShapes.mjs';

const here = join(dirname(fileURLToPath(import.meta.url)), '..', 'pytorch');
const python = process.env.TORCH_PYTHON ?? '/usr/bin/python3';
const env = { ...process.env };
delete env.OPENBLAS_CORETYPE;
delete env.OPENBLAS_L2_SIZE;
const probe = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8', env });
if (probe.status !== 0) {
  console.log(
    JSON.stringify({ workload: 'torch', skipped: `no torch for ${python} (apt-get install python3-torch)` }),
  );
  process.exit(0);
}
const only = process.argv.slice(2);
const runs = [['seed_tutorial.py']];
for (const [name, s] of Object.entries(SHAPES)) {
  for (const threads of [1, 2])
    runs.push(['train.py', name, s.cell, s.units, s.window, s.batch, s.windows, threads].map(String));
}
for (const [script, ...args] of runs) {
  if (only.length && !only.includes(args[0] ?? 'seed')) continue;
  const started = process.hrtime.bigint();
  // torch.set_num_threads does not reach OpenBLAS' own pool: pin it to the same count.
  const threads = script === 'train.py' ? args[6] : '1';
  const r = spawnSync(python, [join(here, script), ...args], {
    encoding: 'utf8',
    env: { ...env, OPENBLAS_NUM_THREADS: threads, OMP_NUM_THREADS: threads },
  });
  const processSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) {
    console.error(r.stderr.trim().split('\n').pop());
    process.exit(1);
  }
  const line = JSON.parse(r.stdout.trim().split('\n').pop());
  console.log(JSON.stringify({ ...line, processSeconds: Math.round(processSeconds * 1000) / 1000 }));
}
