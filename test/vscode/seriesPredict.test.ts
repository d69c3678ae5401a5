/**
 * Predict Next Value, Insert as New Row and the Models tree on models of many series and with covariates, in a real
 * VS Code with the real worker, held to `seqlab predict --json` on the same model and file.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activate, runCli, trainWithCli, workspaceDir, type PredictResult } from './predictHelpers';

const SMALL = { cell: 'gru', units: 4, window: 5, epochs: 3, batchSize: 16, patience: 0, seed: 7 };

interface CliForecast {
  series: string;
  next: number;
  interval: [number, number];
}

interface TreeRow {
  dir: string;
  label: string;
  description: string;
  tooltip: string;
}

/** A copy of a data fixture in the test workspace under a name of this suite's own. */
function copyData(name: string, to: string): vscode.Uri {
  const root = vscode.extensions.getExtension('seqlab.seqlab')?.extensionPath;
  if (!root) throw new Error('the SeqLab extension is not installed in this host');
  const file = path.join(workspaceDir(), to);
  fs.copyFileSync(path.join(root, 'test', 'fixtures', 'data', name), file);
  return vscode.Uri.file(file);
}

async function train(args: Record<string, unknown>): Promise<string> {
  const out = await vscode.commands.executeCommand<{ state: string; modelDir: string; error?: string }>(
    'seqlab.train',
    args,
  );
  assert.strictEqual(out?.state, 'done', out?.error);
  return out.modelDir;
}

/** The rows of the "All series" table as the page holds them: series name and full-precision cells. */
async function tableRows(): Promise<Array<{ series: string; cells: number[] }>> {
  const shown = await vscode.commands.executeCommand<{ title: string; html: string }>(
    'seqlab._forecastTable',
  );
  assert.ok(shown, 'no forecast table was shown');
  const rows = [...shown.html.matchAll(/<tr><th scope="row" data-value="([^"]*)">.*?<\/tr>/g)];
  return rows.map((m) => ({
    series: m[1],
    cells: [...m[0].matchAll(/<td data-value="([^"]*)"/g)].map((c) => (c[1] === '' ? NaN : Number(c[1]))),
  }));
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const noUi = { show: async () => undefined, askSteps: async () => undefined };

describe('Predict on many series and covariates', function () {
  this.timeout(240000);
  let long: vscode.Uri;
  let longModel: string;

  before(async () => {
    await activate();
    long = copyData('long.csv', 'sp-long.csv');
    longModel = await train({ uri: long, column: 'close', series: null, config: SMALL });
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('asks which series, "All series" first, and predicts the one picked as the CLI does', async () => {
    let offered: string[] = [];
    let shown = '';
    const ui = {
      ...noUi,
      show: async (message: string) => ((shown = message), undefined),
      pickSeries: async (names: string[]) => ((offered = names), 'BBB'),
    };
    const ours = (await vscode.commands.executeCommand('seqlab.predictNext', long, { ui })) as PredictResult;
    assert.deepStrictEqual(offered, ['AAA', 'BBB', 'CCC']);
    assert.strictEqual(ours.series, 'BBB');
    assert.ok(shown.startsWith('sp-long.csv › close · BBB: next '), shown);
    const cli = await runCli(['predict', 'sp-long.csv', '--model', longModel, '--series', 'BBB']);
    assert.strictEqual(cli.series, 'BBB');
    assert.ok(near(ours.next, Number(cli.next)), `extension ${ours.next} vs CLI ${String(cli.next)}`);
    const [lo, hi] = cli.interval as [number, number];
    assert.ok(near(ours.interval[0], lo) && near(ours.interval[1], hi), `${ours.interval} vs ${lo},${hi}`);
  });

  it('"All series" shows a table whose rows are the CLI\'s forecasts, and lists the series it skipped', async () => {
    const ui = { ...noUi, pickSeries: async () => null };
    const ours = (await vscode.commands.executeCommand('seqlab.predictNext', long, { ui })) as PredictResult;
    const cli = await runCli(['predict', 'sp-long.csv', '--model', longModel]);
    const expected = cli.forecasts as CliForecast[];
    const rows = await tableRows();
    assert.deepStrictEqual(
      rows.map((r) => r.series),
      expected.map((f) => f.series),
    );
    rows.forEach((r, i) => {
      const f = expected[i];
      const [next, low, high] = r.cells;
      assert.ok(
        near(next, f.next) && near(low, f.interval[0]) && near(high, f.interval[1]),
        `${r.series}: table ${r.cells.join(', ')} vs CLI ${f.next}, ${f.interval.join(', ')}`,
      );
    });
    assert.deepStrictEqual(
      ours.skipped?.map((s) => s.name),
      (cli.skipped as Array<{ name: string }>).map((s) => s.name),
    );
  });

  it('Insert as New Row appends one row per series (key, its next date, value) and undoes in one step', async () => {
    const file = copyData('long.csv', 'sp-long-insert.csv');
    await train({ uri: file, column: 'close', series: null, config: SMALL });
    const original = fs.readFileSync(file.fsPath, 'utf8');
    const ui = { ...noUi, show: async () => 'insertRow' };
    const result = (await vscode.commands.executeCommand('seqlab.predictNext', file, {
      ui,
      allSeries: true,
    })) as PredictResult;
    assert.strictEqual(result.followUpError, undefined);
    assert.strictEqual(result.inserted, true);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file.fsPath);
    assert.ok(doc, 'the data file is open in an editor');
    const expected = (result.forecasts ?? [])
      .map((f) => `2015-05-01,${f.series},${f.next.toFixed(3)}\n`)
      .join('');
    assert.strictEqual(doc.getText().slice(original.length), expected);
    assert.strictEqual(result.forecasts?.length, 3);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), original);
  });

  it("Insert as New Row for one series appends only that series' row", async () => {
    const file = copyData('long.csv', 'sp-long-one.csv');
    await train({ uri: file, column: 'close', series: null, config: SMALL });
    const original = fs.readFileSync(file.fsPath, 'utf8');
    const ui = { ...noUi, show: async () => 'insertRow' };
    const result = (await vscode.commands.executeCommand('seqlab.predictNext', file, {
      ui,
      series: 'CCC',
    })) as PredictResult;
    assert.strictEqual(result.inserted, true, result.followUpError);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file.fsPath);
    assert.strictEqual(doc?.getText().slice(original.length), `2015-05-01,CCC,${result.next.toFixed(3)}\n`);
  });

  it("a wide model inserts one row with every column's value", async () => {
    const file = copyData('wide.csv', 'sp-wide.csv');
    await trainWithCli('sp-wide.csv', 'gru', ['--columns', 'north,south,east']);
    const original = fs.readFileSync(file.fsPath, 'utf8');
    const ui = { ...noUi, show: async () => 'insertRow' };
    const result = (await vscode.commands.executeCommand('seqlab.predictNext', file, {
      ui,
      allSeries: true,
    })) as PredictResult;
    assert.strictEqual(result.inserted, true, result.followUpError);
    const by = Object.fromEntries((result.forecasts ?? []).map((f) => [f.series, f.next.toFixed(3)]));
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file.fsPath);
    const last = original.trimEnd().split('\n').pop() ?? '';
    assert.ok(last.startsWith('2015-04-30,'), last);
    assert.strictEqual(
      doc?.getText().slice(original.length),
      `2015-05-01,${by.north},${by.south},${by.east}\n`,
    );
  });

  it('predicts with a covariate model (the single-column read gave no finite forecast) as the CLI does', async () => {
    const file = copyData('lagged-covariate.csv', 'sp-covariate.csv');
    const dir = await train({ uri: file, column: 'y', features: ['x'], config: SMALL });
    const ours = (await vscode.commands.executeCommand('seqlab.predictNext', file, {
      silent: true,
    })) as PredictResult;
    const cli = await runCli(['predict', 'sp-covariate.csv', '--model', dir]);
    assert.strictEqual(ours.series, undefined);
    assert.ok(near(ours.next, Number(cli.next)), `extension ${ours.next} vs CLI ${String(cli.next)}`);
    const rows = (await vscode.commands.executeCommand('seqlab._modelsTreeItems')) as TreeRow[];
    const row = rows.find((r) => r.dir === dir);
    assert.strictEqual(row?.label, 'sp-covariate.csv › y + x', 'the Models tree names the covariate');
    assert.ok(row?.tooltip.includes('x'));
  });

  it('the Models tree names the series, the tooltip lists them, and a one-series model predicts its series', async () => {
    const one = await train({ uri: long, column: 'close', series: 'AAA', config: SMALL });
    const rows = (await vscode.commands.executeCommand('seqlab._modelsTreeItems')) as TreeRow[];
    const row = (dir: string) => rows.find((r) => r.dir === dir);
    assert.strictEqual(row(longModel)?.label, 'sp-long.csv › close · 3 series');
    assert.strictEqual(row(one)?.label, 'sp-long.csv › close · AAA');
    for (const name of ['AAA', 'BBB', 'CCC']) assert.ok(row(longModel)?.tooltip.includes(name), name);
    // The model of one series forecasts that series without asking.
    const ours = (await vscode.commands.executeCommand(
      'seqlab.predictNext',
      { dir: vscode.Uri.file(one) },
      { silent: true },
    )) as PredictResult;
    const cli = await runCli(['predict', 'sp-long.csv', '--model', one, '--series', 'AAA']);
    assert.strictEqual(ours.series, 'AAA');
    assert.ok(near(ours.next, Number(cli.next)), `extension ${ours.next} vs CLI ${String(cli.next)}`);
  });
});
