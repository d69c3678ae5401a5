/* global window, MutationObserver */
// Season removal in the training panel: the form offers the choice, and the summary says what training did with the
// season (here 'on', from the setting) in one line; with 'auto' chosen in the form, the status line says which of the
// two candidates each epoch trains.
import assert from 'node:assert';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'mocha';
import { useWorkbench } from './harness.mjs';
import { panelFrame, trainFromMenu } from './panel.mjs';

/** The fixture workspace plus a monthly season on a flat level (a deterministic wobble gives the scaler a spread). */
function seasonalWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'seqlab-deseason-ui-'));
  cpSync(join(dirname(fileURLToPath(import.meta.url)), '../fixtures/workspace'), dir, { recursive: true });
  const rows = Array.from({ length: 240 }, (_, i) => {
    const month = `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
    return `${month},${(100 * (1 + 0.2 * Math.sin((2 * Math.PI * i) / 12)) + ((i * 7919) % 13) / 26).toFixed(4)}`;
  });
  writeFileSync(join(dir, 'season12.csv'), ['month,sales', ...rows].join('\n') + '\n');
  return dir;
}

describe('Season removal in the training panel', function () {
  this.timeout(240_000);
  const vs = useWorkbench({
    workspace: seasonalWorkspace(),
    settings: {
      'seqlab.training.epochs': 5,
      'seqlab.training.units': 4,
      'seqlab.training.patience': 0,
      'seqlab.training.deseasonalize': 'on',
      // One differencing candidate: this test counts the season candidates' epochs.
      'seqlab.training.difference': 'first',
      'seqlab.training.transform': 'none',
      'seqlab.training.ensemble': 1,
      'seqlab.evaluateAfterTraining': false,
    },
    theme: null,
  });

  it('shows the setting in the form and says in the summary that the season was removed', async () => {
    await trainFromMenu(vs, 'season12.csv');
    const frame = await panelFrame(vs, 'season12.csv');
    await frame.locator('body[data-state="done"]').waitFor({ timeout: 180_000 });
    assert.strictEqual(await frame.locator('#cfg-deseasonalize').evaluate((e) => e.value), 'on');
    const line = await frame.locator('.summary .deseason').textContent();
    assert.strictEqual(line, 'Season 12 removed before the network.');
  });

  it("says which candidate 'auto' trains while it compares them, and what each scored", async () => {
    const frame = await panelFrame(vs, 'season12.csv');
    // Every text the status line shows, as it changes (it says the state again once training ends).
    // Every text the status line shows, as it changes (a run redraws the panel, and the line says the state again
    // once training ends).
    await frame.locator('body').evaluate((body) => {
      window.statusTexts = [];
      new MutationObserver(() => {
        const text = body.querySelector('p.status')?.textContent;
        if (text && text !== window.statusTexts.at(-1)) window.statusTexts.push(text);
      }).observe(body, { childList: true, characterData: true, subtree: true });
    });
    await frame.locator('#cfg-deseasonalize').click();
    await frame.getByRole('option', { name: 'Auto (the better on validation)' }).click();
    assert.strictEqual(await frame.locator('#cfg-deseasonalize').evaluate((e) => e.value), 'auto');
    await frame.locator('#retrain').click();
    await frame.locator('body[data-state="training"]').waitFor({ timeout: 60_000 });
    await frame.locator('body[data-state="done"]').waitFor({ timeout: 180_000 });
    const texts = await frame.locator('body').evaluate(() => window.statusTexts);
    assert.ok(
      texts.some((t) => /^Epoch 10 of 10 · comparing 2 of 2: season kept · /.test(t)),
      `status lines: ${JSON.stringify(texts)}`,
    );
    assert.ok(
      texts.every((t) => !/^Epoch ([6-9]|10) of 10 · comparing 1 of 2: season removed/.test(t)),
      `the season-free candidate trains first: ${JSON.stringify(texts)}`,
    );
    assert.match(
      (await frame.locator('.summary .deseason').textContent()) ?? '',
      /Multi-step validation MAE: .+ with it removed, .+ with it kept\./,
    );
  });
});
