import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, copyFixture, trainWithCli } from './predictHelpers';

interface Rendered {
  cell: string;
  units: number;
  steps: number;
  layers: number;
  state: string;
}

describe('Hidden States view', () => {
  before(activate);

  for (const cell of ['rnn', 'gru', 'lstm'] as const) {
    it(`renders the hidden states of a ${cell} model`, async () => {
      const file = `hidden-${cell}.csv`;
      copyFixture('sine.csv', file);
      const dir = await trainWithCli(file, cell, ['--window', '6']);
      const rendered = (await vscode.commands.executeCommand('seqlab.hiddenStates.showModel', {
        dir: vscode.Uri.file(dir),
      })) as Rendered;
      assert.deepStrictEqual(rendered, { cell, units: 4, steps: 6, layers: 1, state: 'done' });
    });
  }

  it('renders every layer of a stacked model', async () => {
    copyFixture('sine.csv', 'hidden-stacked.csv');
    const dir = await trainWithCli('hidden-stacked.csv', 'gru', ['--layers', '2', '--window', '5']);
    const rendered = (await vscode.commands.executeCommand('seqlab.hiddenStates.showModel', {
      dir: vscode.Uri.file(dir),
    })) as Rendered;
    assert.strictEqual(rendered.layers, 2);
  });

  it('follows a model live while it retrains', async () => {
    const file = copyFixture('sine.csv', 'hidden-live.csv');
    const dir = await trainWithCli('hidden-live.csv', 'rnn', ['--window', '6']);
    let firstEpoch: () => void = () => undefined;
    const epochSeen = new Promise<void>((resolve) => (firstEpoch = resolve));
    const onEvent = (m: { type: string }) => m.type === 'epoch' && firstEpoch();
    // Far more epochs than the test needs, cancelled at the end: the run must still be going when the view looks. The
    // kernel runs ~2,000 epochs a second of a 4-unit net here, and a flood of epochs would swamp the host; 256 units
    // take tens of milliseconds an epoch.
    const config = { cell: 'rnn', units: 256, window: 6, epochs: 10000, patience: 0 };
    const cancel = new vscode.CancellationTokenSource();
    const training = vscode.commands.executeCommand('seqlab.train', {
      uri: file,
      column: 'value',
      config,
      restart: true,
      onEvent,
      cancel: cancel.token,
    });
    try {
      await epochSeen;
      const rendered = (await vscode.commands.executeCommand('seqlab.hiddenStates.showModel', {
        dir: vscode.Uri.file(dir),
      })) as Rendered;
      assert.strictEqual(rendered.state, 'training');
      assert.strictEqual(rendered.units, config.units);
    } finally {
      cancel.cancel();
      await training;
      cancel.dispose();
    }
  });
});
