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

export type RankingMetric = 'mase' | 'mae';

/**
 * MASE ranks models, unless no model has a finite one: its scale, the training part's seasonal-naive MAE, is 0 when
 * that forecast is exact (a pure sine), so every MASE is NaN or infinite; MAE still ranks them there.
 */
export function rankingMetric(models: BacktestReport['models']): RankingMetric {
  return Object.values(models).some((m) => Number.isFinite(m.mase)) ? 'mase' : 'mae';
}

/** The metric a report ranks by (reports written before `bestBy` ranked by MASE). */
export const metricOf = (r: BacktestReport): RankingMetric => r.bestBy ?? rankingMetric(r.models);

/** The models the network is compared with, best first by metricOf. */
export function rivalsOf(r: BacktestReport): BacktestModelKey[] {
  const m = metricOf(r);
  return (
    (Object.keys(r.models) as BacktestModelKey[])
      // A model that failed on some fold was scored on fewer folds: not the same test, so it neither wins nor loses.
      .filter(
        (k) =>
          k !== 'rnn' &&
          Number.isFinite(r.models[k][m]) &&
          r.models[k].perFold.every((f) => f.error === undefined),
      )
      .sort((a, b) => r.models[a][m] - r.models[b][m])
  );
}

export function verdictOf(r: BacktestReport): Verdict {
  const m = metricOf(r);
  const rnn = r.models.rnn[m];
  if (!Number.isFinite(rnn)) return {};
  const others = rivalsOf(r);
  const beaten = others.find((k) => r.models[k][m] > rnn);
  const best = others[0];
  return {
    ...(beaten && { beats: { model: beaten, percent: 100 * (1 - rnn / r.models[beaten][m]) } }),
    ...(best &&
      r.models[best][m] < rnn && {
        losesTo: { model: best, percent: 100 * (rnn / r.models[best][m] - 1) },
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
  const said = verdictSentence(net, beats, losesTo, pct, name);
  return metricOf(r) === 'mae' ? `${said.replace(/MASE/g, 'MAE')} (${MAE_NOTE})` : said;
}

/** Why a report ranks by MAE, in English (the localised rooms have their own template). */
export const MAE_NOTE = 'ranked by MAE: MASE is undefined, seasonal naive is exact on the training data';

function verdictSentence(
  net: string,
  beats: Verdict['beats'],
  losesTo: Verdict['losesTo'],
  pct: (x: number) => string,
  name: (k: BacktestModelKey) => string,
): string {
  if (beats && losesTo)
    return `${net} beats ${name(beats.model)} by ${pct(beats.percent)} MASE but loses to ${name(losesTo.model)} by ${pct(losesTo.percent)}`;
  if (beats)
    return `${net} beats every other model; it beats the best of them, ${name(beats.model)}, by ${pct(beats.percent)} MASE`;
  if (losesTo)
    return `${net} loses to every other model; the best, ${name(losesTo.model)}, has ${pct(100 - 10000 / (100 + losesTo.percent))} lower MASE`;
  return `${net} could not be compared: no model has a finite score`;
}
