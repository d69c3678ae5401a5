// Backtest and forecast in the training panel of a real VS Code: after training, the forecast card with its band and
// coverage, and a backtest that ran by itself; then Run Backtest from the keyboard, Stop, and the table alternatives.
import assert from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, it } from 'mocha';
import { useWorkbench } from './harness.mjs';
import { painted, panelFrame, trainFromMenu } from './panel.mjs';

const FILE = 'seasonal.csv';
const MODELS = ['rnn', 'naive', 'seasonalNaive', 'theta', 'arima'];

/** 160 noisy values with a season and a trend: every method has a finite, different MASE. */
function seasonalCsv() {
  const rows = Array.from({ length: 160 }, (_, i) =>
    (Math.sin(i / 2) + i / 50 + 0.3 * Math.sin(i * 12.9898) * Math.cos(i * 78.233)).toFixed(5),
  );
  return ['value', ...rows].join('\n') + '\n';
}

describe('Backtest in the training panel', function () {
  this.timeout(300_000);
  const vs = useWorkbench({
    settings: {
      'seqlab.training.epochs': 20,
      'seqlab.training.units': 8,
      'seqlab.training.patience': 0,
      'seqlab.evaluateAfterTraining': true,
    },
    prepare: (_run, { workspace }) => writeFileSync(join(workspace, FILE), seasonalCsv()),
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await vs.screenshot('backtest-failed');
  });
  let frame;

  it('forecasts past the series with an interval band and its coverage once training ends', async () => {
    await trainFromMenu(vs, FILE);
    frame = await panelFrame(vs, FILE);
    await frame.locator('body[data-state="done"]').waitFor({ timeout: 180_000 });
    const chart = frame.locator('#forecast .chart[data-steps]');
    await chart.waitFor({ timeout: 60_000 });
    assert.ok(Number(await chart.getAttribute('data-steps')) > 1);
    await frame.locator('#forecast').scrollIntoViewIfNeeded();
    await vs.screenshot('forecast-panel');
    await frame.locator('#forecast .uplot canvas').waitFor();
    assert.ok(await painted(frame, '#forecast .uplot canvas'));
    assert.match((await frame.locator('#forecast .caption').textContent()) ?? '', /80% interval/);
    // The table alternative holds the same numbers: the history, then one row per step ahead.
    await frame.locator('#forecast details.chart-table > summary').click();
    await frame.locator('#forecast details.chart-table tbody tr').first().waitFor();
    const steps = await frame.locator('#forecast details.chart-table tbody tr th').allTextContents();
    assert.ok(steps.includes('1') && steps.some((s) => s.startsWith('-')), steps.slice(-5).join(' | '));
  });

  it('backtests by itself after a short training, with a table, a verdict and the best marked', async () => {
    const card = frame.locator('#backtest[data-state="done"]');
    await card.waitFor({ timeout: 180_000 });
    const rows = card.locator('table.backtest-table tbody tr');
    assert.deepStrictEqual(await rows.evaluateAll((r) => r.map((e) => e.dataset.model)), MODELS);
    const best = card.locator('tr.best-row');
    assert.strictEqual(await best.count(), 1);
    assert.match((await best.locator('th').textContent()) ?? '', /\(best[;)]/);
    const verdict = (await card.locator('.verdict').textContent()) ?? '';
    assert.match(verdict, /^GRU (beats|loses)/, verdict);
    assert.match(verdict, /\d+%/, verdict);
    await card.scrollIntoViewIfNeeded();
    await vs.screenshot('backtest-panel');
  });

  it('draws the error per step ahead, with the same numbers as a table', async () => {
    const card = frame.locator('#backtest');
    const chart = card.locator('.per-step .chart[data-steps]');
    const horizon = Number(await chart.getAttribute('data-steps'));
    assert.ok(horizon > 1, `horizon ${horizon}`);
    assert.ok(await painted(frame, '#backtest .per-step .uplot canvas'));
    await card.locator('.per-step details.chart-table > summary').click();
    const table = card.locator('.per-step details.chart-table table');
    // The table is built on the details' toggle event, which fires after the click returns.
    await table
      .locator('tbody tr')
      .nth(horizon - 1)
      .waitFor();
    assert.strictEqual(await table.locator('tbody tr').count(), horizon);
    // A step column, then one column per model.
    assert.strictEqual(await table.locator('thead th').count(), 1 + MODELS.length);
    const cells = await table.locator('tbody tr').first().locator('td').allTextContents();
    assert.ok(
      cells.every((c) => /^\d|^—$/.test(c)),
      cells.join(' | '),
    );
  });

  it('runs again from the keyboard, shows each fold, and stops when asked', async () => {
    const card = frame.locator('#backtest');
    await card.locator('#run-backtest').focus();
    await vs.page.keyboard.press('Enter');
    await frame.locator('#backtest[data-state="running"]').waitFor();
    await card.locator('.backtest-status', { hasText: /Fold \d of 5/ }).waitFor({ timeout: 60_000 });
    await card.locator('#stop-backtest').click();
    await frame.locator('#backtest[data-state="stopped"]').waitFor({ timeout: 60_000 });
    assert.match((await card.locator('.backtest-status').textContent()) ?? '', /stopped/);
    // The last finished backtest stays on screen.
    assert.strictEqual(await card.locator('table.backtest-table tbody tr').count(), MODELS.length);
  });
});
