// Headless Debian Chromium through playwright-core, and the workbench URL that loads SeqLab (and its tests).
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { SUITE_START } from './results.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A persistent context with a profile inside the run folder; the browser inherits the run's environment marker. */
export function launchBrowser(run, executablePath, { viewport = { width: 1280, height: 800 } } = {}) {
  return chromium.launchPersistentContext(run.profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, ...run.env },
    viewport,
    colorScheme: 'dark',
  });
}

/** `vscode-remote://host:port/abs/path` with each segment percent-encoded; the authority must be the page's own. */
export function remoteUri(server, absPath) {
  return `vscode-remote://127.0.0.1:${server.port}${absPath.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * The workbench URL. `folder` opens a folder (else an empty window); `devPath` loads an extension under development;
 * `testsPath` (a module path without .js) makes the workbench run its `run()` and report through codeAutomationExit.
 */
export function workbenchUrl(server, { folder, devPath, testsPath } = {}) {
  const payload = [
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  if (devPath) payload.push(['extensionDevelopmentPath', remoteUri(server, devPath)]);
  if (testsPath) payload.push(['extensionTestsPath', remoteUri(server, testsPath)]);
  const where = folder ? `folder=${encodeURIComponent(folder)}` : 'ew=true';
  return `${server.origin}/?${where}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * A log printer that keeps the console readable: the workbench's own start-up chatter (level info) is shown only
 * once the suite has announced itself; warnings and errors always are. The full log is in the returned `log`.
 */
export function suiteEcho(print = (l) => console.log(l)) {
  let started = false;
  return (text, level) => {
    if (text.includes(SUITE_START)) started = true;
    else if (started || level === 'warn' || level === 'error') print(text);
  };
}

/**
 * Opens the URL and waits for window.codeAutomationExit. Both hooks are exposed before navigation, or the
 * workbench would not see them. Resolves with the exit code (undefined when the deadline passed first) and the log.
 * @returns {Promise<{ exitCode: number | undefined, timedOut: boolean, log: string }>}
 */
export async function runInWorkbench(context, url, { timeoutMs, onLine = suiteEcho() }) {
  let log = '';
  let settle;
  const finished = new Promise((resolve) => (settle = resolve));
  const emit = (text, level = 'error') => {
    log += text + '\n';
    onLine(text, level);
  };
  await context.exposeFunction('codeAutomationLog', (level, args) =>
    emit(format(...(Array.isArray(args) ? args : [args])), String(level)),
  );
  await context.exposeFunction('codeAutomationExit', (code) =>
    settle({ exitCode: Number(code), timedOut: false }),
  );
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => emit(`[page error] ${e.message}`));
  let timer;
  const deadline = new Promise(
    (resolve) => (timer = setTimeout(() => resolve({ exitCode: undefined, timedOut: true }), timeoutMs)),
  );
  await page.goto(url);
  const outcome = await Promise.race([finished, deadline]);
  clearTimeout(timer);
  return { ...outcome, log };
}
