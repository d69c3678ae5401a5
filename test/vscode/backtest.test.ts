/**
 * Backtests in a real VS Code: the worker request behind "SeqLab: Backtest Model" (progress per fold, Stop), the
 * report kept beside the model (backtest.json), Predict Next Value's ranking and the Models tree's backtest MASE.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activate, predictSilently, trainWithCli } from './predictHelpers';

interface Progress {
  fold: number;
  folds: number;
  model: string;
  epoch?: number;
}
interface Outcome {
  stopped: boolean;
  report?: {
    folds: number;
    horizon: number;
    best: string;
    models: Record<string, { mase: number; perFold: unknown[]; perStep: number[] }>;
  };
  saveError?: string;
}

const MODELS = ['rnn', 'naive', 'seasonalNaive', 'theta', 'arima'];

/**
 * A noisy seasonal series with a trend. (sine.csv repeats exactly every 20 rows, so seasonal naive is perfect there,
 * MASE's scale is zero and every MASE is undefined.)
 */
function noisyCsv(name: string): vscode.Uri {
  const dir = vscode.workspace.workspaceFolders![0].uri.fsPath;
  const rows = Array.from({ length: 160 }, (_, i) =>
    (Math.sin(i / 2) + i / 50 + 0.3 * Math.sin(i * 12.9898) * Math.cos(i * 78.233)).toFixed(5),
  );
  fs.writeFileSync(path.join(dir, name), ['value', ...rows].join('\n') + '\n');
  return vscode.Uri.file(path.join(dir, name));
}

async function backtest(file: vscode.Uri, options: Record<string, unknown>): Promise<Outcome | undefined> {
  return await vscode.commands.executeCommand<Outcome | undefined>(
    'seqlab.backtest',
    { file: file.toString(), column: 'value' },
    { silent: true, ...options },
  );
}

describe('Backtest Model', function () {
  this.timeout(240_000);
  before(activate);

  it('runs in the worker with progress per fold and keeps the report beside the model', async () => {
    const data = noisyCsv('backtest-noisy.csv');
    const modelDir = await trainWithCli('backtest-noisy.csv', 'gru');
    const seen: Progress[] = [];
    const out = await backtest(data, { folds: 3, horizon: 6, onProgress: (p: Progress) => seen.push(p) });
    assert.ok(out?.report, JSON.stringify(out));
    assert.strictEqual(out.stopped, false);
    assert.deepStrictEqual([out.report.folds, out.report.horizon], [3, 6]);
    assert.deepStrictEqual(Object.keys(out.report.models).sort(), [...MODELS].sort());
    assert.strictEqual(out.report.models.rnn.perStep.length, 6);
    // Every fold announced itself, in order, before the next began.
    const folds = [...new Set(seen.map((p) => p.fold))];
    assert.deepStrictEqual(folds, [1, 2, 3], JSON.stringify(seen.slice(0, 20)));
    assert.ok(seen.some((p) => p.model === 'rnn'));
    assert.strictEqual(out.saveError, undefined);
    assert.ok(Number.isFinite(out.report.models.rnn.mase), JSON.stringify(out.report.models.rnn));

    const kept = JSON.parse(fs.readFileSync(path.join(modelDir, 'backtest.json'), 'utf8'));
    assert.strictEqual(kept.best, out.report.best);
    assert.strictEqual(kept.models.rnn.mase, out.report.models.rnn.mase);

    // Predict says how it ranked; when a simpler method won, it is named.
    const predicted = await predictSilently(data);
    assert.match(predicted.ranking, /Last backtest \(3 folds of 6 steps\): rank \d of \d/);
    assert.strictEqual(predicted.backtestBest, out.report.best);
    // The Models tree has it too.
    const entries = (await vscode.commands.executeCommand('seqlab.models.refresh')) as Array<{
      data: vscode.Uri;
      backtest?: { models: { rnn: { mase: number } } };
    }>;
    const entry = entries.find((m) => m.data.fsPath === data.fsPath);
    assert.strictEqual(entry?.backtest?.models.rnn.mase, out.report.models.rnn.mase);
  });

  it('stops between folds when asked, and keeps nothing', async () => {
    const data = noisyCsv('backtest-stop.csv');
    const modelDir = await trainWithCli('backtest-stop.csv', 'rnn');
    const seen: number[] = [];
    const out = await backtest(data, {
      folds: 5,
      horizon: 4,
      onProgress: (p: Progress, stop: () => void) => {
        seen.push(p.fold);
        if (p.fold === 2) stop();
      },
    });
    assert.strictEqual(out?.stopped, true, JSON.stringify(out));
    assert.ok(Math.max(...seen) < 5, `it went on to fold ${Math.max(...seen)}`);
    assert.strictEqual(fs.existsSync(path.join(modelDir, 'backtest.json')), false);
    const predicted = await predictSilently(data);
    assert.match(predicted.ranking, /not been backtested/);
  });

  it('fails with a clear message on a file whose column has too few values', async () => {
    const dir = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const file = path.join(dir, 'backtest-short.csv');
    fs.writeFileSync(
      file,
      ['value', ...Array.from({ length: 12 }, (_, i) => String(i % 3))].join('\n') + '\n',
    );
    await assert.rejects(backtest(vscode.Uri.file(file), { folds: 5, horizon: 12 }), (e: Error) =>
      /backtest-short\.csv|value|values|fold/i.test(e.message),
    );
  });
});
