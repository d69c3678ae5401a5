// With the display language zh-cn, SeqLab's command titles appear in Chinese in the Command Palette, and its
// runtime messages come from the zh-cn l10n bundle.
import assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import { repoRoot } from '../../scripts/codeserver/paths.mjs';
import { openZhCnWorkbench } from './zhcnSession.mjs';

const nlsZh = JSON.parse(readFileSync(join(repoRoot, 'package.nls.zh-cn.json'), 'utf8'));
const bundleZh = JSON.parse(readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));

/** Labels of the palette's rows after typing `query`. */
async function paletteRows(vs, query) {
  await vs.page
    .locator('.monaco-workbench')
    .click({ position: { x: 5, y: 5 }, force: true })
    .catch(() => undefined);
  await vs.page.keyboard.press('F1');
  const input = vs.page.locator('.quick-input-widget input.input');
  await input.waitFor();
  await input.fill(`>${query}`);
  const rows = vs.page.locator('.quick-input-list .monaco-list-row');
  // Right after start-up the palette may not know the extension's commands yet: wait until they are listed.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    if (labels.some((l) => l.startsWith(`${query}:`)) || Date.now() > deadline) return labels;
    await vs.page.waitForTimeout(250);
    await input.fill(`>${query} `);
    await input.fill(`>${query}`);
  }
}

describe('Simplified Chinese (UI)', function () {
  let vs;

  before(async function () {
    this.timeout(180_000);
    vs = await openZhCnWorkbench();
  });

  after(async function () {
    this.timeout(30_000);
    await vs?.close();
  });

  it('lists the SeqLab commands with their Chinese titles in the Command Palette', async () => {
    const rows = await paletteRows(vs, 'SeqLab');
    await vs.screenshot('zhcn-command-palette');
    await vs.page.keyboard.press('Escape');
    for (const key of ['cmd.predictNext', 'cmd.checkData', 'cmd.train']) {
      const title = `SeqLab: ${nlsZh[key]}`;
      assert.ok(
        rows.some((r) => r.split(', ').includes(title)),
        `"${title}" not among: ${rows.join(' | ')}`,
      );
    }
  });

  it('reports a data check in Chinese', async () => {
    await vs.page.keyboard.press('Control+P');
    const input = vs.page.locator('.quick-input-widget input.input');
    await input.fill('sine.csv');
    await vs.pickQuickItem('sine.csv');
    await vs.page.locator('.monaco-editor .view-lines').first().waitFor();
    await vs.runCommand(`SeqLab: ${nlsZh['cmd.checkData']}`);
    const expected = bundleZh['{0}: no problems found in {1} rows.']
      .replace('{0}', 'sine.csv')
      .replace('{1}', '120');
    const toast = vs.page.locator('.notification-toast .notification-list-item-message', {
      hasText: expected,
    });
    await toast.first().waitFor({ timeout: 60_000 });
    await vs.screenshot('zhcn-check-data');
  });

  it('shows a prediction and its actions in Chinese', async () => {
    const cli = join(repoRoot, 'dist', 'cli.js');
    execFileSync(
      process.execPath,
      [cli, 'train', 'sine.csv', '--cell', 'rnn', '--units', '4', '--epochs', '2', '--json'],
      { cwd: vs.workspace, stdio: 'pipe' },
    );
    await vs.runCommand(`SeqLab: ${nlsZh['cmd.predictNext']}`);
    const prefix = bundleZh['{0}: next {1} ({2}% interval {3}–{4})']
      .split('{1}')[0]
      .replace('{0}', 'sine.csv › value');
    const toast = vs.page.locator('.notification-toast', { hasText: prefix }).first();
    await toast.waitFor({ timeout: 60_000 });
    const buttons = (await toast.locator('.monaco-button').allTextContents()).map((t) => t.trim());
    await vs.screenshot('zhcn-predict');
    for (const action of ['Forecast N Steps…', 'Show in Panel', 'Insert as New Row']) {
      assert.ok(buttons.includes(bundleZh[action]), `${bundleZh[action]} not among ${buttons.join(' | ')}`);
    }
  });

  it('asks for the number of steps in Chinese and opens the model panel with the forecast', async () => {
    const toast = vs.page.locator('.notification-toast', { hasText: 'sine.csv › value' }).first();
    await toast.locator('.monaco-button', { hasText: bundleZh['Forecast N Steps…'] }).click();
    const input = vs.page.locator('.quick-input-widget input.input');
    await input.waitFor();
    const prompt = await vs.page.locator('.quick-input-widget').textContent();
    assert.ok(prompt?.includes(bundleZh['How many steps ahead? (1–1000)']), prompt ?? '');
    await input.fill('12');
    await input.press('Enter');
    // The training panel's document is titled SeqLab (the Hidden States view is not open in this session).
    await vs.findWebviewFrame('SeqLab', { timeoutMs: 60_000 });
    await vs.page.waitForTimeout(1000);
    await vs.screenshot('zhcn-forecast-panel');
  });
});
