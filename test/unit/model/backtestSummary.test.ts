/** backtest.json: a model keeps the summary of its last backtest, only for the save the backtest measured. */
import * as assert from 'node:assert/strict';
import { promises as fs, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { loadModel, saveModel, StoreError, trainModel, type TrainedModel } from '../../../src/model';
import {
  BACKTEST_FILE,
  modelGeneration,
  saveBacktestSummary,
  summarizeBacktest,
} from '../../../src/model/store/backtestSummary';
import type { ModelPlace } from '../../../src/model/store/paths';
import { BacktestSummarySchema } from '../../../src/shared/schema/backtestSummary';
import type { BacktestReport, BacktestScore } from '../../../src/shared/types';
import { series, TINY, useCpu } from './helpers';

const data = series(Array.from({ length: 60 }, (_, i) => Math.sin(i / 3) + 0.05 * i));
const extra = { dataFile: 'data.csv', column: 'value', dataHash: 'abc' };

function score(mase: number, coverage: number | null = 0.8): BacktestScore {
  return { mae: mase * 2, rmse: mase * 3, smape: 10, mase, coverage, perFold: [], perStep: [mase] };
}

const REPORT: BacktestReport = {
  column: 'value',
  folds: 5,
  horizon: 12,
  season: 12,
  level: 0.8,
  cell: 'gru',
  models: {
    rnn: score(0.62, 0.74),
    naive: score(1.4, null),
    seasonalNaive: score(1),
    theta: score(0.585),
    arima: score(Number.NaN, null),
  },
  best: 'theta',
  seconds: 3.5,
};

describe('backtest summary in the model folder', () => {
  let model: TrainedModel;
  let root: string;
  let place: ModelPlace;
  before(async () => {
    await useCpu();
    model = await trainModel(data, { ...TINY, backend: 'cpu' }, {});
  });
  after(() => model.dispose());
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'seqlab-backtest-'));
    place = { base: root, dir: join(root, '.seqlab', 'data.csv', 'value') };
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it('keeps every MASE, the best and the network coverage; a NaN becomes null, as JSON needs', () => {
    const s = summarizeBacktest(REPORT, 'g1', new Date('2026-01-02T03:04:05Z'));
    assert.deepEqual(s.mase, { rnn: 0.62, naive: 1.4, seasonalNaive: 1, theta: 0.585, arima: null });
    assert.equal(s.best, 'theta');
    assert.equal(s.coverage, 0.74);
    assert.equal(s.created, '2026-01-02T03:04:05.000Z');
    assert.ok(v.is(BacktestSummarySchema, JSON.parse(JSON.stringify(s))));
  });

  it('writes backtest.json beside the saved model, which still loads', async () => {
    const meta = await saveModel(place, model, extra);
    const generation = await modelGeneration(place);
    assert.equal(generation, meta.generation);
    await saveBacktestSummary(place, summarizeBacktest(REPORT, generation));
    const written: unknown = JSON.parse(readFileSync(join(place.dir, BACKTEST_FILE), 'utf8'));
    assert.ok(v.is(BacktestSummarySchema, written));
    assert.equal((written as { generation: string }).generation, meta.generation);
    (await loadModel(place)).dispose();
  });

  it('refuses a summary of a save that a retrain has since replaced, and the retrain drops the old file', async () => {
    await saveModel(place, model, extra);
    const before = await modelGeneration(place);
    await saveBacktestSummary(place, summarizeBacktest(REPORT, before));
    await saveModel(place, model, extra);
    assert.equal(existsSync(join(place.dir, BACKTEST_FILE)), false, 'a retrain keeps a stale backtest');
    await assert.rejects(saveBacktestSummary(place, summarizeBacktest(REPORT, before)), StoreError);
    assert.equal(existsSync(join(place.dir, BACKTEST_FILE)), false);
  });

  it('refuses to write where no model was saved', async () => {
    await assert.rejects(saveBacktestSummary(place, summarizeBacktest(REPORT, undefined)), StoreError);
    assert.equal(existsSync(place.dir), false);
  });
});
