/** Season removal from VS Code: the setting's choice reaches training and the panel's summary says what was done. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

interface Summary {
  type: string;
  deseasonalized?: { season: number; method: string; applied: boolean; chosen: string; errors: unknown };
}

describe('Season removal (deseasonalize) in VS Code', function () {
  this.timeout(180000);

  before(async () => {
    await vscode.extensions.getExtension('seqlab.seqlab')?.activate();
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('seqlab')
      .update('training.deseasonalize', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("takes seqlab.training.deseasonalize and reports the season it removed in the panel's summary", async () => {
    const dir = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(dir, 'the suite needs the fixture workspace open');
    // A season of 12 on a flat level, with a little deterministic wobble so the scaler has a spread.
    const rows = Array.from({ length: 240 }, (_, i) =>
      (100 * (1 + 0.2 * Math.sin((2 * Math.PI * i) / 12)) + ((i * 7919) % 13) / 26).toFixed(4),
    );
    const file = path.join(dir, 'season-12.csv');
    fs.writeFileSync(file, ['value', ...rows].join('\n') + '\n');
    await vscode.workspace
      .getConfiguration('seqlab')
      .update('training.deseasonalize', 'on', vscode.ConfigurationTarget.Workspace);
    let summary: Summary | undefined;
    const out = await vscode.commands.executeCommand<{ state: string; error?: string } | undefined>(
      'seqlab.train',
      {
        uri: vscode.Uri.file(file),
        column: 'value',
        config: { units: 4, epochs: 3, batchSize: 16, patience: 0, seed: 7 },
        restart: true,
        onEvent: (m: Summary) => {
          if (m.type === 'summary') summary = m;
        },
      },
    );
    assert.strictEqual(out?.state, 'done', out?.error);
    assert.deepStrictEqual(summary?.deseasonalized, {
      season: 12,
      method: 'add',
      chosen: 'on',
      applied: true,
      errors: null,
    });
  });
});
