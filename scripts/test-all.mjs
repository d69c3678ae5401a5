// `npm test`: lint, unit tests, the VS Code suite, the UI tests, then the packaged .vsix installed into a fresh
// code-server. Prints each layer's time and counts and ends with exactly one line `N passed, N failed`.
// Every layer runs even if an earlier one failed, so one run shows everything that is wrong.
//   node scripts/test-all.mjs [--only=lint,build,setup,unit,vscode,ui,package,vsix]
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './codeserver/paths.mjs';
import { findResult, parseSpecSummary, summaryLine } from './codeserver/results.mjs';

const VSIX = join(repoRoot, 'seqlab.vsix');
const VSIX_LIMIT = 5 * 1024 * 1024;

const LAYER_TIMEOUT_MS = Number(process.env.SEQLAB_LAYER_TIMEOUT ?? 1800) * 1000;
let current; // the running layer's process group, for Ctrl-C and the watchdog

for (const [sig, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.on(sig, () => {
    stop(current, 'SIGTERM'); // the harness scripts clean up their servers and temp folders on SIGTERM
    setTimeout(() => process.exit(code), 3000);
  });
}

function stop(child, signal) {
  try {
    if (child) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/**
 * Runs a command in its own process group with its output streamed live and captured. A layer that outlives
 * SEQLAB_LAYER_TIMEOUT seconds (default 1800) is stopped and fails, so `npm test` always ends.
 */
function sh(command) {
  return new Promise((resolve) => {
    const child = spawn(command, {
      cwd: repoRoot,
      shell: true,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    current = child;
    let out = '';
    const tee = (stream) => (chunk) => {
      out += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    const watchdog = setTimeout(() => {
      console.error(`\n${command}: no result after ${LAYER_TIMEOUT_MS / 1000} s, stopping it`);
      stop(child, 'SIGTERM');
      setTimeout(() => stop(child, 'SIGKILL'), 10_000).unref();
    }, LAYER_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(watchdog);
      current = undefined;
      resolve({ code: code ?? 1, out });
    });
  });
}

/** A check that is one pass or one failure (lint, build, packaging). */
const single = (ok) => ({ passed: ok ? 1 : 0, failed: ok ? 0 : 1 });

/** Counts from a layer's output; a non-zero exit is at least one failure even if nothing was counted. */
function counted({ code, out }, parse) {
  const c = parse(out);
  const passed = c?.passes ?? 0;
  const failed = c?.failures ?? 0;
  return { passed, failed: code !== 0 && failed === 0 ? 1 : failed };
}

const layers = [
  { name: 'lint', run: async () => single((await sh('npm run lint')).code === 0) },
  {
    name: 'build',
    run: async () => {
      const bundles = await sh('npm run build');
      // tsc emits even when a file has a type error; lint already counts those, so only the bundle step decides.
      await sh('npm run compile-tests');
      return { passed: 0, failed: bundles.code === 0 ? 0 : 1 };
    },
  },
  // code-server and chromium, installed on the first run only; kept apart so the suites' times stay comparable.
  {
    name: 'setup',
    run: async () => ({
      passed: 0,
      failed: (await sh('node scripts/codeserver/install.mjs')).code === 0 ? 0 : 1,
    }),
  },
  {
    name: 'unit',
    run: async () => counted(await sh('npx mocha --config .mocharc.unit.json'), parseSpecSummary),
  },
  {
    name: 'vscode',
    run: async () => counted(await sh('node scripts/vscode-test.mjs --no-build'), findResult),
  },
  { name: 'ui', run: async () => counted(await sh('node test/ui/run.mjs --no-build'), findResult) },
  {
    name: 'package',
    run: async () => {
      const { code } = await sh('npm run package');
      const size = existsSync(VSIX) ? statSync(VSIX).size : Infinity;
      if (code === 0 && size >= VSIX_LIMIT)
        console.error(`seqlab.vsix is ${(size / 1048576).toFixed(2)} MB, over the 5 MB limit`);
      return single(code === 0 && size < VSIX_LIMIT);
    },
  },
  {
    name: 'vsix',
    run: async () =>
      existsSync(VSIX)
        ? counted(await sh('node scripts/vscode-test.mjs --no-build --vsix seqlab.vsix'), findResult)
        : single(false),
  },
];

// `--only vscode,ui` runs a subset (handy while working on one layer); plain `npm test` runs them all.
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const unknown = only?.filter((n) => !layers.some((l) => l.name === n)) ?? [];
if (unknown.length) {
  console.error(`unknown layer ${unknown.join(', ')}: choose among ${layers.map((l) => l.name).join(', ')}`);
  process.exit(2);
}

const results = [];
for (const layer of layers.filter((l) => !only || only.includes(l.name))) {
  console.log(`\n━━ ${layer.name} ━━`);
  const started = Date.now();
  const r = await layer.run();
  results.push({ ...r, name: layer.name, seconds: (Date.now() - started) / 1000 });
}

console.log('\nlayer     time      passed  failed');
for (const r of results) {
  console.log(
    `${r.name.padEnd(9)} ${`${r.seconds.toFixed(1)} s`.padStart(8)}  ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}`,
  );
}
console.log(summaryLine(results));
process.exit(results.some((r) => r.failed > 0) ? 1 : 0);
