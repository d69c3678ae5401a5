/** The train command on files of many series and with covariates, in a real VS Code with the real worker. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

interface Outcome {
  runId: string;
  state: string;
  modelDir: string;
  error?: string;
  summary?: {
    metrics: { mae: number };
    perSeries?: Array<{ name: string; rows: number; mase: number; naiveMase: number }>;
  };
}

const SMALL = { cell: 'gru', units: 4, window: 5, epochs: 3, batchSize: 16, patience: 0, seed: 7 };

/** A copy of a data fixture in the test workspace, so its model lands in the workspace's store. */
function copyFixture(name: string): vscode.Uri {
  const dir = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!dir) throw new Error('the suite needs the fixture workspace open');
  const root = vscode.extensions.getExtension('seqlab.seqlab')?.extensionPath;
  if (!root) throw new Error('the SeqLab extension is not installed in this host');
  const to = path.join(dir, `series-${name}`);
  fs.copyFileSync(path.join(root, 'test', 'fixtures', 'data', name), to);
  return vscode.Uri.file(to);
}

async function train(args: Record<string, unknown>): Promise<Outcome> {
  const out = await vscode.commands.executeCommand<Outcome | undefined>('seqlab.train', args);
  assert.ok(out, 'the train command returned nothing');
  assert.strictEqual(out.state, 'done', out.error);
  const report = await vscode.commands.executeCommand<{ webviewErrors: string[] } | undefined>(
    'seqlab._runReport',
    out.runId,
  );
  assert.deepStrictEqual(report?.webviewErrors, [], 'the panel rendered without errors');
  return out;
}

const metaOf = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8'));

describe('Training on many series and covariates', function () {
  this.timeout(180000);

  before(async () => {
    await vscode.extensions.getExtension('seqlab.seqlab')?.activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('trains a long-format file as one global model over every series, saved where the CLI saves it', async () => {
    const uri = copyFixture('long.csv');
    const out = await train({ uri, column: 'close', series: null, config: SMALL });
    assert.strictEqual(path.basename(out.modelDir), 'close');
    const meta = metaOf(out.modelDir);
    assert.strictEqual(meta.seriesColumn, 'symbol');
    const names = (meta.series as Array<{ name: string }>).map((s) => s.name);
    assert.ok(names.length >= 2, `one model over several series, got ${names.join(', ')}`);
    const per = out.summary?.perSeries ?? [];
    assert.deepStrictEqual(
      per.map((s) => s.name),
      names,
      'the panel gets a score for each series the model kept',
    );
    for (const s of per) assert.ok(Number.isFinite(s.mase) && s.rows > 0, JSON.stringify(s));
  });

  it('trains one series of a long-format file into its own folder beside the global one', async () => {
    const uri = copyFixture('long.csv');
    const out = await train({ uri, column: 'close', series: 'AAA', config: SMALL });
    assert.strictEqual(path.basename(out.modelDir), 'close@AAA');
    const meta = metaOf(out.modelDir);
    assert.deepStrictEqual(
      (meta.series as Array<{ name: string }>).map((s) => s.name),
      ['AAA'],
    );
  });

  it('trains with a covariate column as an input (features in meta.json)', async () => {
    const uri = copyFixture('lagged-covariate.csv');
    const out = await train({ uri, column: 'y', features: ['x'], config: SMALL });
    const meta = metaOf(out.modelDir);
    assert.deepStrictEqual(meta.features, ['x']);
    assert.strictEqual(meta.column, 'y');
    assert.ok(Number.isFinite(out.summary?.metrics.mae));
  });
});
