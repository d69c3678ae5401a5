// Runs the test/vscode mocha suite inside a real VS Code extension host (code-server 4.99.4 = VS Code 1.99.3),
// driven by headless Chromium. Exit code = the suite's; a hang past the deadline is a failure.
//
//   node scripts/vscode-test.mjs [--no-build] [--grep TEXT] [--timeout SECONDS]
//   node scripts/vscode-test.mjs --vsix seqlab.vsix   # smoke-test the packaged extension, installed, no dev copy
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runInWorkbench, workbenchUrl } from './codeserver/browser.mjs';
import { repoRoot, resultsDir } from './codeserver/paths.mjs';
import { RESULT_TAG, decideOutcome, findResult } from './codeserver/results.mjs';
import { withSession } from './codeserver/session.mjs';
import { HarnessError, run, runMain } from './codeserver/tools.mjs';

const { values: opts } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    vsix: { type: 'string' },
    grep: { type: 'string' },
    timeout: { type: 'string', default: process.env.SEQLAB_TEST_TIMEOUT ?? '600' },
  },
});

await runMain(async () => {
  if (!opts['no-build']) build();
  const vsix = opts.vsix && resolve(opts.vsix);
  if (vsix && !existsSync(vsix))
    throw new HarnessError(`${vsix} does not exist: run \`npm run package\` first`);
  const entry = join(repoRoot, 'out', 'test', 'vscode', vsix ? 'installed' : 'index');
  if (!existsSync(`${entry}.js`))
    throw new HarnessError(`${entry}.js is missing: run \`npm run compile-tests\``);
  if (!vsix && !existsSync(join(repoRoot, 'dist', 'extension.js')))
    throw new HarnessError('dist/extension.js is missing: run `npm run build`');

  const started = Date.now();
  const outcome = await withSession(
    {
      label: vsix ? 'vsix' : 'vscode',
      vsix,
      env: opts.grep ? { SEQLAB_TEST_GREP: opts.grep } : {},
      // Each suite's worker lifetime is its own: no forecast or backtest starts by itself after a run (the backtest
      // suite turns it on where it tests it).
      // Nor do 'auto' season removal, differencing, transform or an ensemble train more networks, which counts every run's
      // epochs: the suites count epochs (deseason.test.ts turns season removal on where it tests it). Levels, as the
      // suites' sine trained before 'auto' differencing compared candidates.
      settings: {
        'seqlab.evaluateAfterTraining': false,
        'seqlab.training.deseasonalize': 'off',
        'seqlab.training.difference': 'none',
        'seqlab.training.transform': 'none',
        'seqlab.training.ensemble': 1,
      },
    },
    async ({ run, server, context, workspace }) => {
      const devPath = vsix ? probeExtension(run.dir) : repoRoot;
      const url = workbenchUrl(server, { folder: workspace, devPath, testsPath: entry });
      const result = await runInWorkbench(context, url, { timeoutMs: Number(opts.timeout) * 1000 });
      mkdirSync(resultsDir, { recursive: true });
      writeFileSync(join(resultsDir, `${vsix ? 'vsix' : 'vscode'}-suite.log`), result.log);
      return decideOutcome({ ...result, counts: findResult(result.log) });
    },
  );
  if (outcome.reason) console.error(`seqlab harness: ${outcome.reason}`);
  console.log(
    `${RESULT_TAG} ${JSON.stringify({ passes: outcome.passed, failures: outcome.failed, pending: 0 })}`,
  );
  console.log(
    `VS Code suite${vsix ? ' (installed .vsix)' : ''}: exit ${outcome.exitCode} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return outcome.exitCode;
});

/**
 * The workbench runs extension tests only in extension-development mode. For the .vsix check the development
 * extension is this empty stand-in, so SeqLab itself can only come from the installed copy.
 */
function probeExtension(runDir) {
  const dir = join(runDir, 'vsix-probe');
  mkdirSync(dir, { recursive: true });
  const manifest = {
    name: 'vsix-probe',
    publisher: 'seqlab-test',
    version: '0.0.0',
    engines: { vscode: '^1.99.0' },
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
  return dir;
}

/** The suite runs the real bundles (dist/) and the compiled tests (out/). */
function build() {
  run('npm', ['run', 'build'], { cwd: repoRoot });
  try {
    run('npm', ['run', 'compile-tests'], { cwd: repoRoot });
  } catch (e) {
    // tsc still emits when some file has a type error; lint reports those, the suite can still run.
    console.error(`seqlab harness: warning: ${e.message}`);
  }
}
