/** `seqlab backtest` end to end on a small CSV: the JSON contract, the table and verdict, exit codes, backtest.json. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './runCli';
import { loadBacktest, placeOfFolder } from '../../../src/model';

const QUICK = ['--epochs', '2', '--units', '3', '--backend', 'cpu'];
const MODELS = ['rnn', 'naive', 'seasonalNaive', 'theta', 'arima'];

describe('seqlab backtest', () => {
  let dir: string;
  let csv: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'seqlab-bt-'));
    csv = join(dir, 'data.csv');
    const rows = Array.from({ length: 80 }, (_, i) =>
      (50 + 8 * Math.sin((2 * Math.PI * i) / 8) + i / 5).toFixed(4),
    );
    writeFileSync(csv, ['load', ...rows].join('\n') + '\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--json prints one object with the contract fields; progress per fold goes to stderr', async () => {
    const out = join(dir, 'bt');
    const r = await cli('backtest', csv, ...QUICK, '--folds', '3', '--horizon', '4', '--out', out, '--json');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim().split('\n').length, 1);
    const j = JSON.parse(r.stdout);
    assert.equal(j.column, 'load');
    assert.equal(j.folds, 3);
    assert.equal(j.horizon, 4);
    assert.equal(typeof j.season, 'number');
    assert.deepEqual(Object.keys(j.models).sort(), [...MODELS].sort());
    for (const k of MODELS) {
      for (const f of ['mae', 'rmse', 'smape', 'mase', 'coverage', 'perFold', 'perStep'])
        assert.ok(f in j.models[k], `${k}.${f}`);
      assert.equal(j.models[k].perFold.length, 3);
      assert.equal(j.models[k].perStep.length, 4);
    }
    assert.ok(MODELS.includes(j.best));
    assert.match(r.stderr, /fold 1\/3[\s\S]*fold 3\/3/);
    const saved = await loadBacktest(placeOfFolder(out));
    assert.equal(saved?.best, j.best);
  });

  it('prints a table of models × metrics with the best marked and a plain verdict', async () => {
    const r = await cli('backtest', csv, ...QUICK, '--folds', '2', '--horizon', '8');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /GRU network/);
    assert.match(r.stdout, /Theta/);
    assert.match(r.stdout, /← best/);
    assert.match(r.stdout, /^GRU (beats|loses to) .*%/m);
  });

  it('says in one line when the file is too short for the folds, exit 1', async () => {
    const r = await cli('backtest', csv, ...QUICK, '--folds', '10', '--horizon', '8');
    assert.equal(r.code, 1);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /data\.csv.*fewer folds/);
  });

  it('backtests one series of a long file with --series, scored on that series alone', async () => {
    const long = join(__dirname, '../../../../test/fixtures/data/long.csv');
    const lines = readFileSync(long, 'utf8').trim().split('\n');
    const alone = join(dir, 'bbb.csv');
    writeFileSync(
      alone,
      [
        'date,close',
        ...lines.filter((l) => l.split(',')[1] === 'BBB').map((l) => l.replace(',BBB,', ',')),
      ].join('\n'),
    );
    const args = ['--folds', '2', '--horizon', '3', ...QUICK, '--json'];
    const keyed = await cli('backtest', long, '--series', 'BBB', ...args);
    assert.equal(keyed.code, 0, keyed.stderr);
    const single = await cli('backtest', alone, ...args);
    assert.equal(single.code, 0, single.stderr);
    const a = JSON.parse(keyed.stdout);
    const b = JSON.parse(single.stdout);
    assert.deepEqual(a.models.naive, b.models.naive);
    assert.deepEqual(a.models.theta, b.models.theta);
  });

  it('refuses a keyed file without --series, naming the series, and a bad --folds as a usage error', async () => {
    const long = join(__dirname, '../../../../test/fixtures/data/long.csv');
    const r = await cli('backtest', long, ...QUICK);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /AAA/);
    assert.equal((await cli('backtest', csv, '--folds', '0')).code, 2);
  });
});
