// PyTorch reference figures for `seed` and `w2`, run only where Debian's python3-torch is installed
// (`apt-get install python3-torch`); elsewhere it prints why it was skipped. Not a dependency of SeqLab.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), '..', 'pytorch');
const python = process.env.TORCH_PYTHON ?? '/usr/bin/python3';
const probe = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' });
if (probe.status !== 0) {
  console.log(JSON.stringify({ workload: 'torch', skipped: `no torch for ${python} (apt-get install python3-torch)` }));
  process.exit(0);
}
for (const script of ['seed_tutorial.py', 'w2.py']) {
  const started = process.hrtime.bigint();
  const r = spawnSync(python, [join(here, script)], { encoding: 'utf8' });
  const processSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) {
    console.error(r.stderr.trim().split('\n').pop());
    process.exit(1);
  }
  const line = JSON.parse(r.stdout.trim().split('\n').pop());
  console.log(JSON.stringify({ ...line, processSeconds: Math.round(processSeconds * 1000) / 1000 }));
}
