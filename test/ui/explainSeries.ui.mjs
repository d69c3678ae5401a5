// The Hidden States view's series chart and covariate saliency as a person meets them: brushing a range on the
// series (mouse drag, or Shift+arrows and Enter) → matches highlighted on the chart → clicking one (or Enter on it)
// selects its row in the data file's editor; and a model with a covariate draws a row of saliency bars for it.
import assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'mocha';
import { repoRoot } from '../../scripts/codeserver/paths.mjs';
import { screenshotDir, useWorkbench } from './harness.mjs';

/** The chart's inner padding (seriesChart.ts PAD): row r sits at PAD + r / (n - 1) of the rest. */
const PAD = 6;

describe('Hidden States series chart and covariate saliency (UI)', function () {
  const vs = useWorkbench({
    theme: null,
    prepare: (_run, { workspace }) => {
      copyFileSync(join(repoRoot, 'media', 'samples', 'monthly-sales.csv'), join(workspace, 'sales.csv'));
      copyFileSync(join(repoRoot, 'media', 'samples', 'hourly-temperature.csv'), join(workspace, 'temp.csv'));
      copyFileSync(
        join(repoRoot, 'test', 'fixtures', 'data', 'lagged-covariate.csv'),
        join(workspace, 'lag.csv'),
      );
      const cli = join(repoRoot, 'dist', 'cli.js');
      const train = (...args) =>
        execFileSync(process.execPath, [cli, 'train', ...args, '--units', '6', '--seed', '1', '--json'], {
          cwd: workspace,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      train('sales.csv', '--window', '12');
      train('temp.csv', '--epochs', '5', '--window', '24');
      train('lag.csv', '--column', 'y', '--features', 'x', '--window', '8');
    },
  });

  /** Rows of each file: the chart of a model's own report has this many (the last model's stays up meanwhile). */
  const ROWS = { 'sales.csv': 144, 'temp.csv': 1008, 'lag.csv': 600 };

  /** The Hidden States frame showing the model of `file`, with its explain section drawn. */
  async function frameWith(file) {
    const models = vs.page.locator('.pane-header', { hasText: /Models/i }).first();
    if (!(await models.isVisible()))
      await vs.page.locator('.activitybar .action-item .action-label[aria-label^="SeqLab"]').first().click();
    let frame = await vs.findWebviewFrame('Hidden States', { timeoutMs: 60_000 }).catch(() => undefined);
    const shown = frame && (await frame.locator('h2.title', { hasText: file }).count()) > 0;
    if (!shown) {
      const row = vs.page.locator('.monaco-list-row', { hasText: `${file} ›` }).first();
      await row.waitFor();
      await row.click();
      frame = await vs.findWebviewFrame('Hidden States', { timeoutMs: 60_000 });
      await frame.locator('h2.title', { hasText: file }).waitFor({ timeout: 60_000 });
    }
    await frame.locator('.saliency-view').waitFor({ state: 'visible', timeout: 60_000 });
    await frame
      .locator(`.series-chart-view canvas.series-chart[data-length="${ROWS[file]}"]`)
      .waitFor({ state: 'visible', timeout: 60_000 });
    return frame;
  }

  /**
   * A screenshot of the workbench with the side bar widened and the Models pane folded, so the view has room, plus
   * one of `part` of the view alone; the Models pane unfolds again for the next test's clicks.
   */
  async function roomyShot(name, frame, part) {
    const bar = await vs.page.locator('.part.sidebar').boundingBox();
    if (bar && bar.width < 600) {
      await vs.page.mouse.move(bar.x + bar.width + 1, bar.y + bar.height / 2);
      await vs.page.mouse.down();
      await vs.page.mouse.move(900, bar.y + bar.height / 2, { steps: 8 });
      await vs.page.mouse.up();
    }
    const models = vs.page.locator('.pane-header', { hasText: /Models/i }).first();
    const open = (await models.getAttribute('aria-expanded')) === 'true';
    if (open) await models.click();
    await frame.locator(part).scrollIntoViewIfNeeded();
    await vs.screenshot(name);
    await frame.locator(part).screenshot({ path: join(screenshotDir, `${name}-view.png`) });
    if (open) await models.click();
  }

  /**
   * The point of row `row` on the series chart, relative to the chart. The chart is hovered first: that scrolls it
   * into the view and waits until it stops moving (unfolding a pane relays the view out), so the box is current.
   */
  async function rowPoint(chart, row) {
    await chart.hover();
    const box = await chart.boundingBox();
    const n = Number(await chart.getAttribute('data-length'));
    return { x: PAD + (row / (n - 1)) * (box.width - 2 * PAD), y: box.height / 2, box };
  }

  /** Waits until the editor's status bar shows line `line` (1-based). */
  async function editorAtLine(file, line) {
    await vs.page.locator('.tabs-container .tab', { hasText: file }).first().waitFor();
    await vs.page
      .locator('.statusbar-item', { hasText: new RegExp(`Ln ${line}, Col \\d+`) })
      .first()
      .waitFor({ timeout: 30_000 });
  }

  it('brushes a range on the series chart with the mouse, highlights matches, and reveals a clicked match', async () => {
    const frame = await frameWith('sales.csv');
    const chart = frame.locator('canvas.series-chart');
    const a = await rowPoint(chart, 40);
    const b = await rowPoint(chart, 51);
    await chart.hover({ position: { x: a.x, y: a.y } });
    await vs.page.mouse.down();
    await vs.page.mouse.move(b.box.x + b.x, b.box.y + b.y, { steps: 6 });
    await vs.page.mouse.up();
    const query = (await chart.getAttribute('data-query')) ?? '';
    const [qs, qe] = query.split(':').map(Number);
    assert.ok(Math.abs(qs - 40) <= 1 && Math.abs(qe - 52) <= 1, `query ${query}`);
    const inputs = frame.locator('.match-panel input[type=number]');
    assert.deepStrictEqual(
      [await inputs.nth(0).inputValue(), await inputs.nth(1).inputValue()],
      [String(qs), String(qe)],
    );
    await frame.locator('.match-list button.match').first().waitFor({ timeout: 60_000 });
    await frame.locator('canvas.series-chart:not([data-matches=""])').waitFor({ timeout: 30_000 });
    const matches = ((await chart.getAttribute('data-matches')) ?? '')
      .split(',')
      .map((m) => m.split(':').map(Number));
    // The chart highlights what the list shows, best first, none overlapping the query.
    const listed = await frame
      .locator('.match-list button.match')
      .evaluateAll((bs) => bs.map((x) => Number(x.dataset.row)));
    assert.deepStrictEqual(
      matches.map(([s]) => s),
      listed,
    );
    for (const [s, e] of matches) assert.ok(e <= qs || s >= qe, `match ${s}:${e} overlaps the query`);
    await roomyShot('series-chart-matches', frame, '.series-chart-view');
    const [s, e] = matches[0];
    // The screenshot folded and unfolded the Models pane, which can leave the chart out of the view: a locator
    // click scrolls it in and checks the point lands on it.
    const { x, y } = await rowPoint(chart, (s + e - 1) / 2);
    await chart.click({ position: { x, y } });
    const cursor = Number(await chart.getAttribute('data-cursor'));
    assert.ok(cursor >= s && cursor < e, `the click landed on row ${cursor}, not in the match ${s}:${e}`);
    // sales.csv has a header line: row r is line r + 2 (1-based).
    await editorAtLine('sales.csv', s + 2);
  });

  it('brushes by keyboard on the series chart (Shift+arrows, Enter) and reveals a match with Down and Enter', async () => {
    const frame = await frameWith('sales.csv');
    const chart = frame.locator('canvas.series-chart');
    await chart.focus();
    await chart.press('Home');
    await chart.press('Control+ArrowRight');
    await chart.press('Control+ArrowRight');
    for (let i = 0; i < 5; i++) await chart.press('Shift+ArrowRight');
    await chart.press('Enter');
    assert.strictEqual(await chart.getAttribute('data-query'), '20:26');
    const inputs = frame.locator('.match-panel input[type=number]');
    assert.deepStrictEqual(
      [await inputs.nth(0).inputValue(), await inputs.nth(1).inputValue()],
      ['20', '26'],
    );
    await frame
      .locator('canvas.series-chart[data-query="20:26"]:not([data-matches=""])')
      .waitFor({ timeout: 60_000 });
    const starts = ((await chart.getAttribute('data-matches')) ?? '')
      .split(',')
      .map((m) => Number(m.split(':')[0]));
    await chart.focus();
    await chart.press('Home');
    await chart.press('ArrowDown');
    const cursor = Number(await chart.getAttribute('data-cursor'));
    assert.strictEqual(
      cursor,
      Math.min(...starts.filter((s) => s > 0)),
      `cursor ${cursor}, matches ${starts}`,
    );
    await chart.press('Enter');
    await editorAtLine('sales.csv', cursor + 2);
  });

  it('draws a saliency row for a covariate and says the forecast leans on it', async () => {
    const frame = await frameWith('lag.csv');
    const row = frame.locator('canvas.saliency-bars.covariate[data-feature="x"]');
    await row.waitFor({ state: 'visible', timeout: 60_000 });
    assert.ok((await row.evaluate((c) => c.width)) > 0);
    assert.strictEqual(
      ((await frame.locator('.saliency-row .feature-name').textContent()) ?? '').trim(),
      'x',
    );
    const view = frame.locator('.saliency-view');
    const lag = Number(await view.getAttribute('data-leans-lag'));
    // The view says what `seqlab explain --window-at` says of the window it shows (lag.csv's y follows x 3 steps
    // later; the unit tests hold the validation mean to that lag, one window can lean a step off it).
    const start = await frame.locator('.content').getAttribute('data-start');
    const out = execFileSync(
      process.execPath,
      [
        join(repoRoot, 'dist', 'cli.js'),
        'explain',
        'lag.csv',
        '--column',
        'y',
        '--window-at',
        start,
        '--json',
      ],
      { cwd: vs.workspace, encoding: 'utf8' },
    );
    const cli = JSON.parse(out).leansOn;
    assert.deepStrictEqual({ feature: await view.getAttribute('data-leans-on'), lag }, cli);
    assert.match(
      (await frame.locator('.saliency-sentence').textContent()) ?? '',
      lag === 1 ? /latest value of x/ : new RegExp(`leans mostly on x ${lag} steps back`),
    );
    await frame.locator('details.saliency-table > summary').click();
    assert.match((await frame.locator('details.saliency-table thead').textContent()) ?? '', /\(x\)/);
    await roomyShot('covariate-saliency', frame, '.saliency-view');
  });

  it('shows the hourly temperature series with the matches of a brushed day', async () => {
    const frame = await frameWith('temp.csv');
    const inputs = frame.locator('.match-panel input[type=number]');
    await inputs.nth(0).fill('500');
    await inputs.nth(1).fill('524');
    await frame.locator('button.find-matches').click();
    await frame
      .locator('canvas.series-chart[data-query="500:524"]:not([data-matches=""])')
      .waitFor({ timeout: 60_000 });
    await roomyShot('series-chart-temperature', frame, '.series-chart-view');
  });
});
