// Right-click a CSV in the Explorer, train, and look at the training panel's webview: drawn charts, a heatmap,
// screenshots in dark and light themes, and workspace text containing HTML rendered literally.
import assert from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, it } from 'mocha';
import { screenshotDir, useWorkbench } from './harness.mjs';
import { painted, panelFrame, trainFromMenu } from './panel.mjs';

const HOSTILE_FILE = '<img src=x onerror=alert(1)>.csv';
const HOSTILE_HEADER = '<script>alert(1)</script>';

/**
 * Picks a colour theme through "Preferences: Color Theme", retrying when the picker opens before its list is filled
 * (seen on a loaded machine), and waits for the workbench to wear it.
 */
async function useTheme(vs, label, workbenchClass) {
  for (let attempt = 1; ; attempt++) {
    await vs.runCommand('Preferences: Color Theme');
    await vs.page.locator('.quick-input-widget input.input').fill(label);
    const row = vs.page.locator('.quick-input-list .monaco-list-row').filter({ hasText: label }).first();
    const shown = await row.waitFor({ timeout: 15_000 }).then(
      () => true,
      () => false,
    );
    if (shown) {
      await row.click();
      await vs.page.locator(`.monaco-workbench.${workbenchClass}`).waitFor();
      return;
    }
    await vs.page.keyboard.press('Escape');
    if (attempt === 3) throw new Error(`the theme "${label}" never appeared in the picker`);
  }
}

/**
 * Retrains from the form with many epochs and waits until the first one has been drawn. 128 units keep the kernel busy
 * long enough: it would finish 2000 epochs of a small net before a test could act on the run.
 */
async function retrainLong(frame) {
  await frame.locator('#cfg-epochs input').fill('2000');
  await frame.locator('#cfg-units input').fill('128');
  await frame.locator('#retrain').click();
  await frame.locator('body[data-state="training"]').waitFor({ timeout: 60_000 });
  await frame.locator('#loss .chart[data-epochs]:not([data-epochs="0"])').waitFor({ timeout: 60_000 });
}

/** The editor tab of a training panel, by part of its title. */
function panelTab(vs, titlePart) {
  return vs.page
    .locator('.tabs-container .tab')
    .filter({ hasText: `SeqLab: ${titlePart}` })
    .first();
}

describe('Training panel from the Explorer', function () {
  this.timeout(240_000);
  const vs = useWorkbench({
    settings: {
      'seqlab.training.epochs': 30,
      'seqlab.training.units': 8,
      'seqlab.training.patience': 0,
      // These tests time and stop runs; a backtest started after each would share the worker (backtest.ui.mjs).
      'seqlab.evaluateAfterTraining': false,
      // 'auto' trains a second candidate where a season is found and counts both runs' epochs: these tests count epochs.
      'seqlab.training.deseasonalize': 'off',
      // 'auto' differencing trains levels and differences where KPSS finds no trend: the sine as before, on levels.
      'seqlab.training.difference': 'none',
      'seqlab.training.transform': 'none',
      'seqlab.training.ensemble': 1,
    },
    theme: null,
  });
  const consoleErrors = [];
  afterEach(async function () {
    if (this.currentTest?.state === 'failed')
      await vs.screenshot(`training-failed-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`);
  });
  let frame;

  it('trains sine.csv from its context menu and draws the loss chart', async () => {
    vs.page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    await useTheme(vs, 'Dark Modern', 'vs-dark');
    const started = Date.now();
    await trainFromMenu(vs, 'sine.csv');
    frame = await panelFrame(vs, 'sine.csv');
    const panelMs = Date.now() - started;
    await frame.locator('.uplot canvas').first().waitFor({ timeout: 120_000 });
    const firstChartMs = Date.now() - started;
    await frame.locator('#loss .uplot canvas').waitFor({ timeout: 120_000 });
    const firstLossMs = Date.now() - started;
    mkdirSync(screenshotDir, { recursive: true });
    const timing = {
      rightClickToPanelMs: panelMs,
      rightClickToFirstChartMs: firstChartMs,
      rightClickToFirstLossChartMs: firstLossMs,
    };
    writeFileSync(join(screenshotDir, 'training-timing.json'), JSON.stringify(timing) + '\n');
    console.log(
      `      right-click to panel: ${panelMs} ms; to first chart: ${firstChartMs} ms; to the first loss curve: ${firstLossMs} ms`,
    );
    assert.ok(await painted(frame, '#loss .uplot canvas'));
  });

  it('draws predicted vs actual and the hidden-state heatmap with its legend', async () => {
    await frame.locator('#predictions .uplot canvas').waitFor({ timeout: 120_000 });
    await frame.locator('#hidden canvas.hm-canvas').waitFor();
    assert.ok(await painted(frame, '#predictions .uplot canvas'));
    assert.ok(await painted(frame, '#hidden canvas.hm-canvas'));
  });

  it('is complete again after being hidden during the run and revealed', async () => {
    // A fresh run, so the panel really is hidden while epochs arrive.
    await frame.locator('#cfg-epochs input').fill('30');
    // 64 units: a run of several seconds, long enough to be hidden while it trains.
    await frame.locator('#cfg-units input').fill('64');
    await frame.locator('#retrain').click();
    await frame.locator('body[data-state="training"]').waitFor({ timeout: 60_000 });
    // Another editor in the panel's group hides it; without retainContextWhenHidden its webview is destroyed.
    await panelTab(vs, 'sine.csv').click();
    await vs.explorerItem('README.md').click();
    await vs.page.locator('.tabs-container .tab').filter({ hasText: 'README.md' }).first().waitFor();
    await vs.page.waitForTimeout(2000);
    await panelTab(vs, 'sine.csv').click();
    frame = await panelFrame(vs, 'sine.csv');
    await frame.locator('body[data-state="done"]').waitFor({ timeout: 180_000 });
    await frame.locator('#loss .chart[data-epochs="30"]').waitFor();
  });

  it('ends with a summary naming where the model was saved and the metrics table', async () => {
    await frame.locator('body[data-state="done"]').waitFor({ timeout: 180_000 });
    const saved = await frame.locator('.summary .model-dir').textContent();
    assert.match(saved ?? '', /\.seqlab[\\/]sine\.csv[\\/]value$/);
    assert.strictEqual(await frame.locator('table.metrics tbody tr').count(), 5);
    assert.strictEqual(await frame.locator('#stop').isVisible(), false, 'nothing to stop, yet Stop is shown');
    // Each chart's title is its card's heading only, and its legend shows the latest values without a hover.
    assert.strictEqual(await frame.locator('.u-title').count(), 0, 'a chart title is printed twice');
    const legend = await frame.locator('#loss .u-legend .u-value').allTextContents();
    assert.ok(
      legend.length >= 3 && legend.slice(1).every((v) => v !== '--' && v.trim() !== ''),
      `loss legend: ${legend.join(' | ')}`,
    );
    await vs.screenshot('training-panel-dark');
    await frame.locator('#hidden').scrollIntoViewIfNeeded();
    await vs.screenshot('training-heatmap-dark');
  });

  it('redraws the charts in a light theme', async () => {
    await useTheme(vs, 'Light Modern', 'vs');
    await frame.locator('#loss .uplot canvas').waitFor();
    assert.ok(await painted(frame, '#loss .uplot canvas'));
    await frame.locator('#loss').scrollIntoViewIfNeeded();
    await vs.screenshot('training-panel-light');
    await frame.locator('#hidden').scrollIntoViewIfNeeded();
    await vs.screenshot('training-heatmap-light');
  });

  it('redraws the charts in a high-contrast theme', async () => {
    await useTheme(vs, 'Dark High Contrast', 'hc-black');
    await frame.locator('#loss').scrollIntoViewIfNeeded();
    assert.ok(await painted(frame, '#loss .uplot canvas'));
    await vs.screenshot('training-panel-high-contrast');
    await useTheme(vs, 'Light Modern', 'vs');
  });

  it('retrains with the settings typed into the config form', async () => {
    await frame.locator('#cfg-epochs input').fill('5');
    await frame.locator('#retrain').click();
    await frame.locator('#loss .chart[data-epochs="5"]').waitFor({ timeout: 120_000 });
    await frame.locator('body[data-state="done"]').waitFor({ timeout: 120_000 });
    assert.strictEqual(await frame.locator('#cfg-epochs').evaluate((e) => e.value), '5');
  });

  it('comes back after a window reload with its loss curve, summary, predictions and heatmap', async () => {
    const reloaded = vs.page.waitForEvent('framenavigated', {
      predicate: (f) => f === vs.page.mainFrame(),
      timeout: 90_000,
    });
    await vs.runCommand('Developer: Reload Window').catch(() => undefined);
    await reloaded;
    await vs.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    frame = await panelFrame(vs, 'sine.csv', 90_000);
    await frame.locator('body[data-state="done"]').waitFor();
    await frame.locator('#loss .chart[data-epochs="5"]').waitFor();
    assert.ok(await painted(frame, '#loss .uplot canvas'));
    assert.match((await frame.locator('.summary .model-dir').textContent()) ?? '', /sine\.csv[\\/]value$/);
    // The host's history died with the reload: these two are recomputed from the saved model and the file.
    await frame
      .locator('#predictions .chart[data-predicted]:not([data-predicted="0"])')
      .waitFor({ timeout: 60_000 });
    await frame.locator('#hidden .caption', { hasText: /\d/ }).waitFor({ timeout: 60_000 });
    assert.ok(await painted(frame, '#predictions .uplot canvas'));
    assert.ok(await painted(frame, '#hidden canvas.hm-canvas'));
  });

  it('shows the epoch and loss in the status bar while training, and a click on it reveals the panel', async () => {
    await retrainLong(frame);
    const item = vs.page.locator('.statusbar-item').filter({ hasText: /SeqLab epoch \d+\/2000 · loss \d/ });
    await item.waitFor({ timeout: 30_000 });
    await panelTab(vs, 'sine.csv').click();
    await vs.explorerItem('README.md').click();
    const active = vs.page.locator('.tabs-container .tab.active');
    await active.filter({ hasText: 'README.md' }).waitFor();
    await item.click();
    await active.filter({ hasText: 'SeqLab: sine.csv' }).waitFor({ timeout: 10_000 });
    frame = await panelFrame(vs, 'sine.csv');
    await frame.locator('#stop').click();
    await frame.locator('body[data-state="stopped"]').waitFor({ timeout: 60_000 });
    await item.waitFor({ state: 'hidden', timeout: 10_000 });
  });

  it("stops from the panel's Stop button and keeps nothing", async () => {
    await retrainLong(frame);
    await frame.locator('#stop').click();
    await frame.locator('body[data-state="stopped"]').waitFor({ timeout: 60_000 });
    assert.strictEqual(await frame.locator('.summary .model-dir').count(), 0);
  });

  it('keeps the model trained so far with "Stop and keep"', async () => {
    await retrainLong(frame);
    await frame.locator('#stop-keep').click();
    await frame.locator('body[data-state="done"]').waitFor({ timeout: 60_000 });
    assert.match((await frame.locator('.summary .model-dir').textContent()) ?? '', /sine\.csv[\\/]value$/);
  });

  it('asks before restarting a run on the same file and column, then restarts it', async () => {
    await retrainLong(frame);
    await trainFromMenu(vs, 'sine.csv');
    const dialog = vs.page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? '', /already training/);
    await dialog.locator('.monaco-button', { hasText: 'Restart' }).click();
    frame = await panelFrame(vs, 'sine.csv');
    await frame.locator('#loss .chart[data-epochs="30"]').waitFor({ timeout: 120_000 });
    await frame.locator('body[data-state="done"]').waitFor({ timeout: 120_000 });
  });

  it('asks which column to train on when a file has several, with counts and a sparkline', async () => {
    await trainFromMenu(vs, 'two-columns.csv');
    const pick = vs.page.locator('.quick-input-widget').filter({ hasText: 'choose the column' });
    await pick.waitFor({ timeout: 60_000 }).catch(async (e) => {
      await vs.screenshot('training-column-pick-missing');
      throw new Error(`${e.message}\nnotifications: ${(await vs.notifications()).join(' | ')}`);
    });
    const rows = pick.locator('.quick-input-list .monaco-list-row');
    await rows.nth(2).waitFor();
    const texts = await rows.allTextContents();
    await vs.screenshot('training-column-pick');
    await vs.page.keyboard.press('Escape');
    assert.ok(
      texts.some((t) => t.includes('temperature')) && texts.some((t) => t.includes('demand')),
      texts.join(' | '),
    );
    // The columns, then one "Customize…" entry that leads to the covariates.
    const columns = texts.filter((t) => !t.startsWith('Customize…'));
    assert.strictEqual(texts.length - columns.length, 1, texts.join(' | '));
    assert.ok(/^Customize…/.test(texts.at(-1) ?? ''), texts.join(' | '));
    assert.ok(
      columns.every((t) => /\d+ values · \d+ missing/.test(t) && /[▁▂▃▄▅▆▇█]/.test(t)),
      texts.join(' | '),
    );
  });

  it('starts training right after the column pick on a file with two numeric columns (no covariate question)', async () => {
    await trainFromMenu(vs, 'two-columns.csv');
    await vs.pickQuickItem('temperature', { timeoutMs: 60_000 });
    // Training starts: the panel opens and its run ends without any other question on the way.
    const frame = await panelFrame(vs, 'two-columns.csv');
    await frame.locator('body[data-state="done"]').waitFor({ timeout: 120_000 });
    assert.strictEqual(await vs.page.locator('.quick-input-widget').isVisible(), false, 'another question');
    assert.strictEqual(await frame.locator('header .column').textContent(), 'temperature');
    assert.strictEqual(await frame.locator('header .features').count(), 0, 'covariates were chosen');
  });

  it('shows a file name and header holding HTML literally, with no CSP violation', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => Math.sin(i / 6).toFixed(4));
    writeFileSync(join(vs.workspace, HOSTILE_FILE), [HOSTILE_HEADER, ...rows].join('\n') + '\n');
    await vs.openExplorer();
    await vs.runCommand('Refresh Explorer');
    await vs.explorerItem(HOSTILE_FILE).waitFor();
    await trainFromMenu(vs, HOSTILE_FILE);
    const hostile = await panelFrame(vs, '<img src=x');
    await hostile.locator('header .file').waitFor();
    assert.strictEqual(await hostile.locator('header .file').textContent(), HOSTILE_FILE);
    assert.strictEqual(await hostile.locator('header .column').textContent(), HOSTILE_HEADER);
    assert.strictEqual(await hostile.locator('img').count(), 0);
    const injected = await hostile
      .locator('script')
      .evaluateAll((els) => els.filter((e) => (e.textContent ?? '').includes('alert(1)')).length);
    assert.strictEqual(injected, 0);
    await hostile.locator('body[data-state="done"]').waitFor({ timeout: 180_000 });
    await vs.screenshot('training-panel-hostile-names');
    const csp = consoleErrors.filter((t) => /Content Security Policy/i.test(t));
    assert.deepStrictEqual(csp, []);
  });
});
