import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activate, copyFixture, trainWithCli, writeRandomWalk } from './predictHelpers';

interface Entry {
  dir: vscode.Uri;
  data: vscode.Uri;
  column: string;
  cell: string;
  units?: number;
  better?: string;
}

const refresh = async (): Promise<Entry[]> =>
  (await vscode.commands.executeCommand('seqlab.models.refresh')) as Entry[];

describe('Models tree', () => {
  let modelDir: string;
  let data: vscode.Uri;

  before(async () => {
    await activate();
    data = copyFixture('sine.csv', 'models-sine.csv');
    modelDir = await trainWithCli('models-sine.csv', 'lstm');
  });

  it('lists a trained model as file › column with its cell and units', async () => {
    const entry = (await refresh()).find((m) => m.data.fsPath === data.fsPath);
    assert.ok(entry, 'the model trained on models-sine.csv is not listed');
    assert.deepStrictEqual([entry.column, entry.cell, entry.units], ['value', 'lstm', 4]);
  });

  it('marks a model that a plain method beat on validation, from its meta.json', async () => {
    const file = writeRandomWalk('models-walk.csv', 9).fsPath;
    const dir = await trainWithCli('models-walk.csv', 'gru', ['--difference', 'none', '--combine', 'off']);
    const better = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8')).check?.better;
    assert.ok(better, 'the model is flagged in meta.json');
    const entry = (await refresh()).find((m) => m.data.fsPath === file);
    assert.strictEqual(entry?.better, better);
  });

  it('deletes a model after confirmation, and the tree no longer lists it', async () => {
    const entry = (await refresh()).find((m) => m.data.fsPath === data.fsPath);
    const asked: string[] = [];
    const confirm = async (message: string) => (asked.push(message), true);
    const deleted = await vscode.commands.executeCommand('seqlab.models.delete', entry, { confirm });
    assert.strictEqual(deleted, true);
    assert.strictEqual(asked.length, 1, 'Delete did not ask for confirmation');
    assert.strictEqual(fs.existsSync(modelDir), false);
    assert.strictEqual(
      fs.existsSync(path.dirname(modelDir)),
      false,
      'the emptied data-file folder was left behind',
    );
    assert.ok(fs.existsSync(path.dirname(path.dirname(modelDir))), 'the model root itself must stay');
    assert.strictEqual(
      (await refresh()).some((m) => m.data.fsPath === data.fsPath),
      false,
    );
  });

  it('takes the data file and column from meta.json: a:b.csv and a_b.csv are two models of two files', async () => {
    const colon = copyFixture('sine.csv', 'models-a:b.csv');
    const under = copyFixture('sine.csv', 'models-a_b.csv');
    const dirs = [await trainWithCli('models-a:b.csv'), await trainWithCli('models-a_b.csv')];
    assert.notStrictEqual(dirs[0], dirs[1]);
    const entries = await refresh();
    for (const [i, file] of [colon, under].entries()) {
      const mine = entries.filter((m) => m.data.fsPath === file.fsPath);
      assert.deepStrictEqual(
        mine.map((m) => [m.dir.fsPath, m.column]),
        [[dirs[i], 'value']],
      );
    }
  });

  it('does not list the temp and backup folders a save leaves beside a model', async () => {
    const file = copyFixture('sine.csv', 'models-leftovers.csv');
    const dir = await trainWithCli('models-leftovers.csv');
    for (const name of ['.value.tmp-1-abc', '.value.old-1-abc'])
      fs.cpSync(dir, path.join(path.dirname(dir), name), { recursive: true });
    const mine = (await refresh()).filter((m) => m.data.fsPath === file.fsPath);
    assert.deepStrictEqual(
      mine.map((m) => m.dir.fsPath),
      [dir],
    );
  });

  it('keeps the model when the confirmation is declined', async () => {
    const file = copyFixture('sine.csv', 'models-keep.csv');
    const dir = await trainWithCli('models-keep.csv', 'rnn');
    const entry = (await refresh()).find((m) => m.data.fsPath === file.fsPath);
    const deleted = await vscode.commands.executeCommand('seqlab.models.delete', entry, {
      confirm: async () => false,
    });
    assert.strictEqual(deleted, false);
    assert.ok(fs.existsSync(dir));
  });

  it('lists a model whose meta.json is over the loader cap as too large, without reading it', async () => {
    const file = copyFixture('sine.csv', 'models-huge.csv');
    const dir = await trainWithCli('models-huge.csv', 'gru');
    const metaFile = path.join(dir, 'meta.json');
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Record<string, unknown>;
    // 5 MB: over LIMITS.metaJson (4 MB); still valid JSON naming the file and column, so only the cap can hide it.
    fs.writeFileSync(metaFile, JSON.stringify({ ...meta, padding: 'x'.repeat(5 << 20) }));
    const rows = (await vscode.commands.executeCommand('seqlab._modelsTreeItems')) as {
      dir: string;
      label: string;
      description: string;
    }[];
    const row = rows.find((r) => r.dir === dir);
    assert.ok(row, 'the model with a large meta.json is not listed');
    assert.match(row.description, /meta\.json too large \(5\.0 MB, limit 4\.0 MB\)/);
    assert.strictEqual(row.label, 'models-huge.csv › value');
    const entry = (await refresh()).find((m) => m.dir.fsPath === dir);
    assert.strictEqual(entry?.data.fsPath, file.fsPath);
    assert.strictEqual(entry?.cell, '?', 'meta.json was read after all');
  });
});
