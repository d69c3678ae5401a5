import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

interface RunDir {
  dir: string;
  env: Record<string, string>;
  userData: string;
}
interface RunDirModule {
  createRunDir(label: string): RunDir;
  processesOf(run: RunDir): number[];
  disposeRunDir(run: RunDir): Promise<void>;
}

const modulePath = path.resolve(__dirname, '..', '..', '..', '..', 'scripts', 'codeserver', 'runDir.mjs');
let m: RunDirModule;

describe('harness run folder', () => {
  before(async () => {
    m = (await import(pathToFileURL(modulePath).href)) as RunDirModule;
  });

  it('points HOME, TMPDIR and every XDG folder inside the run folder', async () => {
    const run = m.createRunDir('unit');
    try {
      for (const key of [
        'HOME',
        'TMPDIR',
        'XDG_CONFIG_HOME',
        'XDG_DATA_HOME',
        'XDG_CACHE_HOME',
        'XDG_STATE_HOME',
        'XDG_RUNTIME_DIR',
      ]) {
        assert.ok(run.env[key].startsWith(run.dir + path.sep), `${key}=${run.env[key]}`);
        assert.ok(fs.statSync(run.env[key]).isDirectory(), key);
      }
    } finally {
      await m.disposeRunDir(run);
    }
  });

  it('kills a process started with the run environment and deletes the folder', async () => {
    const run = m.createRunDir('unit');
    // Detached into its own process group, so killing code-server's group would miss it: only the marker sweep finds it.
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      env: { ...process.env, ...run.env },
      detached: true,
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.ok(m.processesOf(run).includes(child.pid!), 'the child carries the run marker');
    await m.disposeRunDir(run);
    await exited;
    assert.strictEqual(fs.existsSync(run.dir), false);
    assert.deepStrictEqual(m.processesOf(run), []);
  });
});
