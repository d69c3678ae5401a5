// `npm run test:electron`: the same test/vscode suite in desktop VS Code 1.99.3 through @vscode/test-electron.
// It downloads VS Code into .vscode-test/ on first use, so it needs the internet (CI here uses `npm test`, which runs
// the suite in code-server offline). On a Linux machine without a display, run it under `xvfb-run -a`.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { fixtureWorkspace, repoRoot } from './codeserver/paths.mjs';
import { run, runMain } from './codeserver/tools.mjs';

await runMain(async () => {
  run('npm', ['run', 'build'], { cwd: repoRoot });
  try {
    run('npm', ['run', 'compile-tests'], { cwd: repoRoot });
  } catch (e) {
    console.error(`warning: ${e.message}`); // tsc still emits; lint reports type errors
  }
  const tmp = mkdtempSync(join(tmpdir(), 'seqlab-electron-'));
  try {
    const workspace = join(tmp, 'workspace');
    cpSync(fixtureWorkspace, workspace, { recursive: true });
    return await runTests({
      version: '1.99.3',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'out', 'test', 'vscode', 'index'),
      launchArgs: [
        workspace,
        '--user-data-dir',
        join(tmp, 'user-data'),
        '--extensions-dir',
        join(tmp, 'extensions'),
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
  } catch (e) {
    console.error(`test:electron failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
