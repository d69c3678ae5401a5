import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  activate,
  closeTo,
  copyFixture,
  writeRandomWalk,
  predictSilently,
  runCli,
  trainWithCli,
  type PredictResult,
} from './predictHelpers';

/** The tab model follows the workbench asynchronously: resolve once a matching tab exists. */
function tabWhen(match: (t: vscode.Tab) => boolean): Promise<vscode.Tab> {
  const find = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find(match);
  return new Promise((resolve) => {
    const now = find();
    if (now) return resolve(now);
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      const tab = find();
      if (tab) {
        sub.dispose();
        resolve(tab);
      }
    });
  });
}

describe('Predict Next Value', () => {
  let data: vscode.Uri;

  before(async () => {
    await activate();
    data = copyFixture('sine.csv', 'predict-sine.csv');
    await trainWithCli('predict-sine.csv', 'gru');
  });

  it('returns the same next value and interval as `seqlab predict` for that model and file', async () => {
    const cli = await runCli(['predict', 'predict-sine.csv', '--model', '.seqlab/predict-sine.csv/value']);
    const ours = await predictSilently(data);
    assert.strictEqual(ours.column, 'value');
    assert.ok(closeTo(ours.next, Number(cli.next)), `extension ${ours.next} vs CLI ${String(cli.next)}`);
    const [lo, hi] = cli.interval as [number, number];
    assert.ok(
      closeTo(ours.interval[0], lo) && closeTo(ours.interval[1], hi),
      `${ours.interval} vs ${lo},${hi}`,
    );
  });

  it('reads the file as it is now, using rows appended since training', async () => {
    const before = await predictSilently(data);
    fs.appendFileSync(data.fsPath, '2024-04-30,0.9511\n2024-05-01,0.8090\n');
    const after = await predictSilently(data);
    const cli = await runCli(['predict', 'predict-sine.csv', '--model', '.seqlab/predict-sine.csv/value']);
    assert.ok(closeTo(after.next, Number(cli.next)), `extension ${after.next} vs CLI ${String(cli.next)}`);
    assert.notStrictEqual(after.next, before.next);
  });

  it('refuses a file whose column no longer exists instead of predicting from another one', async () => {
    const original = fs.readFileSync(data.fsPath);
    try {
      fs.writeFileSync(data.fsPath, original.toString('utf8').replace(/^date,value/, 'date,renamed'));
      await assert.rejects(predictSilently(data), /value/);
    } finally {
      fs.writeFileSync(data.fsPath, original);
    }
  });

  it('refuses a file too short for the model window', async () => {
    const short = copyFixture('sine.csv', 'predict-short.csv');
    await trainWithCli('predict-short.csv', 'rnn', ['--window', '8']);
    const lines = fs.readFileSync(short.fsPath, 'utf8').split('\n');
    fs.writeFileSync(short.fsPath, lines.slice(0, 5).join('\n') + '\n');
    await assert.rejects(predictSilently(short));
  });

  it('says a file has no model yet rather than guessing one', async () => {
    const fresh = copyFixture('two-columns.csv', 'predict-untrained.csv');
    await assert.rejects(predictSilently(fresh), /No trained model/);
  });

  it('inserts the forecast as a new row in the file format, and one Undo restores the file byte-for-byte', async () => {
    const file = copyFixture('sine.csv', 'predict-insert.csv');
    await trainWithCli('predict-insert.csv', 'rnn');
    const original = fs.readFileSync(file.fsPath);
    const ui = { show: async () => 'insertRow', askSteps: async () => undefined };
    const result = (await vscode.commands.executeCommand('seqlab.predictNext', file, {
      ui,
    })) as PredictResult;
    assert.strictEqual(result.inserted, true);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file.fsPath);
    assert.ok(doc, 'the data file is open in an editor');
    const added = doc.getText().slice(original.length);
    assert.strictEqual(added, `2024-04-30,${result.next.toFixed(4)}\n`);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), original.toString('utf8'));
    await doc.save();
    assert.ok(fs.readFileSync(file.fsPath).equals(original), 'the file on disk differs from the original');
  });

  it('warns when a plain method beat the model on validation, and forecasts with it in one step', async () => {
    const file = writeRandomWalk('predict-walk.csv', 5);
    await trainWithCli('predict-walk.csv', 'gru', ['--difference', 'none', '--combine', 'off']);
    const shown: Array<{ message: string; actions: string[]; warning?: boolean }> = [];
    const ui = {
      show: async (message: string, actions: Array<{ action: string }>, warning?: boolean) => {
        shown.push({ message, actions: actions.map((a) => a.action), warning });
        return shown.length === 1 ? 'useBetter' : undefined;
      },
      askSteps: async () => undefined,
    };
    const result = (await vscode.commands.executeCommand('seqlab.predictNext', file, {
      ui,
    })) as PredictResult;
    assert.ok(result.better, 'the model is flagged');
    assert.strictEqual(shown[0].warning, true);
    assert.match(shown[0].message, /Warning: .+ forecast better than this model on validation/);
    assert.strictEqual(shown[0].actions[0], 'useBetter');
    assert.strictEqual(result.followUpError, undefined);
    const cli = await runCli([
      'predict',
      'predict-walk.csv',
      '--model',
      '.seqlab/predict-walk.csv/value',
      '--method',
      result.better.method === 'seasonalNaive' ? 'seasonal-naive' : result.better.method,
    ]);
    assert.ok(
      closeTo(result.methodNext ?? NaN, Number(cli.next)),
      `${result.methodNext} vs ${String(cli.next)}`,
    );
    assert.match(shown[1].message, /next/);
  });

  it('leaves the data file untouched when it only predicts', async () => {
    const file = copyFixture('sine.csv', 'predict-readonly.csv');
    await trainWithCli('predict-readonly.csv', 'rnn');
    const original = fs.readFileSync(file.fsPath);
    const ui = { show: async () => undefined, askSteps: async () => undefined };
    await vscode.commands.executeCommand('seqlab.predictNext', file, { ui });
    assert.ok(fs.readFileSync(file.fsPath).equals(original));
  });

  it('opens the model panel for "Forecast N Steps…" with the number of steps asked for', async () => {
    const file = copyFixture('sine.csv', 'predict-steps.csv');
    await trainWithCli('predict-steps.csv', 'rnn');
    let asked = 0;
    const ui = { show: async () => 'forecastSteps', askSteps: async () => (asked++, 5) };
    const result = (await vscode.commands.executeCommand('seqlab.predictNext', file, {
      ui,
    })) as PredictResult;
    assert.strictEqual(result.followUpError, undefined);
    assert.strictEqual(result.action, 'forecastSteps');
    assert.strictEqual(asked, 1);
    const panel = await tabWhen(
      (t) =>
        t.input instanceof vscode.TabInputWebview &&
        t.input.viewType.includes('seqlab.trainingPanel') &&
        t.label.includes('predict-steps.csv'),
    );
    assert.ok(panel, 'no training panel for predict-steps.csv');
  });
});
