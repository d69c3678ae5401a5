// One harness session: a fresh run folder, code-server, optionally Chromium; torn down whatever happens,
// including Ctrl-C and SIGTERM, so no process or temp folder outlives it.
import { launchBrowser } from './browser.mjs';
import { ensureChromium, ensureCodeServer } from './install.mjs';
import { copyWorkspace, createRunDir, disposeRunDir, writeUserSettings } from './runDir.mjs';
import { installVsix, startCodeServer } from './server.mjs';

const live = new Set();
let signalsHooked = false;

function hookSignals() {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const [sig, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ]) {
    process.on(sig, () => {
      void Promise.allSettled([...live].map((dispose) => dispose())).then(() => process.exit(code));
    });
  }
}

/**
 * Starts a fresh session and returns `{ run, server, context, workspace, dispose }`; dispose() is idempotent and
 * also runs on Ctrl-C/SIGTERM. Options: label, browser (default true), workspace (folder to copy, default the
 * fixtures; false for none), vsix (install first), settings (User/settings.json), prepare (async (run, { workspace }) => …,
 * called just before code-server starts, e.g. to install more .vsix files, write languagepacks.json or put files in the
 * workspace copy that must be there before the workbench watches it), port, serverArgs
 * (e.g. ['--locale', 'zh-cn']), env (for code-server and its extension hosts), echo (print the server's output).
 */
export async function openSession(options = {}) {
  const {
    label = 'run',
    browser = true,
    workspace,
    vsix,
    settings,
    prepare,
    port = 0,
    serverArgs = [],
    env = {},
    echo = false,
  } = options;
  ensureCodeServer();
  const chromiumPath = browser ? ensureChromium() : undefined;
  hookSignals();
  const run = createRunDir(label);
  const session = { run, server: undefined, context: undefined, workspace: undefined, dispose: undefined };
  let disposed;
  session.dispose = () =>
    (disposed ??= (async () => {
      live.delete(session.dispose);
      await session.context?.close().catch(() => undefined);
      await session.server?.stop();
      await disposeRunDir(run);
    })());
  live.add(session.dispose);
  try {
    session.workspace = workspace === false ? undefined : copyWorkspace(run, workspace);
    writeUserSettings(run, {
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      ...settings,
    });
    if (vsix) installVsix(run, vsix);
    await prepare?.(run, { workspace: session.workspace });
    session.server = await startCodeServer(run, { port, args: serverArgs, env, echo });
    if (chromiumPath) session.context = await launchBrowser(run, chromiumPath);
    return session;
  } catch (e) {
    await session.dispose();
    throw e;
  }
}

/** Runs `fn(session)` inside a fresh session (see openSession) and always disposes it. */
export async function withSession(options, fn) {
  const session = await openSession(options);
  try {
    return await fn(session);
  } finally {
    await session.dispose();
  }
}
