/** `seqlab train` and `seqlab predict` end to end on a small CSV: JSON contracts, exit codes and one-line errors. */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './runCli';
import { DEFAULT_MODEL_FILES } from '../model/helpers';

const QUICK = ['--epochs', '2', '--units', '3', '--window', '4', '--backend', 'cpu'];

describe('seqlab train / predict', () => {
  let dir: string;
  let csv: string;
  let modelDir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'seqlab-cli-'));
    csv = join(dir, 'data.csv');
    modelDir = join(dir, 'model');
    const rows = Array.from({ length: 60 }, (_, i) => (Math.sin(i / 4) * 10 + i / 10).toFixed(4));
    writeFileSync(csv, ['load', ...rows].join('\n') + '\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('train --json prints exactly one JSON object with the contract fields and saves the model', async () => {
    const r = await cli('train', csv, ...QUICK, '--column', 'load', '--out', modelDir, '--json');
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(r.stdout.trim().split('\n').length, 1);
    assert.equal(j.column, 'load');
    assert.equal(j.cell, 'gru');
    assert.equal(j.epochs, 2);
    assert.equal(typeof j.trainSeconds, 'number');
    for (const k of ['mse', 'mae', 'rmse', 'mase']) assert.equal(typeof j.metrics.val[k], 'number');
    for (const k of ['mae', 'mse']) assert.equal(typeof j.baselines.naive[k], 'number');
    assert.equal(j.modelDir, modelDir);
    assert.deepEqual(readdirSync(modelDir).sort(), DEFAULT_MODEL_FILES);
  });

  it('train --time-budget: reports the budget, the windows per epoch and whether the budget cut training', async () => {
    const r = await cli(
      'train',
      csv,
      ...QUICK,
      '--difference',
      'none',
      '--out',
      modelDir,
      '--time-budget',
      '30',
      '--json',
    );
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.budgetSeconds, 30);
    assert.equal(j.budgetCut, false);
    // 60 rows, 20% for validation, window 4: 44 training windows, every one in each epoch.
    assert.deepEqual([j.trainWindows, j.windowsPerEpoch], [44, 44]);
    const bad = await cli('train', csv, '--time-budget', '-1');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--time-budget must be at least 0/);
  });

  it('predict --json gives the next value, its interval and the forecast', async () => {
    const r = await cli(
      'predict',
      csv,
      '--column',
      'load',
      '--model',
      modelDir,
      '--steps',
      '3',
      '--json',
      '--backend',
      'cpu',
    );
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.column, 'load');
    assert.equal(j.forecast.length, 3);
    assert.equal(j.next, j.forecast[0]);
    assert.ok(j.interval[0] <= j.interval[1]);
  });

  it('without --json prints the model vs baselines table', async () => {
    const r = await cli('train', csv, ...QUICK, '--out', join(dir, 'm2'));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /GRU model/);
    assert.match(r.stdout, /seasonal naive/);
    assert.match(r.stdout, /next value/);
  });

  it('records the column and the sha256 of the data file in meta.json', async () => {
    const meta = JSON.parse(readFileSync(join(modelDir, 'meta.json'), 'utf8'));
    assert.match(meta.dataHash, /^[0-9a-f]{64}$/);
    assert.equal(meta.column, 'load');
  });

  it('exits 1 with one line naming the file when there is no model', async () => {
    const r = await cli('predict', csv, '--model', join(dir, 'nothing'));
    assert.equal(r.code, 1);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /data\.csv.*no trained model/);
  });

  it('exits 1 naming the file and column when the model belongs to another column', async () => {
    const other = join(dir, 'other.csv');
    writeFileSync(other, ['temp', ...Array.from({ length: 30 }, (_, i) => String(i % 7))].join('\n') + '\n');
    const r = await cli('predict', other, '--model', modelDir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /other\.csv: .*trained on column "load", not "temp"/);
  });

  it('exits 2 with usage on a bad flag value', async () => {
    const r = await cli('train', csv, '--cell', 'transformer');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--cell must be one of rnn, gru, lstm/);
  });

  it('exits 1 without writing a model when the series is too short for the window', async () => {
    const out = join(dir, 'short');
    const r = await cli('train', csv, '--window', '60', '--backend', 'cpu', '--out', out);
    assert.equal(r.code, 1);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /data\.csv: .*too few for window 60/);
    assert.equal(existsSync(out), false);
  });

  it('--preset seed takes the seed set-up and lets flags override it', async () => {
    const r = await cli(
      'train',
      csv,
      '--preset',
      'seed',
      '--epochs',
      '1',
      '--backend',
      'cpu',
      '--out',
      join(dir, 'seed'),
      '--json',
    );
    assert.equal(r.code, 0, r.stderr);
    const meta = JSON.parse(readFileSync(join(dir, 'seed', 'meta.json'), 'utf8'));
    assert.deepEqual(
      [meta.config.cell, meta.config.units, meta.window, meta.config.epochs],
      ['rnn', 10, 5, 1],
    );
  });
});
