/** The plain verdict on a backtest: who the network beats and who beats it, by how much MASE. */
import * as assert from 'node:assert/strict';
import { MAE_NOTE, rankingMetric, verdictOf, verdictText } from '../../../src/shared/backtestVerdict';
import { rankOf, sayVerdict } from '../../../src/shared/verdictWords';
import type { BacktestReport, BacktestScore } from '../../../src/shared/types';

const score = (mase: number): BacktestScore => ({
  mae: 1,
  rmse: 1,
  smape: 1,
  mase,
  coverage: null,
  perFold: [],
  perStep: [],
});
function report(m: Record<string, number>): BacktestReport {
  const models = Object.fromEntries(
    Object.entries(m).map(([k, v]) => [k, score(v)]),
  ) as BacktestReport['models'];
  return {
    column: 'y',
    folds: 5,
    horizon: 12,
    season: 12,
    level: 0.8,
    cell: 'gru',
    models,
    best: 'theta',
    seconds: 1,
  };
}

describe('backtest verdict', () => {
  it('names the strongest model the network beats and the best one that beats it', () => {
    const r = report({ rnn: 0.62, naive: 1.2, seasonalNaive: 1.0, theta: 0.585, arima: 0.7 });
    const v = verdictOf(r);
    assert.equal(v.beats?.model, 'arima');
    assert.ok(Math.abs(v.beats!.percent - 100 * (1 - 0.62 / 0.7)) < 1e-9);
    assert.equal(v.losesTo?.model, 'theta');
    assert.equal(verdictText(r), 'GRU beats AutoARIMA by 11% MASE but loses to Theta by 6.0%');
  });

  it('says so when the network beats everything or nothing, and skips a model without a score', () => {
    assert.match(
      verdictText(report({ rnn: 0.5, naive: 1, seasonalNaive: 0.8, theta: 0.6, arima: NaN })),
      /^GRU beats every other model; .*Theta, by 17% MASE$/,
    );
    assert.equal(
      verdictText(report({ rnn: 2, naive: 1, seasonalNaive: 1, theta: 0.5, arima: 1 })),
      'GRU loses to every other model; the best, Theta, has 75% lower MASE',
    );
  });

  it('leaves out a model that failed on a fold: it was not scored on the same folds', () => {
    const r = report({ rnn: 0.6, naive: 1, seasonalNaive: 0.9, theta: 0.8, arima: 0.4 });
    r.models.arima.perFold = [
      {
        origin: 10,
        mae: NaN,
        rmse: NaN,
        smape: NaN,
        mase: NaN,
        coverage: null,
        forecast: [],
        error: 'no fit',
      },
    ];
    assert.equal(verdictOf(r).losesTo, undefined);
    assert.equal(verdictOf(r).beats?.model, 'theta');
  });

  it('ranks by MAE, and says so, when no model has a finite MASE (seasonal naive exact on the training data)', () => {
    const r = report({ rnn: NaN, naive: NaN, seasonalNaive: Infinity, theta: NaN, arima: NaN });
    const mae = { rnn: 0.2, naive: 0.9, seasonalNaive: 0.1, theta: 0.4, arima: 0.5 };
    for (const [k, v] of Object.entries(mae)) r.models[k as keyof typeof mae].mae = v;
    assert.equal(rankingMetric(r.models), 'mae');
    assert.equal(
      rankingMetric(report({ rnn: NaN, naive: 1, seasonalNaive: NaN, theta: 1, arima: 1 }).models),
      'mase',
    );
    assert.deepEqual(verdictOf(r), {
      beats: { model: 'theta', percent: 50 },
      losesTo: { model: 'seasonalNaive', percent: 100 },
    });
    assert.equal(
      verdictText(r),
      `GRU beats Theta by 50% MAE but loses to seasonal naive by 100% (${MAE_NOTE})`,
    );
    const words = {
      best: 'b {2}% MASE',
      mixed: '{0} {1} {2}% MASE, {3} {4}%',
      worst: 'w',
      none: 'n',
      byMae: '(MAE!)',
    };
    assert.equal(
      sayVerdict(r, 'GRU', (k) => k, words),
      'GRU theta 50% MAE, seasonalNaive 100% (MAE!)',
    );
    assert.deepEqual(rankOf(r), { rank: 2, of: 5 });
  });
});
