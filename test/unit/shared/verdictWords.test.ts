import * as assert from 'node:assert/strict';
import type { BacktestReport, BacktestScore } from '../../../src/shared/types';
import { rankOf, sayVerdict, type VerdictTemplates } from '../../../src/shared/verdictWords';

const T: VerdictTemplates = {
  best: '{0} beats every other method, {1} by {2}% MASE',
  mixed: '{0} beats {1} by {2}% MASE but loses to {3} by {4}%',
  worst: '{0} loses to every method; {1} by {2}%',
  none: 'no verdict',
};
const NAMES: Record<string, string> = {
  naive: 'naive',
  seasonalNaive: 'seasonal naive',
  theta: 'Theta',
  arima: 'AutoARIMA',
};
const name = (k: string) => NAMES[k] ?? k;

const score = (mase: number): BacktestScore => ({
  mae: 1,
  rmse: 1,
  smape: 1,
  mase,
  coverage: null,
  perFold: [],
  perStep: [],
});

function report(
  m: Partial<Record<'rnn' | 'naive' | 'seasonalNaive' | 'theta' | 'arima', number>>,
): BacktestReport {
  const s = (k: keyof typeof m) => score(m[k] ?? Number.NaN);
  return {
    column: 'value',
    folds: 5,
    horizon: 12,
    season: 12,
    level: 0.8,
    cell: 'gru',
    models: {
      rnn: s('rnn'),
      naive: s('naive'),
      seasonalNaive: s('seasonalNaive'),
      theta: s('theta'),
      arima: s('arima'),
    },
    best: 'theta',
    seconds: 1,
  };
}

describe('backtest verdict in words', () => {
  it("says the issue's example: 0.62 against seasonal naive 1.0 and Theta 0.585", () => {
    // (1.0 − 0.62) / 1.0 = 38%; (0.62 − 0.585) / 0.585 = 5.98% → 6%.
    const r = report({ rnn: 0.62, seasonalNaive: 1, theta: 0.585 });
    assert.equal(
      sayVerdict(r, 'GRU', name, T),
      'GRU beats seasonal naive by 38% MASE but loses to Theta by 6%',
    );
    assert.deepEqual(rankOf(r), { rank: 2, of: 3 });
  });

  it('names the strongest method the network beats, not the weakest', () => {
    const r = report({ rnn: 0.8, naive: 2, seasonalNaive: 0.9, theta: 0.5, arima: 0.4 });
    // (0.9 − 0.8) / 0.9 = 11%; (0.8 − 0.4) / 0.4 = 100%.
    assert.equal(
      sayVerdict(r, 'GRU', name, T),
      'GRU beats seasonal naive by 11% MASE but loses to AutoARIMA by 100%',
    );
    assert.deepEqual(rankOf(r), { rank: 3, of: 5 });
  });

  it('says when the network is best, against the runner-up', () => {
    const r = report({ rnn: 0.5, naive: 1, theta: 0.8 });
    assert.equal(sayVerdict(r, 'LSTM', name, T), 'LSTM beats every other method, Theta by 38% MASE');
    assert.deepEqual(rankOf(r), { rank: 1, of: 3 });
  });

  it('never hides that every simpler method won', () => {
    // (4 − 0.4) / 0.4 = 900%.
    const r = report({ rnn: 4, naive: 1.1, seasonalNaive: 0.4, theta: 2 });
    assert.equal(sayVerdict(r, 'GRU', name, T), 'GRU loses to every method; seasonal naive by 900%');
    assert.deepEqual(rankOf(r), { rank: 4, of: 4 });
  });

  it('leaves out models without a finite MASE, and says nothing when the network has none', () => {
    assert.deepEqual(rankOf(report({ rnn: 1, theta: 2 })), { rank: 1, of: 2 });
    assert.equal(rankOf(report({ theta: 1 })), undefined);
    assert.equal(sayVerdict(report({ theta: 1 }), 'GRU', name, T), 'no verdict');
  });

  it('ranks the network only among models scored on every fold, as the verdict compares them', () => {
    const r = report({ rnn: 1, naive: 2, arima: 0.5 });
    r.models.arima.perFold = [
      {
        origin: 100,
        mae: NaN,
        rmse: NaN,
        smape: NaN,
        mase: NaN,
        coverage: null,
        forecast: [],
        error: 'no fit',
      },
    ];
    assert.deepEqual(rankOf(r), { rank: 1, of: 2 });
    assert.equal(sayVerdict(r, 'GRU', name, T), 'GRU beats every other method, naive by 50% MASE');
  });
});
