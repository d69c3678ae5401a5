// The Hidden States view's explain section as a person meets it: saliency bars under the inputs with their sentence
// and table, then brushing a time range on the heatmap (mouse) or typing it (keyboard) → matches listed → clicking a
// match shows its row in the data file's editor.
import assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'mocha';
import { repoRoot } from '../../scripts/codeserver/paths.mjs';
import { useWorkbench } from './harness.mjs';

const WINDOW = 8;
/** Saliency covers the raw values the window reads: one more than the window when the model differences. */
let lags = WINDOW;

describe('Hidden States explain section (UI)', function () {
  const vs = useWorkbench({
    theme: null,
    // Trained before code-server starts, so the Models tree lists it from the start (see hiddenStates.ui.mjs).
    prepare: (_run, { workspace }) => {
      copyFileSync(join(workspace, 'sine.csv'), join(workspace, 'ex.csv'));
      const cli = join(repoRoot, 'dist', 'cli.js');
      const args = [
        'train',
        'ex.csv',
        '--cell',
        'gru',
        '--units',
        '6',
        '--epochs',
        '3',
        '--window',
        String(WINDOW),
        // The sample is a pure sine: with its season removed nothing is left to learn, and every state is zero.
        '--deseasonalize',
        'off',
        // Levels, as the tests were written ('auto' would compare both on this stationary sine).
        '--difference',
        'none',
      ];
      const trained = execFileSync(process.execPath, [cli, ...args, '--json'], {
        cwd: workspace,
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
      });
      lags = WINDOW + (JSON.parse(trained).differenced ? 1 : 0);
    },
  });

  /** The Hidden States frame showing ex.csv's model with its explain section drawn (layout settled). */
  async function frameWithModel() {
    const models = vs.page.locator('.pane-header', { hasText: /Models/i }).first();
    if (!(await models.isVisible()))
      await vs.page.locator('.activitybar .action-item .action-label[aria-label^="SeqLab"]').first().click();
    let frame = await vs.findWebviewFrame('Hidden States', { timeoutMs: 60_000 }).catch(() => undefined);
    const shown = frame && (await frame.locator('h2.title', { hasText: 'ex.csv' }).count()) > 0;
    if (!shown) {
      const row = vs.page.locator('.monaco-list-row', { hasText: 'ex.csv › value' }).first();
      await row.waitFor();
      await row.click();
      frame = await vs.findWebviewFrame('Hidden States', { timeoutMs: 60_000 });
    }
    await frame.locator('canvas.hm-canvas').waitFor({ state: 'visible', timeout: 60_000 });
    // The saliency bars sit above the heatmap: wait for them so the heatmap no longer moves.
    await frame.locator('.saliency-view').waitFor({ state: 'visible', timeout: 60_000 });
    await frame.locator('.units-view').waitFor({ state: 'visible', timeout: 60_000 });
    return frame;
  }

  it('draws saliency bars under the inputs, says which lag the forecast leans on, and tables it', async () => {
    const frame = await frameWithModel();
    const view = frame.locator('.saliency-view');
    await view.waitFor({ state: 'visible', timeout: 60_000 });
    const sentence = (await frame.locator('.saliency-sentence').textContent()) ?? '';
    const peak = Number(await view.getAttribute('data-peak-lag'));
    assert.ok(peak >= 1 && peak <= lags, `peak lag ${peak} of ${lags}`);
    assert.match(sentence, peak === 1 ? /latest value/ : new RegExp(`value ${peak} steps back`));
    assert.ok((await frame.locator('canvas.saliency-bars').evaluate((c) => c.width)) > 0);
    await frame.locator('details.saliency-table > summary').click();
    assert.strictEqual(await frame.locator('details.saliency-table tbody tr').count(), lags);
    // Unit meanings: one row per unit, each labelled with a signal and r.
    assert.strictEqual(await frame.locator('.units-view tbody tr').count(), 6);
    assert.match(
      (await frame.locator('.units-view tbody tr td').first().textContent()) ?? '',
      /≈ .+\(r = -?\d\.\d\d\)/,
    );
    await vs.screenshot('explain-saliency');
  });

  it('brushes a range on the heatmap with the mouse, lists matches, and reveals a match in the data file', async () => {
    const frame = await frameWithModel();
    const canvas = frame.locator('canvas.hm-canvas');
    // Hovering scrolls the heatmap into the view and waits until it stops moving, so the box is current.
    await canvas.hover();
    const box = await canvas.boundingBox();
    // The heatmap's unit labels take the left gutter; time steps share the rest.
    const gutter = 34;
    const x = (t) => box.x + gutter + ((box.width - gutter) / WINDOW) * (t + 0.5);
    await vs.page.mouse.move(x(2), box.y + 5);
    await vs.page.mouse.down();
    await vs.page.mouse.move(x(5), box.y + 5, { steps: 4 });
    await vs.page.mouse.up();
    const start = Number(await frame.locator('.content').getAttribute('data-start'));
    assert.strictEqual(
      await frame.locator('.match-panel input[type=number]').first().inputValue(),
      String(start + 2),
    );
    assert.strictEqual(
      await frame.locator('.match-panel input[type=number]').nth(1).inputValue(),
      String(start + 6),
    );
    const first = frame.locator('.match-list button.match').first();
    await first.waitFor({ timeout: 60_000 });
    const row = Number(await first.getAttribute('data-row'));
    assert.ok(row + 4 <= start + 2 || row >= start + 6, 'the query range itself is not a match');
    await vs.screenshot('explain-matches');
    await first.click();
    // sine.csv has a header line, so row r is line r + 2 (1-based) in the editor's status bar.
    await vs.page.locator('.tabs-container .tab', { hasText: 'ex.csv' }).first().waitFor();
    await vs.page
      .locator('.statusbar-item', { hasText: new RegExp(`Ln ${row + 2}, Col \\d+`) })
      .first()
      .waitFor({ timeout: 30_000 });
    await vs.screenshot('explain-reveal-row');
  });

  it('matches a range typed with the keyboard, by LSTMVis overlap at a chosen threshold', async () => {
    const frame = await frameWithModel();
    const inputs = frame.locator('.match-panel input[type=number]');
    await inputs.nth(0).fill('40');
    await inputs.nth(1).fill('46');
    await frame.locator('.match-panel select').selectOption('overlap');
    await inputs.nth(2).fill('0');
    await frame.locator('button.find-matches').focus();
    await frame.locator('button.find-matches').press('Enter');
    // Busy while the worker ranks the ranges; the list (or the reason there is none) follows.
    await frame.locator('.match-panel:not([data-busy])').waitFor({ timeout: 60_000 });
    const listed = await frame.locator('.match-list button.match').count();
    const status = (await frame.locator('.match-panel [role=status]').textContent()) ?? '';
    // Either matches, or no unit stays above the threshold over the range, said instead of a stale list.
    assert.ok(
      (listed > 0 && !status) || (listed === 0 && /threshold/.test(status)),
      `matches ${listed}, status "${status}"`,
    );
    await frame.locator('.trajectory-view canvas.trajectory').waitFor();
    await frame.locator('.trajectory-view select').selectOption('time');
    await vs.screenshot('explain-trajectory');
  });

  it('keeps the matched range and its matches when the window slider moves', async () => {
    const frame = await frameWithModel();
    const inputs = frame.locator('.match-panel input[type=number]');
    await inputs.nth(0).fill('30');
    await inputs.nth(1).fill('36');
    await frame.locator('.match-panel select').selectOption('cosine');
    await frame.locator('button.find-matches').click();
    await frame.locator('.match-panel:not([data-busy])').waitFor({ timeout: 60_000 });
    const rows = () =>
      frame.locator('.match-list button.match').evaluateAll((bs) => bs.map((b) => b.dataset.row));
    const before = await rows();
    assert.ok(before.length > 0, 'cosine similarity always ranks some ranges');
    const target = await frame.locator('.saliency-view').getAttribute('data-target');
    const slider = frame.locator('.slider input[type=range]');
    const back =
      Number(await slider.inputValue()) > 0 ? ['ArrowLeft', 'ArrowRight'] : ['ArrowRight', 'ArrowLeft'];
    // One window over (and back after, so the next test meets the window it expects).
    const move = async (key, from) => {
      await slider.focus();
      await slider.press(key);
      // The report for the new window has arrived once the saliency is for another target row.
      await frame
        .locator(`.saliency-view:not([data-target="${from}"])`)
        .waitFor({ state: 'attached', timeout: 60_000 });
      await frame.locator('.match-panel:not([data-busy])').waitFor({ timeout: 60_000 });
    };
    await move(back[0], target);
    assert.deepStrictEqual(await rows(), before);
    assert.deepStrictEqual(
      [await inputs.nth(0).inputValue(), await inputs.nth(1).inputValue()],
      ['30', '36'],
    );
    await move(back[1], await frame.locator('.saliency-view').getAttribute('data-target'));
    assert.strictEqual(await frame.locator('.saliency-view').getAttribute('data-target'), target);
  });

  it('sorts the heatmap rows by meaning and brushes a range by keyboard (Shift+arrows, Enter)', async () => {
    const frame = await frameWithModel();
    const canvas = frame.locator('canvas.hm-canvas');
    const sort = frame.locator('input.sort-by-meaning');
    await sort.focus();
    await sort.press('Space');
    const order = ((await canvas.getAttribute('data-row-order')) ?? '').split(',').map(Number);
    assert.deepStrictEqual(
      [...order].sort((a, b) => a - b),
      [0, 1, 2, 3, 4, 5],
      `row order ${order}`,
    );
    await canvas.focus();
    await canvas.press('Home');
    await canvas.press('ArrowRight');
    for (let i = 0; i < 3; i++) await canvas.press('Shift+ArrowRight');
    assert.strictEqual(await canvas.getAttribute('data-brush'), '1:4');
    assert.match((await frame.locator('.hm-live').first().textContent()) ?? '', /2–5/);
    await canvas.press('Enter');
    const start = Number(await frame.locator('.content').getAttribute('data-start'));
    const inputs = frame.locator('.match-panel input[type=number]');
    assert.strictEqual(await inputs.nth(0).inputValue(), String(start + 1));
    assert.strictEqual(await inputs.nth(1).inputValue(), String(start + 5));
    await frame.locator('.match-list button.match').first().waitFor({ timeout: 60_000 });
    await vs.screenshot('explain-keyboard-brush');
    await sort.focus();
    await sort.press('Space');
    assert.strictEqual(await canvas.getAttribute('data-row-order'), '');
  });
});
