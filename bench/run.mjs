// `npm run bench -- NAME [NAME …]`: runs each workload in bench/workloads/NAME.mjs; each prints one JSON line.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const known = readdirSync(join(here, 'workloads'))
  .filter((f) => f.endsWith('.mjs'))
  .map((f) => f.slice(0, -4));
const names = process.argv.slice(2);
if (names.length === 0) {
  console.error(`usage: npm run bench -- ${known.join('|')} [...]`);
  process.exit(2);
}
let failed = 0;
for (const name of names) {
  if (!known.includes(name)) {
    console.error(`bench: unknown workload "${name}" (known: ${known.join(', ')})`);
    process.exit(2);
  }
  // Each workload runs in its own process so peak RSS and timing are not shared.
  const r = spawnSync(process.execPath, [join(here, 'workloads', `${name}.mjs`)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
