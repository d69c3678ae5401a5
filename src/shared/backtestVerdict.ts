/**
 * The plain verdict on a backtest ("GRU beats seasonal naive by 38% MASE but loses to Theta by 6%"), as data every
 * room words in its own language: the CLI in English, the panel through its localised strings.
 */
import type { BacktestModelKey, BacktestReport } from './types';

export interface Verdict {
  /** The strongest baseline the network beats, and by how much lower its MASE is (percent of the baseline's). */
  beats?: { model: BacktestModelKey; percent: number };
  /** The best model when it is not the network, and how much higher the network's MASE is (percent of the best's). */
  losesTo?: { model: BacktestModelKey; percent: number };
}

/** The models the network is compared with, best MASE first. */
export function rivalsOf(r: BacktestReport): BacktestModelKey[] {
  return (
    (Object.keys(r.models) as BacktestModelKey[])
      // A model that failed on some fold was scored on fewer folds: not the same test, so it neither wins nor loses.
      .filter(
        (k) =>
          k !== 'rnn' &&
          Number.isFinite(r.models[k].mase) &&
          r.models[k].perFold.every((f) => f.error === undefined),
      )
      .sort((a, b) => r.models[a].mase - r.models[b].mase)
  );
}

export function verdictOf(r: BacktestReport): Verdict {
  const rnn = r.models.rnn.mase;
  if (!Number.isFinite(rnn)) return {};
  const others = rivalsOf(r);
  const beaten = others.find((k) => r.models[k].mase > rnn);
  const best = others[0];
  return {
    ...(beaten && { beats: { model: beaten, percent: 100 * (1 - rnn / r.models[beaten].mase) } }),
    ...(best &&
      r.models[best].mase < rnn && {
        losesTo: { model: best, percent: 100 * (rnn / r.models[best].mase - 1) },
      }),
  };
}

/** English names of the models, as tables and verdicts show them. */
export const BACKTEST_MODEL_NAMES: Record<BacktestModelKey, string> = {
  rnn: 'network',
  naive: 'naive',
  seasonalNaive: 'seasonal naive',
  theta: 'Theta',
  arima: 'AutoARIMA',
};

/** The verdict in English, e.g. "GRU beats seasonal naive by 38% MASE but loses to Theta by 6%". */
export function verdictText(r: BacktestReport): string {
  const net = r.cell.toUpperCase();
  const { beats, losesTo } = verdictOf(r);
  const pct = (x: number) => (x >= 99.5 && x < 100 ? '>99%' : `${x < 10 ? x.toFixed(1) : Math.round(x)}%`);
  const name = (k: BacktestModelKey) => BACKTEST_MODEL_NAMES[k];
  if (beats && losesTo)
    return `${net} beats ${name(beats.model)} by ${pct(beats.percent)} MASE but loses to ${name(losesTo.model)} by ${pct(losesTo.percent)}`;
  if (beats)
    return `${net} beats every other model; it beats the best of them, ${name(beats.model)}, by ${pct(beats.percent)} MASE`;
  if (losesTo)
    return `${net} loses to every other model; the best, ${name(losesTo.model)}, has ${pct(100 - 10000 / (100 + losesTo.percent))} lower MASE`;
  return `${net} could not be compared: no model has a finite MASE`;
}
