// Starts and stops code-server for one run. The server binds loopback only and runs in its own process group.
import { spawn, spawnSync } from 'node:child_process';
import { codeServerEntry } from './paths.mjs';
import { HarnessError } from './tools.mjs';

const baseArgs = (run) => [
  '--config',
  run.config,
  '--auth',
  'none',
  '--user-data-dir',
  run.userData,
  '--extensions-dir',
  run.extensions,
  '--disable-telemetry',
  '--disable-update-check',
  '--disable-workspace-trust',
  '--disable-getting-started-override',
  '--ignore-last-opened',
];

const serverEnv = (run, extra) => ({ ...process.env, ...run.env, ...extra, EXTENSIONS_GALLERY: '{}' });

/** Installs a .vsix into the run's extensions folder with code-server's own CLI. */
export function installVsix(run, vsix) {
  const r = spawnSync(process.execPath, [codeServerEntry, ...baseArgs(run), '--install-extension', vsix], {
    env: serverEnv(run, {}),
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0)
    throw new HarnessError(
      `installing ${vsix} failed: ${(r.stderr || r.stdout || '').trim().split('\n').pop()}`,
    );
  return r.stdout.trim();
}

/**
 * Starts code-server and resolves once it listens. `port` 0 lets the OS choose (tests); `npm start` passes 8080.
 * @returns {Promise<{ port: number, origin: string, pid: number, output: () => string, stop: () => Promise<void> }>}
 */
export function startCodeServer(
  run,
  { port = 0, args = [], env = {}, echo = false, readyTimeoutMs = 60_000 } = {},
) {
  const child = spawn(
    process.execPath,
    [codeServerEntry, ...baseArgs(run), '--bind-addr', `127.0.0.1:${port}`, ...args],
    {
      env: serverEnv(run, env),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const onData = (chunk) => {
    output += chunk;
    if (echo) process.stderr.write(chunk);
  };
  child.stdout.setEncoding('utf8').on('data', onData);
  child.stderr.setEncoding('utf8').on('data', onData);

  const stop = () => stopGroup(child);
  return new Promise((resolve, reject) => {
    const fail = (why) => {
      clearTimeout(timer);
      void stop().then(() =>
        reject(new HarnessError(`code-server ${why}\n${output.trim().split('\n').slice(-10).join('\n')}`)),
      );
    };
    const timer = setTimeout(
      () => fail(`did not start listening within ${readyTimeoutMs / 1000} s`),
      readyTimeoutMs,
    );
    child.once('exit', (code) => fail(`exited with ${code} before listening`));
    const watch = () => {
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout.off('data', watch);
      child.stderr.off('data', watch);
      const p = Number(m[1]);
      resolve({ port: p, origin: `http://127.0.0.1:${p}`, pid: child.pid, output: () => output, stop });
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
  });
}

/** SIGTERM to the whole group, SIGKILL after a grace period; resolves when the leader has exited. */
function stopGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = (sig) => {
      try {
        process.kill(-child.pid, sig);
      } catch {
        // group already gone
      }
    };
    const hard = setTimeout(() => kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(hard);
      kill('SIGKILL'); // stragglers in the group (extension host, pty host)
      resolve();
    });
    kill('SIGTERM');
  });
}
