import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activate, copyFixture, diagnosticsWhen, trainWithCli } from './predictHelpers';

const lines = (d: readonly vscode.Diagnostic[]): number[] =>
  [...new Set(d.map((x) => x.range.start.line + 1))].sort((a, b) => a - b);

describe('Data diagnostics', () => {
  before(activate);

  it('puts each bad cell of a checked file in the Problems panel at its line', async () => {
    const file = copyFixture('bad-cells.csv', 'diag-bad.csv');
    await vscode.commands.executeCommand('seqlab.checkData', file, { silent: true });
    const found = await diagnosticsWhen(file, (d) => d.length > 0);
    // Line 4: an empty value; line 7: "abc" in value; line 10: a repeated date; line 11: the day before it is missing
    // (2024-01-09, which line 10 was meant to be). No other line.
    assert.deepStrictEqual(lines(found), [4, 7, 10, 11]);
    assert.ok(found.every((d) => d.source === 'SeqLab'));
  });

  it('names the column of a bad cell', async () => {
    const file = copyFixture('bad-cells.csv', 'diag-column.csv');
    await vscode.commands.executeCommand('seqlab.checkData', file, { silent: true });
    const found = await diagnosticsWhen(file, (d) => d.length > 0);
    const line7 = found.find((d) => d.range.start.line === 6);
    assert.ok(line7 && line7.message.includes('value'), line7?.message);
  });

  it('clears the problems once the file is fixed and saved', async () => {
    const file = copyFixture('bad-cells.csv', 'diag-fix.csv');
    await vscode.commands.executeCommand('seqlab.checkData', file, { silent: true });
    await diagnosticsWhen(file, (d) => d.length > 0);
    const doc = await vscode.workspace.openTextDocument(file);
    const fixed = doc
      .getText()
      .replace('2024-01-03,\n', '2024-01-03,11.0\n')
      .replace('2024-01-06,abc', '2024-01-06,12.5')
      .replace('2024-01-08,14.0', '2024-01-09,14.0');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(file, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), fixed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await doc.save();
    const after = await diagnosticsWhen(file, (d) => d.length === 0);
    assert.deepStrictEqual(after, []);
  });

  it('re-checks a data file that has a model each time it is saved', async () => {
    const file = copyFixture('sine.csv', 'diag-model.csv');
    await trainWithCli('diag-model.csv', 'rnn');
    const doc = await vscode.workspace.openTextDocument(file);
    const line = doc.lineAt(4);
    const broken = new vscode.WorkspaceEdit();
    broken.replace(file, line.range, line.text.replace(/,.*$/, ',oops'));
    assert.ok(await vscode.workspace.applyEdit(broken));
    await doc.save();
    const found = await diagnosticsWhen(file, (d) => d.length > 0);
    assert.deepStrictEqual(lines(found), [5]);
    const fixed = new vscode.WorkspaceEdit();
    fixed.replace(file, doc.lineAt(4).range, line.text);
    assert.ok(await vscode.workspace.applyEdit(fixed));
    await doc.save();
    assert.deepStrictEqual(await diagnosticsWhen(file, (d) => d.length === 0), []);
  });

  it('finds no problem in a clean file', async () => {
    const file = copyFixture('sine.csv', 'diag-clean.csv');
    const result = (await vscode.commands.executeCommand('seqlab.checkData', file, { silent: true })) as {
      problems: unknown[];
    };
    assert.deepStrictEqual(result.problems, []);
    assert.ok(fs.existsSync(file.fsPath));
  });
});

describe('Data diagnostics setting', () => {
  before(activate);

  it('clears data problems when seqlab.diagnostics.enabled is turned off', async () => {
    const file = copyFixture('bad-cells.csv', 'diag-setting.csv');
    await vscode.commands.executeCommand('seqlab.checkData', file, { silent: true });
    await diagnosticsWhen(file, (d) => d.length > 0);
    const config = vscode.workspace.getConfiguration('seqlab');
    try {
      await config.update('diagnostics.enabled', false, vscode.ConfigurationTarget.Workspace);
      assert.deepStrictEqual(await diagnosticsWhen(file, (d) => d.length === 0), []);
    } finally {
      await config.update('diagnostics.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
