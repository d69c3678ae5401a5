// Files of many series and with covariates, trained the way a person does it: right-click, answer the real quick
// picks, then read the panel. A global run's series selector (and a per-series table row) must switch the
// predictions chart's table alternative and the heatmap to another series, checked against that series' own values.
import assert from 'node:assert';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'mocha';
import { repoRoot } from '../../scripts/codeserver/paths.mjs';
import { useWorkbench } from './harness.mjs';
import { panelFrame, trainFromMenu } from './panel.mjs';

const DATA = join(repoRoot, 'test', 'fixtures', 'data');
const LONG = 'long.csv';
const COVARIATE = 'lagged-covariate.csv';

/** long.csv's values by symbol, in file order (each symbol's rows are already in date order). */
function longSeries() {
  const out = new Map();
  for (const line of readFileSync(join(DATA, LONG), 'utf8').trim().split(/\r?\n/).slice(1)) {
    const [, symbol, close] = line.split(',');
    if (!out.has(symbol)) out.set(symbol, []);
    out.get(symbol).push(Number(close));
  }
  return out;
}

/** The predictions chart's table alternative: [row index, actual] pairs. */
async function predictionRows(frame) {
  return frame.locator('#predictions details.chart-table tbody tr').evaluateAll((rows) =>
    rows.map((r) => {
      const cells = [...r.children].map((c) => c.textContent ?? '');
      return [Number(cells[0]), Number(cells[1])];
    }),
  );
}

/** Every row's actual value is the series' own value at that row (to the table's four significant digits). */
function assertRowsOf(rows, values, name) {
  assert.ok(rows.length > 0, `no rows for ${name}`);
  assert.strictEqual(
    rows[rows.length - 1][0],
    values.length - 1,
    `${name}: the last row is not its last value`,
  );
  for (const [i, actual] of rows) {
    const want = values[i];
    assert.ok(
      Math.abs(actual - want) <= 1e-3 * Math.abs(want),
      `${name} row ${i}: ${actual}, file says ${want}`,
    );
  }
}

/** Waits until the panel shows `name` in its charts (the selector's data-shown follows the views drawn). */
async function waitShown(frame, name) {
  await frame.locator(`.series-selector[data-shown="${name}"]`).waitFor({ timeout: 60_000 });
}

describe('Many series and covariates in the training panel', function () {
  this.timeout(240_000);
  const vs = useWorkbench({
    settings: {
      'seqlab.training.epochs': 12,
      'seqlab.training.units': 8,
      'seqlab.training.patience': 0,
      'seqlab.evaluateAfterTraining': false,
      // 'auto' trains a second candidate where a season is found and counts both runs' epochs: these tests count epochs.
      'seqlab.training.deseasonalize': 'off',
      'seqlab.training.difference': 'none',
      'seqlab.training.transform': 'none',
      'seqlab.training.ensemble': 1,
    },
    prepare: (_run, { workspace }) => {
      for (const f of [LONG, COVARIATE]) copyFileSync(join(DATA, f), join(workspace, f));
    },
  });
  const series = longSeries();
  let frame;

  it('trains long.csv as one global model from the quick pick, with a row per series', async () => {
    await trainFromMenu(vs, LONG);
    // close is the only numeric column, so the first question is which series; there is no covariate to offer.
    await vs.pickQuickItem('All series (one model)');
    frame = await panelFrame(vs, LONG);
    await frame.locator('body[data-state="done"]').waitFor({ timeout: 180_000 });
    const names = await frame
      .locator('.per-series tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.dataset.series));
    // ZZZ's six rows are too few for a window with a validation part: it is left out, not padded.
    assert.deepStrictEqual([...names].sort(), ['AAA', 'BBB', 'CCC']);
    assert.ok(await frame.locator('#series-select').isVisible(), 'no series selector');
  });

  it('switches the predictions table and heatmap to another series with the keyboard', async () => {
    await waitShown(frame, 'AAA');
    await frame.locator('#predictions details.chart-table > summary').click();
    await frame.locator('#predictions details.chart-table tbody tr').first().waitFor();
    assertRowsOf(await predictionRows(frame), series.get('AAA'), 'AAA');
    // The list opens on the shown series; one step down is the next one in file order.
    await frame.locator('#series-select').focus();
    await frame.locator('#series-select').press('ArrowDown');
    await frame.locator('#series-select').press('ArrowDown');
    await frame.locator('#series-select').press('Enter');
    await waitShown(frame, 'BBB');
    assertRowsOf(await predictionRows(frame), series.get('BBB'), 'BBB');
    assert.match((await frame.locator('#hidden .caption').textContent()) ?? '', /^BBB · /);
    assert.strictEqual(
      await frame.locator('.per-series tbody tr.selected').getAttribute('data-series'),
      'BBB',
    );
  });

  it('shows the series of a per-series table row when it is clicked', async () => {
    await frame.locator('.per-series tbody tr[data-series="CCC"] td').first().click();
    await waitShown(frame, 'CCC');
    assertRowsOf(await predictionRows(frame), series.get('CCC'), 'CCC');
    assert.match((await frame.locator('#hidden .caption').textContent()) ?? '', /^CCC · /);
    await vs.screenshot('series-selector');
  });

  it('comes back after a window reload with the selector, drawing each series from the saved model', async () => {
    const reloaded = vs.page.waitForEvent('framenavigated', {
      predicate: (f) => f === vs.page.mainFrame(),
      timeout: 90_000,
    });
    await vs.runCommand('Developer: Reload Window').catch(() => undefined);
    await reloaded;
    await vs.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    frame = await panelFrame(vs, LONG, 90_000);
    await frame.locator('body[data-state="done"]').waitFor();
    // The host's history died with the reload: the first series' views come from the saved model and the file.
    await waitShown(frame, 'AAA');
    await frame.locator('#predictions details.chart-table > summary').click();
    await frame.locator('#predictions details.chart-table tbody tr').first().waitFor();
    assertRowsOf(await predictionRows(frame), series.get('AAA'), 'AAA after reload');
    await frame.locator('.per-series tbody tr[data-series="BBB"] button.pick').press('Enter');
    await waitShown(frame, 'BBB');
    assertRowsOf(await predictionRows(frame), series.get('BBB'), 'BBB after reload');
  });

  it('switches series while a run trains, drawing it from the live weights', async () => {
    // Enough work that the run is still training when the selection is answered; Stop ends it.
    await frame.locator('#cfg-epochs input').fill('2000');
    await frame.locator('#cfg-units input').fill('64');
    await frame.locator('#retrain').click();
    await frame.locator('body[data-state="training"]').waitFor({ timeout: 60_000 });
    await waitShown(frame, 'AAA');
    await frame.locator('#series-select').focus();
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'Enter'])
      await frame.locator('#series-select').press(key);
    await waitShown(frame, 'CCC');
    assert.strictEqual(
      await frame.locator('body').getAttribute('data-state'),
      'training',
      'the run ended first',
    );
    // The new run's panel was drawn afresh (Init), with its table alternative closed.
    const details = frame.locator('#predictions details.chart-table');
    if (!(await details.evaluate((d) => d.open))) await details.locator('> summary').click();
    await details.locator('tbody tr').first().waitFor();
    assertRowsOf(await predictionRows(frame), series.get('CCC'), 'CCC while training');
    await frame.locator('#stop').click();
    await frame.locator('body[data-state="stopped"]').waitFor({ timeout: 60_000 });
  });

  it('trains lagged-covariate.csv with x chosen as a covariate, and the panel names it', async () => {
    await trainFromMenu(vs, COVARIATE);
    // Covariates are asked for only through the column pick's last entry; then the column, then the covariates.
    await vs.pickQuickItem('Customize…');
    await vs.page
      .locator('.quick-input-list .monaco-list-row[aria-label^="Customize"]')
      .waitFor({ state: 'detached' });
    await vs.pickQuickItem('y');
    // The covariate step is a multi-select with nothing checked: check x, then accept.
    const row = vs.page.locator('.quick-input-list .monaco-list-row').filter({ hasText: /^x/ }).first();
    await row.click();
    await vs.page.locator('.quick-input-list .monaco-list-row[aria-checked="true"]').first().waitFor();
    await vs.page.locator('.quick-input-widget input.input').press('Enter');
    await vs.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    const covariate = await panelFrame(vs, COVARIATE);
    await covariate.locator('body[data-state="done"]').waitFor({ timeout: 180_000 });
    assert.strictEqual(await covariate.locator('header .features').textContent(), 'covariates: x');
    assert.strictEqual(await covariate.locator('header .column').textContent(), 'y');
    // One series with a covariate: no selector, and the model was saved.
    assert.strictEqual(await covariate.locator('#series-select').isVisible(), false);
    assert.match(
      (await covariate.locator('.summary .model-dir').textContent()) ?? '',
      /lagged-covariate\.csv/,
    );
  });
});
