// Predict Next Value on a long-format file's global model as a person meets it: the palette, the series pick with
// "All series" first, and the table of every series, sorted from the keyboard. The model is trained (CLI) before
// code-server starts, so the Models watcher never races the test.
import assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'mocha';
import { repoRoot } from '../../scripts/codeserver/paths.mjs';
import { useWorkbench } from './harness.mjs';

const FILE = 'ui-long.csv';

function train(workspace) {
  copyFileSync(join(repoRoot, 'test', 'fixtures', 'data', 'long.csv'), join(workspace, FILE));
  const args = [
    'train',
    FILE,
    '--column',
    'close',
    '--cell',
    'gru',
    '--units',
    '4',
    '--epochs',
    '2',
    '--json',
  ];
  execFileSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), ...args], {
    cwd: workspace,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('Predict on many series (UI)', function () {
  this.timeout(240_000);
  const vs = useWorkbench({ theme: null, prepare: (_run, { workspace }) => train(workspace) });

  it('offers "All series" first, then each series, and shows the table, sortable with the keyboard', async () => {
    await vs.openFile(FILE);
    await vs.runCommand('SeqLab: Predict Next Value');
    const rows = vs.page.locator('.quick-input-list .monaco-list-row');
    await rows.first().waitFor();
    const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    assert.ok(labels[0].startsWith('All series'), labels.join(' | '));
    assert.deepStrictEqual(
      labels.slice(1).map((l) => l.split(', ')[0]),
      ['AAA', 'BBB', 'CCC'],
    );
    await vs.pickQuickItem('All series');
    const frame = await vs.findWebviewFrame('Forecasts:', { timeoutMs: 60_000 });
    const body = frame.locator('#forecasts tbody tr');
    await body.first().waitFor();
    assert.strictEqual(await body.count(), 3);
    await vs.screenshot('series-forecast-table');
    const nextOf = () =>
      body.evaluateAll((trs) => trs.map((tr) => Number(tr.children[1].getAttribute('data-value'))));
    const heading = frame.locator('thead th').nth(1);
    await heading.locator('button').focus();
    await vs.page.keyboard.press('Enter');
    assert.strictEqual(await heading.getAttribute('aria-sort'), 'ascending');
    const up = await nextOf();
    assert.deepStrictEqual(
      up,
      [...up].sort((a, b) => a - b),
    );
    await vs.page.keyboard.press('Space');
    assert.strictEqual(await heading.getAttribute('aria-sort'), 'descending');
    const down = await nextOf();
    assert.deepStrictEqual(down, [...up].reverse());
  });
});
