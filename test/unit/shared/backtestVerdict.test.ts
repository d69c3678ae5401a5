import * as assert from 'node:assert/strict';
import { backtestVerdict, sayVerdict, type VerdictTemplates } from '../../../src/shared/backtestVerdict';

const T: VerdictTemplates = {
  best: '{0} beats every other method, {1} by {2}% MASE',
  mixed: '{0} beats {1} by {2}% MASE but loses to {3} by {4}%',
  worst: '{0} loses to every method; {1} by {2}%',
  none: 'no verdict',
};
const NAMES: Record<string, string> = { seasonalNaive: 'seasonal naive', theta: 'Theta', naive: 'naive' };
const name = (k: string) => NAMES[k] ?? k;

describe('backtest verdict', () => {
  it("says the issue's example: 0.62 against seasonal naive 1.0 and Theta 0.585", () => {
    // (1.0 − 0.62) / 1.0 = 38%; (0.62 − 0.585) / 0.585 = 5.98% → 6%.
    const v = backtestVerdict({ rnn: 0.62, seasonalNaive: 1, theta: 0.585 });
    assert.ok(v.kind === 'mixed');
    assert.deepEqual([v.beaten, v.winner, v.rank, v.of], ['seasonalNaive', 'theta', 2, 3]);
    assert.ok(Math.abs(v.beatBy - 38) < 1e-9, String(v.beatBy));
    assert.ok(Math.abs(v.loseBy - 5.982906) < 1e-6, String(v.loseBy));
    assert.equal(
      sayVerdict(v, 'GRU', name, T),
      'GRU beats seasonal naive by 38% MASE but loses to Theta by 6%',
    );
  });

  it('names the strongest method the network beats, not the weakest', () => {
    const v = backtestVerdict({ rnn: 0.8, naive: 2, seasonalNaive: 0.9, theta: 0.5 });
    assert.equal(v.kind === 'mixed' && v.beaten, 'seasonalNaive');
    assert.equal(v.kind === 'mixed' && v.rank, 2);
  });

  it('says when the network is best, against the runner-up', () => {
    const v = backtestVerdict({ rnn: 0.5, naive: 1, theta: 0.8 });
    assert.equal(sayVerdict(v, 'LSTM', name, T), 'LSTM beats every other method, Theta by 38% MASE');
  });

  it('never hides that every simpler method won', () => {
    const v = backtestVerdict({ rnn: 4, naive: 1.1, seasonalNaive: 0.4, theta: 2 });
    assert.equal(v.kind, 'worst');
    assert.equal(v.kind === 'worst' && v.rank, 4);
    // (4 − 0.4) / 0.4 = 900%.
    assert.equal(sayVerdict(v, 'GRU', name, T), 'GRU loses to every method; seasonal naive by 900%');
  });

  it('leaves out methods without a finite MASE and says nothing without a rival', () => {
    assert.equal(backtestVerdict({ rnn: 1, arima: Number.NaN, theta: 2 }).kind, 'best');
    assert.equal(backtestVerdict({ rnn: 1, arima: Number.NaN }).kind, 'none');
    assert.equal(backtestVerdict({ rnn: Number.NaN, theta: 1 }).kind, 'none');
    assert.equal(sayVerdict({ kind: 'none' }, 'GRU', name, T), 'no verdict');
  });
});
