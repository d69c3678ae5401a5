/**
 * The Hidden States view on a global model (long.csv) and a covariate model (lagged-covariate.csv): it probes and
 * explains the series asked for, read as the model was trained, and its report equals `seqlab explain --series`.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activate, runCli, trainWithCli, workspaceDir } from './predictHelpers';

interface Shown {
  steps: number;
  state: string;
  series?: string;
  seriesNames?: string[];
  start?: number;
  explained?: {
    series?: string;
    seriesLength: number;
    report: {
      saliency: {
        value: number[];
        peakLag: number;
        covariates?: Array<{ feature: string; value: number[] }>;
      };
      units: unknown[];
    };
  };
}

/** A data fixture copied into the workspace, so its model lands in the workspace's store. */
function copyData(name: string, to: string): string {
  const root = vscode.extensions.getExtension('seqlab.seqlab')?.extensionPath;
  if (!root) throw new Error('the SeqLab extension is not installed in this host');
  fs.copyFileSync(path.join(root, 'test', 'fixtures', 'data', name), path.join(workspaceDir(), to));
  return to;
}

const near = (a: number[], b: number[]) =>
  a.every((x, i) => Math.abs(x - b[i]) <= 1e-9 * (1 + Math.abs(b[i])));

describe('Hidden States view on many series and covariates', () => {
  before(activate);

  it('probes and explains one series of a global model as seqlab explain --series does', async () => {
    const file = copyData('long.csv', 'hidden-long.csv');
    const dir = await trainWithCli(file, 'gru', ['--window', '6', '--difference', 'none']);
    const shown = (await vscode.commands.executeCommand('seqlab.hiddenStates.showSeries', {
      dir: vscode.Uri.file(dir),
      series: 'BBB',
    })) as Shown;
    assert.strictEqual(shown.state, 'done');
    assert.strictEqual(shown.series, 'BBB');
    assert.deepStrictEqual(shown.seriesNames?.slice(0, 2), ['AAA', 'BBB']);
    // The view's saliency is that of the window it shows: the latest of BBB's own rows, not of the whole file.
    const cli = (await runCli(['explain', file, '--series', 'BBB', '--window-at', String(shown.start)])) as {
      series: string;
      rows: [number, number];
      saliencyMode: string;
      saliency: Array<{ value: number }>;
    };
    assert.deepStrictEqual([cli.series, cli.saliencyMode], ['BBB', 'window']);
    assert.strictEqual(shown.start, cli.rows[1] + 1 - 6);
    const e = shown.explained;
    assert.ok(e, 'an explain report');
    assert.strictEqual(e.series, 'BBB');
    assert.strictEqual(e.seriesLength, cli.rows[1] + 1);
    const want = cli.saliency.map((s) => s.value);
    assert.ok(near(e.report.saliency.value, want), `${e.report.saliency.value} vs ${want}`);
    assert.strictEqual(e.report.units.length, 4);

    const other = (await vscode.commands.executeCommand('seqlab.hiddenStates.showSeries', {
      dir: vscode.Uri.file(dir),
      series: 'AAA',
    })) as Shown;
    assert.strictEqual(other.explained?.series, 'AAA');
    assert.ok(!near(other.explained.report.saliency.value, want), 'AAA is explained on its own values');
  });

  it('explains a covariate model with a saliency row for its feature', async () => {
    const file = copyData('lagged-covariate.csv', 'hidden-lagged.csv');
    const dir = await trainWithCli(file, 'gru', [
      '--column',
      'y',
      '--features',
      'x',
      '--window',
      '8',
      '--difference',
      'none',
    ]);
    const shown = (await vscode.commands.executeCommand('seqlab.hiddenStates.showSeries', {
      dir: vscode.Uri.file(dir),
    })) as Shown;
    assert.strictEqual(shown.state, 'done');
    const cov = shown.explained?.report.saliency.covariates;
    assert.deepStrictEqual(
      cov?.map((c) => [c.feature, c.value.length]),
      [['x', 8]],
    );
  });
});
