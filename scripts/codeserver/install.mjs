// Installs code-server (a real VS Code 1.99.3 served to a browser) into .vscode-test/, offline, following
// ../../../shared/VSCODE_TESTING.md. Idempotent: a finished install is reused in a few milliseconds.
// Usage: node scripts/codeserver/install.mjs   (also called by every launcher)
import {
  copyFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODE_SERVER_VERSION, cacheDir, codeServerDir, codeServerEntry, installedMarker } from './paths.mjs';
import { HarnessError, isRoot, requireTool, run, runMain, which } from './tools.mjs';

const log = (msg) => console.error(`[code-server] ${msg}`);

/** Returns the path of code-server's entry.js, installing it first when the cache lacks it. */
export function ensureCodeServer() {
  if (existsSync(installedMarker) && existsSync(codeServerEntry)) return codeServerEntry;
  for (const [tool, pkg] of [
    ['g++', 'g++'],
    ['make', 'make'],
    ['python3', 'python3'],
  ])
    requireTool(tool, pkg);
  // Without local headers node-gyp would download them, which fails offline.
  if (!existsSync('/usr/include/node/node_api.h')) {
    throw new HarnessError(
      'Node headers are missing in /usr/include/node: install them (for example `apt-get install -y libnode-dev`) and retry',
    );
  }
  mkdirSync(cacheDir, { recursive: true });
  const started = Date.now();
  const partial = mkdtempSync(join(cacheDir, 'code-server.partial-'));
  try {
    build(partial);
    if (existsSync(installedMarker)) {
      // Another run finished installing meanwhile and may be using it: keep that one.
      rmSync(partial, { recursive: true, force: true });
      return codeServerEntry;
    }
    rmSync(codeServerDir, { recursive: true, force: true }); // an incomplete or older install
    renameSync(partial, codeServerDir);
  } catch (e) {
    rmSync(partial, { recursive: true, force: true });
    throw e;
  }
  log(`installed ${CODE_SERVER_VERSION} in ${Math.round((Date.now() - started) / 1000)} s`);
  return codeServerEntry;
}

function build(dir) {
  // npm_config_yes: node-pty's postinstall calls `npx node-gyp`, which would otherwise stop at a prompt.
  const env = {
    npm_config_nodedir: '/usr',
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'seqlab-code-server-cache', private: true }),
  );
  log(`installing code-server ${CODE_SERVER_VERSION} (first run only, a few minutes)…`);
  run('npm', ['install', '--ignore-scripts', '--no-save', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: dir,
    env,
  });
  log('building argon2…');
  run('npm', ['rebuild', 'argon2'], { cwd: dir, env });

  const vscode = join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  log('installing VS Code server modules…');
  run('npm', ['install', '--omit=dev', '--ignore-scripts'], { cwd: vscode, env });
  log('building spdlog, native-watchdog, node-pty…');
  run('npm', ['rebuild', '@vscode/spdlog', 'native-watchdog', 'node-pty'], { cwd: vscode, env });
  for (const [mod, file] of [
    ['@vscode/spdlog', 'spdlog.node'],
    ['native-watchdog', 'watchdog.node'],
    ['node-pty', 'pty.node'],
  ]) {
    const built = join(vscode, 'node_modules', mod, 'build', 'Release', file);
    if (!existsSync(built)) throw new HarnessError(`${mod} did not build: ${built} is missing`);
  }
  // What code-server's own postinstall.sh would have done.
  link('node_modules', join(vscode, 'node_modules.asar'));
  link('code-linux.sh', join(vscode, 'bin', 'remote-cli', 'code-server'));
  link('browser-linux.sh', join(vscode, 'bin', 'helpers', 'browser.sh'));
  log('installing built-in extensions…');
  run('npm', ['install', '--omit=dev', '--ignore-scripts'], { cwd: join(vscode, 'extensions'), env });
  run('node', ['postinstall.mjs'], { cwd: join(vscode, 'extensions'), env });
  installRipgrep(join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin'));
  // kerberos stays unbuilt on purpose: only Kerberos proxy authentication needs it.
  writeFileSync(join(dir, `.installed-${CODE_SERVER_VERSION}`), `${new Date().toISOString()}\n`);
}

function link(target, path) {
  rmSync(path, { force: true });
  symlinkSync(target, path);
}

/** @vscode/ripgrep would download rg from GitHub; take Debian's instead (search and findFiles need it). */
function installRipgrep(binDir) {
  mkdirSync(binDir, { recursive: true });
  const dest = join(binDir, 'rg');
  const local = which('rg');
  if (local) {
    copyFileSync(local, dest);
  } else {
    requireTool('apt-get', 'apt');
    requireTool('dpkg-deb', 'dpkg');
    const tmp = mkdtempSync(join(cacheDir, 'rg-'));
    try {
      log('fetching Debian ripgrep…');
      const download = () => run('apt-get', ['download', 'ripgrep'], { cwd: tmp });
      try {
        download();
      } catch {
        if (!isRoot())
          throw new HarnessError('ripgrep could not be downloaded: run `apt-get update` as root and retry');
        run('apt-get', ['update', '-qq'], { cwd: tmp });
        download();
      }
      const deb = readdirSync(tmp).find((f) => f.endsWith('.deb'));
      if (!deb) throw new HarnessError('apt-get download ripgrep produced no .deb');
      run('dpkg-deb', ['-x', deb, 'x'], { cwd: tmp });
      copyFileSync(join(tmp, 'x', 'usr', 'bin', 'rg'), dest);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  chmodSync(dest, 0o755);
}

/** Returns the Chromium executable, installing Debian's package when missing and allowed (root with apt-get). */
export function ensureChromium() {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override)) throw new HarnessError(`CHROMIUM_PATH=${override} does not exist`);
    return override;
  }
  const found =
    ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? which('chromium');
  if (found) return found;
  if (!isRoot() || !which('apt-get')) {
    throw new HarnessError(
      'chromium is missing: install it (`sudo apt-get install -y chromium`) or set CHROMIUM_PATH',
    );
  }
  log('installing chromium with apt-get…');
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', 'chromium'], { env });
  if (!existsSync('/usr/bin/chromium'))
    throw new HarnessError('apt-get installed chromium but /usr/bin/chromium is missing');
  return '/usr/bin/chromium';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runMain(() => {
    const started = Date.now();
    const entry = ensureCodeServer();
    const chromium = ensureChromium();
    console.log(
      `code-server ${CODE_SERVER_VERSION}: ${entry}\nchromium: ${chromium}\n(${Date.now() - started} ms)`,
    );
  });
}
