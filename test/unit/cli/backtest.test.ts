/** `seqlab backtest` end to end on a small CSV: the JSON contract, the table and verdict, exit codes, backtest.json. */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  describe("--out follows train --out's rule, checked before any work", () => {
    let work: string;
    let data: string;
    const before = () =>
      new Map(readdirSync(work, { recursive: true }).map((n) => [String(n), read(String(n))]));
    const read = (n: string) => {
      try {
        return readFileSync(join(work, n), 'utf8');
      } catch {
        return '(folder)';
      }
    };
    /** A quick two-fold backtest of the data file with --out. */
    const backtestInto = (out: string) =>
      cli('backtest', data, ...QUICK, '--folds', '2', '--horizon', '4', '--out', out, '--json');
    /** Runs the backtest with --out; it must exit 1 on one line naming `names`, with no fold run and no file changed. */
    async function refused(out: string, names: RegExp): Promise<void> {
      const snapshot = before();
      const r = await backtestInto(out);
      assert.equal(r.code, 1, r.stderr);
      assert.equal(r.stdout, '');
      assert.doesNotMatch(r.stderr, /backtest: fold/, 'refused before the backtest ran');
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, names);
      assert.deepEqual(before(), snapshot);
    }
    beforeEach(() => {
      work = mkdtempSync(join(tmpdir(), 'seqlab-bt-out-'));
      // A data file named like the report, as in the issue: `backtest backtest.json --out .`.
      data = join(work, 'backtest.json');
      const values = Array.from({ length: 60 }, (_, i) => ({ v: 50 + 8 * Math.sin(i / 2) }));
      writeFileSync(data, JSON.stringify(values));
      mkdirSync(join(work, '.git'));
      writeFileSync(join(work, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    });
    afterEach(() => rmSync(work, { recursive: true, force: true }));

    it("refuses the data file's own folder and .git", async () => {
      await refused(work, /holds no SeqLab model \(no meta\.json\) or backtest; refusing/);
      await refused(join(work, '.git'), /\.git: is not empty and holds no SeqLab model/);
    });

    it('refuses a data file, a backtest.json SeqLab did not write, and a folder named backtest.json', async () => {
      await refused(data, /backtest\.json: is a file, not a model folder/);
      mkdirSync(join(work, 'mine'));
      writeFileSync(join(work, 'mine', 'backtest.json'), '{"mine": true}\n');
      writeFileSync(join(work, 'mine', 'meta.json'), '{}\n');
      await refused(join(work, 'mine'), /mine.backtest\.json: was not written by SeqLab/);
      mkdirSync(join(work, 'dir', 'backtest.json'), { recursive: true });
      await refused(join(work, 'dir'), /dir.backtest\.json: is not a file; refusing to replace it/);
    });

    it('writes into a new folder, and replaces its own backtest.json there', async () => {
      const out = join(work, 'reports');
      for (let i = 0; i < 2; i++) {
        const r = await backtestInto(out);
        assert.equal(r.code, 0, r.stderr);
      }
      assert.deepEqual(readdirSync(out), ['backtest.json']);
    });
  });

  it('refuses a keyed file without --series, naming the series, and a bad --folds as a usage error', async () => {
    const long = join(__dirname, '../../../../test/fixtures/data/long.csv');
    const r = await cli('backtest', long, ...QUICK);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /AAA/);
    assert.equal((await cli('backtest', csv, '--folds', '0')).code, 2);
  });
});
