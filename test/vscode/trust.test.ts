import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  activate,
  copyFixture,
  diagnosticsWhen,
  predictSilently,
  trainWithCli,
  workspaceDir,
} from './predictHelpers';

interface Entry {
  dir: vscode.Uri;
  data: vscode.Uri;
}

const restricted = (on: boolean) => vscode.commands.executeCommand('seqlab._simulateRestrictedMode', on);
const refresh = async (): Promise<Entry[]> =>
  (await vscode.commands.executeCommand('seqlab.models.refresh')) as Entry[];

describe('Workspace Trust', () => {
  let data: vscode.Uri;
  let modelDir: string;

  before(async () => {
    await activate();
    data = copyFixture('sine.csv', 'trust-sine.csv');
    modelDir = await trainWithCli('trust-sine.csv', 'rnn');
  });

  afterEach(() => restricted(false));

  it('refuses Delete Model called by id in Restricted Mode, even with a confirmation at hand', async () => {
    const entry = (await refresh()).find((m) => m.data.fsPath === data.fsPath);
    assert.ok(entry);
    await restricted(true);
    const deleted = await vscode.commands.executeCommand('seqlab.models.delete', entry, {
      confirm: async () => true,
    });
    assert.strictEqual(deleted, false);
    assert.ok(fs.existsSync(modelDir), 'the model folder was removed in Restricted Mode');
  });

  it('still predicts with a model of a file the user picks in Restricted Mode', async () => {
    await restricted(true);
    const result = await predictSilently(data);
    assert.ok(Number.isFinite(result.next));
  });

  it('checks a data file the user names in Restricted Mode', async () => {
    const bad = copyFixture('bad-cells.csv', 'trust-bad.csv');
    await restricted(true);
    await vscode.commands.executeCommand('seqlab.checkData', bad, { silent: true });
    const found = await diagnosticsWhen(bad, (d) => d.length > 0);
    assert.ok(found.some((d) => d.range.start.line === 6));
  });

  it('ignores a workspace setting that moves the model folder in Restricted Mode', async () => {
    const config = vscode.workspace.getConfiguration('seqlab');
    await config.update('modelDirectory', 'elsewhere', vscode.ConfigurationTarget.Workspace);
    try {
      const trusted = await refresh();
      assert.ok(
        !trusted.some((m) => m.data.fsPath === data.fsPath),
        'the trusted setting should point away from .seqlab',
      );
      await restricted(true);
      const listed = await refresh();
      assert.ok(
        listed.some((m) => m.data.fsPath === data.fsPath),
        'Restricted Mode must keep models in .seqlab',
      );
    } finally {
      await config.update('modelDirectory', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('ignores workspace training settings in Restricted Mode, so a cloned repository cannot set the cost', async () => {
    const config = vscode.workspace.getConfiguration('seqlab');
    await config.update('training.epochs', 3, vscode.ConfigurationTarget.Workspace);
    /** The epoch count the first epoch reports; the run is cancelled right after it. */
    const epochsOfARun = async (): Promise<number | undefined> => {
      const cancel = new vscode.CancellationTokenSource();
      let epochs: number | undefined;
      const onEvent = (m: { type: string; report?: { epochs: number } }) => {
        if (m.type !== 'epoch' || epochs !== undefined) return;
        epochs = m.report?.epochs;
        cancel.cancel();
      };
      const small = { units: 4, window: 5, batchSize: 16, patience: 0, backend: 'cpu', seed: 7 };
      await vscode.commands.executeCommand('seqlab.train', {
        uri: data,
        column: 'value',
        restart: true,
        config: small,
        cancel: cancel.token,
        onEvent,
      });
      return epochs;
    };
    try {
      assert.strictEqual(await epochsOfARun(), 3, 'a trusted workspace setting applies');
      await restricted(true);
      assert.strictEqual(await epochsOfARun(), 100, 'Restricted Mode must fall back to the default');
    } finally {
      await config.update('training.epochs', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('refuses a model whose weights point outside its folder', async () => {
    const evil = copyFixture('sine.csv', 'trust-evil.csv');
    const dir = path.join(workspaceDir(), '.seqlab', 'trust-evil.csv', 'value');
    fs.cpSync(modelDir, dir, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
    manifest.weightsManifest[0].paths = ['../../../trust-sine.csv'];
    fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(manifest));
    // The catalog takes the data file from meta.json, so the planted copy names the file it claims to model.
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8'));
    fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify({ ...meta, dataFile: 'trust-evil.csv' }));
    await assert.rejects(predictSilently(evil), /leaves the model folder/);
  });
});
