// A fresh, private folder per run: HOME, TMPDIR and XDG_* point inside it, so nothing leaks into the user's
// home, and one rm at the end removes all of it. A marker variable lets cleanup find every process the run started.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureWorkspace } from './paths.mjs';

const MARKER = 'SEQLAB_HARNESS_RUN';

/** @returns {{ dir: string, id: string, env: Record<string,string>, userData: string, extensions: string, config: string, profile: string }} */
export function createRunDir(label) {
  const dir = mkdtempSync(join(tmpdir(), `seqlab-${label}-`));
  const sub = (name, mode) => {
    const p = join(dir, name);
    mkdirSync(p, { recursive: true, mode });
    return p;
  };
  const env = {
    HOME: sub('home'),
    TMPDIR: sub('tmp'),
    XDG_CONFIG_HOME: sub('xdg/config'),
    XDG_DATA_HOME: sub('xdg/data'),
    XDG_CACHE_HOME: sub('xdg/cache'),
    XDG_STATE_HOME: sub('xdg/state'),
    XDG_RUNTIME_DIR: sub('xdg/runtime', 0o700),
    [MARKER]: dir,
  };
  const config = join(dir, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  return {
    dir,
    id: dir,
    env,
    userData: sub('user-data'),
    extensions: sub('extensions'),
    config,
    profile: sub('chromium'),
  };
}

/** Copies test/fixtures/workspace (or another folder) into the run, so tests may write to it freely. */
export function copyWorkspace(run, from = fixtureWorkspace) {
  const to = join(run.dir, 'workspace');
  cpSync(from, to, { recursive: true });
  return to;
}

/** Writes User/settings.json before the server starts (code-server reads it from the user-data folder). */
export function writeUserSettings(run, settings) {
  const user = join(run.userData, 'User');
  mkdirSync(user, { recursive: true });
  writeFileSync(join(user, 'settings.json'), JSON.stringify(settings, null, 2));
}

/** Pids of live processes whose environment carries this run's marker (code-server, extension hosts, chromium…). */
export function processesOf(run) {
  const needle = `${MARKER}=${run.dir}\0`;
  const pids = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, 'latin1').includes(needle)) pids.push(Number(name));
    } catch {
      // gone already, or not ours to read
    }
  }
  return pids;
}

/** Kills whatever the run left behind, then deletes its folder. Safe to call twice. */
export async function disposeRunDir(run) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const left = processesOf(run);
    if (!left.length) break;
    for (const pid of left) {
      try {
        process.kill(pid, attempt < 5 ? 'SIGTERM' : 'SIGKILL');
      } catch {
        // exited in between
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  rmSync(run.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}
