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
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(sig, () => {
      void Promise.allSettled([...live].map((dispose) => dispose())).then(() => process.exit(code));
    });
  }
}

/**
 * Runs `fn({ run, server, context, workspace })` inside a fresh session and always disposes it.
 * Options: label, browser (default true), workspace (folder to copy; false for none), vsix (install first),
 * settings (User/settings.json), port, serverArgs, env (for code-server and its extension hosts), echo.
 */
export async function withSession(options, fn) {
  const { label = 'run', browser = true, workspace, vsix, settings, port = 0, serverArgs = [], env = {}, echo = false } = options;
  ensureCodeServer();
  const chromiumPath = browser ? ensureChromium() : undefined;
  hookSignals();
  const run = createRunDir(label);
  let server;
  let context;
  let disposed;
  const dispose = () =>
    (disposed ??= (async () => {
      live.delete(dispose);
      await context?.close().catch(() => undefined);
      await server?.stop();
      await disposeRunDir(run);
    })());
  live.add(dispose);
  try {
    const folder = workspace === false ? undefined : copyWorkspace(run, workspace);
    writeUserSettings(run, { 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false, ...settings });
    if (vsix) installVsix(run, vsix);
    server = await startCodeServer(run, { port, args: serverArgs, env, echo });
    if (chromiumPath) context = await launchBrowser(run, chromiumPath);
    return await fn({ run, server, context, workspace: folder });
  } finally {
    await dispose();
  }
}
