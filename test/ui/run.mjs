// Runs every test/ui/**/*.ui.mjs with mocha against code-server in headless Chromium.
//   node test/ui/run.mjs [--no-build] [--grep TEXT] [FILE...]
// Prints a SEQLAB_RESULT line with the counts for `npm test`, and exits 1 if any test failed.
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Mocha from 'mocha';
import { ensureChromium, ensureCodeServer } from '../../scripts/codeserver/install.mjs';
import { repoRoot } from '../../scripts/codeserver/paths.mjs';
import { RESULT_TAG } from '../../scripts/codeserver/results.mjs';
import { run, runMain } from '../../scripts/codeserver/tools.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'no-build': { type: 'boolean', default: false }, grep: { type: 'string' } },
});

const find = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? find(join(dir, e.name)) : e.name.endsWith('.ui.mjs') ? [join(dir, e.name)] : [],
  );

await runMain(async () => {
  if (!opts['no-build']) run('npm', ['run', 'build'], { cwd: repoRoot });
  ensureCodeServer();
  ensureChromium();
  const files = positionals.length ? positionals.map((f) => resolve(f)) : find(here).sort();
  const mocha = new Mocha({ reporter: 'spec', timeout: 120_000, grep: opts.grep });
  for (const f of files) mocha.addFile(f);
  await mocha.loadFilesAsync();
  const counts = await new Promise((done) => {
    const runner = mocha.run((failures) =>
      done({ passes: runner.stats?.passes ?? 0, failures, pending: runner.stats?.pending ?? 0 }),
    );
  });
  console.log(`${RESULT_TAG} ${JSON.stringify(counts)}`);
  return counts.failures > 0 ? 1 : 0;
});
