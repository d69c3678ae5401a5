import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, copyFixture, trainWithCli } from './predictHelpers';

interface Rendered {
  cell: string;
  units: number;
  steps: number;
  layers: number;
}

describe('Hidden States view', () => {
  before(activate);

  for (const cell of ['rnn', 'gru', 'lstm'] as const) {
    it(`renders the hidden states of a ${cell} model`, async () => {
      const file = `hidden-${cell}.csv`;
      copyFixture('sine.csv', file);
      const dir = await trainWithCli(file, cell, ['--window', '6']);
      const rendered = (await vscode.commands.executeCommand('seqlab.hiddenStates.showModel', { dir: vscode.Uri.file(dir) })) as Rendered;
      assert.deepStrictEqual(rendered, { cell, units: 4, steps: 6, layers: 1 });
    });
  }

  it('renders every layer of a stacked model', async () => {
    copyFixture('sine.csv', 'hidden-stacked.csv');
    const dir = await trainWithCli('hidden-stacked.csv', 'gru', ['--layers', '2', '--window', '5']);
    const rendered = (await vscode.commands.executeCommand('seqlab.hiddenStates.showModel', { dir: vscode.Uri.file(dir) })) as Rendered;
    assert.strictEqual(rendered.layers, 2);
  });
});
