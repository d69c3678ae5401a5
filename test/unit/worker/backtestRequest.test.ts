/** The backtest request against the real worker thread: progress per fold, Stop by runId, backtest.json beside a model. */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerClient } from '../../../src/extension/training/workerClient';
import type { BacktestProgress } from '../../../src/shared/types';

const WORKER = join(__dirname, '../../../src/worker/main.js');
const config = {
  cell: 'gru' as const,
  units: 4,
  window: 5,
  epochs: 2,
  batchSize: 16,
  patience: 0,
  backend: 'cpu' as const,
};

describe('backtest request in the worker', function () {
  this.timeout(120000);
  let dir: string;
  let csv: string;
  let client: WorkerClient;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'seqlab-backtest-worker-'));
    csv = join(dir, 'series.csv');
    const rows = Array.from({ length: 120 }, (_, i) => `${i},${(Math.sin(i / 2) + i / 40).toFixed(5)}`);
    writeFileSync(csv, ['t,value', ...rows].join('\n'));
  });
  beforeEach(() => {
    client = new WorkerClient(WORKER);
  });
  afterEach(() => client.dispose());
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports each fold in order, answers with every model scored, and ends the worker after', async () => {
    const seen: BacktestProgress[] = [];
    const out = await client.backtest(
      { runId: 'b1', source: { path: csv }, column: 'value', config, folds: 3, horizon: 4 },
      (p) => seen.push(p),
    );
    assert.equal(out.stopped, false);
    assert.ok(out.report);
    assert.deepEqual([out.report.folds, out.report.horizon], [3, 4]);
    assert.deepEqual(Object.keys(out.report.models).sort(), [
      'arima',
      'naive',
      'rnn',
      'seasonalNaive',
      'theta',
    ]);
    assert.deepEqual([...new Set(seen.map((p) => p.fold))], [1, 2, 3]);
    assert.ok(seen.every((p) => p.folds === 3));
    await client.settled();
    assert.equal(client.exits, 1, 'the worker stays alive after the backtest');
  });

  it('stops between folds when asked and answers stopped', async () => {
    const folds: number[] = [];
    const out = await client.backtest(
      { runId: 'b2', source: { path: csv }, column: 'value', config, folds: 5, horizon: 4 },
      (p) => {
        folds.push(p.fold);
        if (p.fold === 2) client.stop('b2', false);
      },
    );
    assert.equal(out.stopped, true);
    assert.equal(out.report, undefined);
    assert.ok(Math.max(...folds) < 5, `went on to fold ${Math.max(...folds)}`);
  });

  it('writes backtest.json beside a saved model, and nothing where no model was saved', async () => {
    const modelDir = join(dir, '.seqlab', 'series.csv', 'value');
    const ask = (runId: string) =>
      client.backtest(
        {
          runId,
          source: { path: csv },
          column: 'value',
          config,
          folds: 2,
          horizon: 3,
          modelDir,
          modelBase: dir,
        },
        () => undefined,
      );
    const unsaved = await ask('b3');
    assert.ok(unsaved.report);
    assert.match(unsaved.saveError ?? '', /missing|model/);
    assert.equal(existsSync(join(dir, '.seqlab')), false);

    await new Promise<void>((resolve, reject) =>
      client.train(
        {
          runId: 't1',
          source: { path: csv },
          column: 'value',
          config,
          modelDir,
          modelBase: dir,
          dataFile: 'series.csv',
        },
        (m) =>
          m.type === 'done' ? resolve() : m.type === 'failed' ? reject(new Error(m.message)) : undefined,
      ),
    );
    const saved = await ask('b4');
    assert.ok(saved.report);
    assert.equal(saved.saveError, undefined);
    const kept = JSON.parse(readFileSync(join(modelDir, 'backtest.json'), 'utf8'));
    assert.deepEqual([kept.best, kept.folds, kept.horizon], [saved.report.best, 2, 3]);
  });

  it('fails with a clear message when the series is too short for its folds', async () => {
    await assert.rejects(
      client.backtest(
        { runId: 'b5', source: { path: csv }, column: 'value', config, folds: 50, horizon: 12 },
        () => undefined,
      ),
      /fold|value|horizon/i,
    );
  });
});
