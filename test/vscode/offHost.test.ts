/** Issue 10, item 4: every parse of a data file runs in the worker; the extension host only applies the answers. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  activate,
  copyFixture,
  diagnosticsWhen,
  fixtureUri,
  trainWithCli,
  workspaceDir,
  type PredictResult,
} from './predictHelpers';

function bundle(name: string): string {
  const ext = vscode.extensions.getExtension('seqlab.seqlab');
  if (!ext) throw new Error('seqlab.seqlab is not installed');
  return fs.readFileSync(path.join(ext.extensionPath, 'dist', name), 'utf8');
}

/** csv-parse's error codes and a message of the data layer's: plain strings that survive minifying. */
const PARSER = /csv-parse|CSV_INVALID_CLOSING_QUOTE|the file is empty/;

describe('The extension host never parses a data file', () => {
  before(activate);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('bundles neither csv-parse nor the data layer into dist/extension.js (dist/worker.js has both)', () => {
    assert.strictEqual(
      PARSER.test(bundle('extension.js')),
      false,
      'the host bundle contains the CSV parser or the data layer',
    );
    assert.ok(PARSER.test(bundle('worker.js')), 'the markers must be found where the parser does live');
    const map = path.join(
      vscode.extensions.getExtension('seqlab.seqlab')!.extensionPath,
      'dist',
      'extension.js.map',
    );
    // Development builds have a source map: it names every module the host bundle holds.
    if (fs.existsSync(map)) {
      const sources: string[] = JSON.parse(fs.readFileSync(map, 'utf8')).sources;
      assert.deepStrictEqual(
        sources.filter((s) => /src\/model\/data\/|csv-parse/.test(s)),
        [],
      );
    }
  });

  it('inserts a new row into a file with unsaved edits, placed after the row the editor shows last', async () => {
    const file = copyFixture('sine.csv', 'offhost-dirty.csv');
    await trainWithCli('offhost-dirty.csv', 'rnn');
    const doc = await vscode.workspace.openTextDocument(file);
    const typed = new vscode.WorkspaceEdit();
    typed.insert(file, doc.positionAt(doc.getText().length), '2024-04-30,0.9511\n');
    assert.ok(await vscode.workspace.applyEdit(typed));
    const before = doc.getText();
    const ui = { show: async () => 'insertRow', askSteps: async () => undefined };
    const result = (await vscode.commands.executeCommand('seqlab.predictNext', file, {
      ui,
    })) as PredictResult;
    assert.strictEqual(result.followUpError, undefined);
    assert.strictEqual(result.inserted, true);
    assert.strictEqual(doc.getText(), `${before}2024-05-01,${result.next.toFixed(4)}\n`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('checks a JSON file in the worker and puts its problems at their lines', async () => {
    const records = [
      '{"t": 1, "v": 1.5}',
      '{"t": 2, "v": "abc"}',
      '{"t": 3, "v": 2.5}',
      ...Array.from({ length: 12 }, (_, i) => `{"t": ${i + 4}, "v": ${i}}`),
    ];
    fs.writeFileSync(path.join(workspaceDir(), 'offhost.jsonl'), records.join('\n') + '\n');
    const file = fixtureUri('offhost.jsonl');
    const result = (await vscode.commands.executeCommand('seqlab.checkData', file, { silent: true })) as {
      rows: number;
      problems: Array<{ line: number }>;
    };
    assert.strictEqual(result.rows, 15);
    assert.deepStrictEqual(
      result.problems.map((p) => p.line),
      [2],
    );
    const found = await diagnosticsWhen(file, (d) => d.length > 0);
    assert.strictEqual(found[0].range.start.line, 1);
  });

  it('lists at most 1000 problems of a file and says how many more there are', async () => {
    // The data layer lists 20 missing cells per column: 80 columns with 30 gaps each are 1,680 problems.
    const cols = Array.from({ length: 80 }, (_, j) => `c${j}`);
    const rows = Array.from({ length: 60 }, (_, i) =>
      cols.map((_, j) => ((i + j) % 2 ? String(i) : '')).join(','),
    );
    fs.writeFileSync(
      path.join(workspaceDir(), 'offhost-many.csv'),
      [cols.join(','), ...rows].join('\n') + '\n',
    );
    const file = fixtureUri('offhost-many.csv');
    const result = (await vscode.commands.executeCommand('seqlab.checkData', file, { silent: true })) as {
      problems: Array<{ message: string }>;
    };
    assert.strictEqual(result.problems.length, 1001);
    assert.match(result.problems[1000].message, /^\d+ more problems are not listed/);
  });
});
