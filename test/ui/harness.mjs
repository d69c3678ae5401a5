// Helpers for UI tests that drive VS Code (code-server) in headless Chromium as a person would.
// A test file `test/ui/NAME.ui.mjs` calls useWorkbench() inside a describe block and uses the returned handle:
//
//   import assert from 'node:assert';
//   import { describe, it } from 'mocha';
//   import { useWorkbench } from './harness.mjs';
//   describe('my feature', function () {
//     const vs = useWorkbench();            // fresh code-server + workspace copy for this describe block
//     it('...', async () => { await vs.contextMenu('sine.csv', 'Train RNN on This File'); ... });
//   });
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before } from 'mocha';
import { workbenchUrl } from '../../scripts/codeserver/browser.mjs';
import { repoRoot, resultsDir } from '../../scripts/codeserver/paths.mjs';
import { openSession } from '../../scripts/codeserver/session.mjs';

/** Where screenshots go (git-ignored). */
export const screenshotDir = join(resultsDir, 'ui');

/**
 * Registers before/after hooks that open a fresh session (SeqLab loaded from the working tree, a fresh copy of
 * test/fixtures/workspace open, Explorer shown) and returns the Workbench handle the tests use.
 * Options are openSession's (workspace, settings, env, …); `startTimeoutMs` bounds start-up.
 */
export function useWorkbench(options = {}) {
  const vs = new Workbench();
  before(async function () {
    this.timeout(options.startTimeoutMs ?? 180_000);
    await vs.open(options);
  });
  // A failed test leaves its evidence behind: the window as it was, what each webview showed, and the logs (the run
  // folder holding them is deleted when the session closes).
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    this.timeout(30_000);
    const where = await vs
      .captureFailure(this.currentTest.fullTitle())
      .catch((e) => `(no evidence: ${e.message})`);
    console.log(`      evidence: ${where}`);
  });
  after(async function () {
    this.timeout(30_000);
    await vs.close();
  });
  return vs;
}

export class Workbench {
  /** @type {import('playwright-core').Page} */ page;
  /** Absolute path of this session's workspace copy. */ workspace;
  session;

  async open(options = {}) {
    this.session = await openSession({ label: 'ui', ...options });
    this.workspace = this.session.workspace;
    this.page = this.session.context.pages()[0] ?? (await this.session.context.newPage());
    this.page.setDefaultTimeout(30_000);
    await this.page.goto(workbenchUrl(this.session.server, { folder: this.workspace, devPath: repoRoot }));
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    // code-server ignores workbench.colorTheme from a fresh settings.json at first load (it shows Light+), so pick
    // VS Code's default dark theme the way a person would; `theme: null` keeps whatever the workbench chose.
    if (options.theme !== null) await this.setTheme(options.theme ?? 'Default Dark Modern');
    await this.openExplorer();
  }

  async close() {
    await this.session?.dispose();
  }

  /**
   * Runs a command from the Command Palette by its full title (e.g. "View: Show Explorer"). The palette's list does
   * not refresh when an extension registers late, so a title that is not there yet is retried with a fresh palette.
   */
  async runCommand(title, { timeoutMs = 30_000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    const input = this.page.locator('.quick-input-widget input.input');
    for (;;) {
      // Each step is bounded and the whole attempt retried: something taking focus (a panel revealing itself, the
      // Explorer selecting a new file) closes the palette between F1 and typing, and F1 once more recovers.
      try {
        await this.page.keyboard.press('F1');
        await input.waitFor({ timeout: 5_000 });
        await input.fill(`>${title}`, { timeout: 5_000 });
        return await this.pickQuickItem(title, {
          timeoutMs: Math.min(5_000, Math.max(0, deadline - Date.now())),
        });
      } catch (e) {
        await this.page.keyboard.press('Escape');
        if (Date.now() > deadline) throw e;
      }
    }
  }

  /**
   * Clicks the quick-pick entry whose label (or description, e.g. a theme's "Default Light Modern") is exactly
   * `label`, waiting for it to appear. Callers wait for the effect they expect.
   */
  async pickQuickItem(label, { timeoutMs = 30_000 } = {}) {
    const rows = this.page.locator('.quick-input-list .monaco-list-row');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      const index = labels.findIndex((l) => l.split(', ').includes(label));
      if (index >= 0) return rows.nth(index).click({ timeout: 5_000 });
      if (Date.now() > deadline)
        throw new Error(`no quick-pick entry "${label}" among: ${labels.join(' | ')}`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Shows the Explorer (idempotent, unlike clicking its activity-bar icon, which toggles). */
  async openExplorer() {
    await this.runCommand('View: Show Explorer');
    await this.page.locator('.explorer-folders-view').waitFor();
  }

  /** The Explorer row of a file or folder at the top level of the workspace, by its exact name. */
  explorerItem(name) {
    return this.page.locator('.explorer-folders-view .monaco-list-row').filter({
      has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }),
    });
  }

  /** Opens a top-level workspace file from the Explorer and waits for its editor tab. */
  async openFile(name) {
    await this.openExplorer();
    await this.explorerItem(name).dblclick();
    await this.page
      .locator('.tabs-container .tab .label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) })
      .first()
      .waitFor();
  }

  /** Right-clicks a file in the Explorer and returns the labels of the context menu that opened. */
  async rightClick(name) {
    await this.openExplorer();
    await this.explorerItem(name).click({ button: 'right' });
    await this.page.locator('.context-view .monaco-menu').waitFor();
    return this.menuEntries();
  }

  /** Labels of the open context menu, separators left out. */
  async menuEntries() {
    const labels = await this.page
      .locator('.context-view .monaco-menu .action-item:not(.disabled) .action-label')
      .allTextContents();
    return labels.map((l) => l.trim()).filter(Boolean);
  }

  /** Clicks an entry of the open context menu by its exact label. */
  async chooseMenuEntry(label) {
    const item = this.page.locator('.context-view .monaco-menu .action-item .action-label').filter({
      hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`),
    });
    await item.first().click();
  }

  /** Right-clicks a file in the Explorer and chooses one of its menu entries. */
  async contextMenu(name, entry) {
    await this.rightClick(name);
    await this.chooseMenuEntry(entry);
  }

  async closeMenu() {
    await this.page.keyboard.press('Escape');
    await this.page
      .locator('.context-view .monaco-menu')
      .waitFor({ state: 'hidden' })
      .catch(() => undefined);
  }

  /**
   * The frame holding a webview's own document (panel or view), found by a substring of the <title> its HTML sets
   * (or of the webview iframe's title attribute, should VS Code set one). Waits up to `timeoutMs`.
   * @returns {Promise<import('playwright-core').Frame>}
   */
  async findWebviewFrame(titleSubstring, { timeoutMs = 30_000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const outer of await this.page.locator('iframe.webview').elementHandles()) {
        const inner = (await outer.contentFrame())
          ?.childFrames()
          .find((f) => f.name() === 'active-frame' || f.url().includes('fake.html'));
        if (!inner) continue;
        if (((await outer.getAttribute('title')) ?? '').includes(titleSubstring)) return inner;
        // A webview still loading can keep title() waiting; give each frame a moment and move on.
        const docTitle = await Promise.race([
          inner.title().catch(() => ''),
          new Promise((r) => setTimeout(() => r(''), 1000)),
        ]);
        if (docTitle.includes(titleSubstring)) return inner;
      }
      if (Date.now() > deadline)
        throw new Error(`no webview titled "${titleSubstring}" appeared within ${timeoutMs / 1000} s`);
      await this.page.waitForTimeout(250);
    }
  }

  /** Texts of the notification toasts now on screen. */
  async notifications() {
    return (
      await this.page.locator('.notification-toast .notification-list-item-message').allTextContents()
    ).map((t) => t.trim());
  }

  /** Switches the color theme through "Preferences: Color Theme" and waits until the workbench shows it. */
  async setTheme(name, { timeoutMs = 60_000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    // Themes come from built-in extensions; right after start-up the picker can still be empty, so retry.
    for (;;) {
      await this.runCommand('Preferences: Color Theme');
      await this.page.locator('.quick-input-widget input.input').fill(name);
      try {
        await this.pickQuickItem(name, { timeoutMs: 5_000 });
        break;
      } catch (e) {
        await this.page.keyboard.press('Escape');
        if (Date.now() > deadline) throw e;
      }
    }
    const kind = /high contrast/i.test(name)
      ? /light/i.test(name)
        ? 'hc-light'
        : 'hc-black'
      : /light/i.test(name)
        ? 'vs'
        : 'vs-dark';
    await this.page.locator(`.monaco-workbench.${kind}`).waitFor();
  }

  /**
   * Saves test-results/ui/failures/NAME/: window.png, webviews.txt (title, status line and canvases of every webview
   * document) and the run's logs (the extension's output channel among them). Returns the folder.
   */
  async captureFailure(name) {
    const dir = join(
      screenshotDir,
      'failures',
      name.replace(/[^\w.-]+/g, '-').slice(0, 100) +
        (process.env.SEQLAB_UI_TAG ? `-${process.env.SEQLAB_UI_TAG}` : ''),
    );
    mkdirSync(dir, { recursive: true });
    await this.page?.screenshot({ path: join(dir, 'window.png') }).catch(() => undefined);
    const lines = [];
    for (const frame of this.page?.frames() ?? []) {
      if (frame === this.page.mainFrame()) continue;
      const summary = await Promise.race([
        // Runs in the page: its globals are reached through globalThis.
        frame.evaluate(() => ({
          title: globalThis.document.title,
          text: globalThis.document.body?.innerText.slice(0, 400) ?? '',
          canvases: [...globalThis.document.querySelectorAll('canvas')].map((c) => {
            const r = c.getBoundingClientRect();
            return `${c.className} ${c.width}x${c.height} box ${Math.round(r.width)}x${Math.round(r.height)}`;
          }),
          viewport: `${globalThis.innerWidth}x${globalThis.innerHeight}`,
        })),
        new Promise((r) => setTimeout(() => r(undefined), 2000)),
      ]).catch(() => undefined);
      if (summary?.title)
        lines.push(`${frame.name()} ${frame.url().slice(0, 80)}\n  ${JSON.stringify(summary)}`);
    }
    writeFileSync(join(dir, 'webviews.txt'), lines.join('\n') + '\n');
    const logs = this.session?.run && join(this.session.run.userData, 'logs');
    for (const file of logs ? walkFiles(logs) : []) {
      if (/(SeqLab|exthost|remoteagent|renderer)[^/]*\.log$/i.test(file))
        copyFileSync(file, join(dir, file.slice(logs.length + 1).replace(/\//g, '_')));
    }
    return dir;
  }

  /** Saves a PNG of the whole window as test-results/ui/NAME.png and returns its path. */
  async screenshot(name) {
    mkdirSync(screenshotDir, { recursive: true });
    const path = join(screenshotDir, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}

const walkFiles = (dir) => {
  try {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walkFiles(join(dir, e.name)) : [join(dir, e.name)],
    );
  } catch {
    return [];
  }
};

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
