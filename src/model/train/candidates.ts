/**
 * The candidates of a run (how the series is fed to the network) and how each is judged: its own multi-step error on
 * the earlier validation origins, within the evaluation's share of the time budget.
 */
import type { TrainConfig } from '../types';
import type { Plan, TrainedModel } from './trainTypes';
import type { SeasonRemoval } from '../forecast/seasonFree';
import { checkHorizon, checkOrigins, MAX_ORIGINS } from '../forecast/check';
import { recursiveForecasts } from '../forecast/recursive';
import { recursiveModel } from '../forecast/forecast';
import { firstTarget } from '../windows/prepare';
import { favoursLog } from '../windows/auto';
import { KPSS_CRITICAL_5, kpssStatistic } from '../eval/kpss';

/** One way of feeding the series to the network; 'auto' settings train each and keep the best. */
export interface Candidate {
  log: boolean;
  seasonRemoved: boolean;
  differenced: boolean;
}

/**
 * The candidates a config leaves open, judged by the network's own multi-step validation error.
 *  - 'auto' differencing: where KPSS (at 5%, on the training range) finds a trend, first differences only, since a
 *    tanh network on scaled levels cannot leave its training range and forecasts a trending series back into it
 *    (BJsales: levels won validation, then lost the backtest 4.2× to Theta; a linear proxy preferred levels on Mauna
 *    Loa CO2). On a level-stationary series both are trained (lynx: 0.95× the best statistical MASE against 1.38×
 *    with the one-step proxy's pick).
 *  - 'auto' transform: the log is a candidate only where Guerrero's rule favours it (windows/auto.ts).
 *  - 'auto' season removal: with and without, where a season is found on that scale.
 */
export function candidatesOf(
  c: TrainConfig,
  values: Float64Array,
  plan: Plan,
  removals: { raw: SeasonRemoval | null; log: SeasonRemoval | null },
  positive: boolean,
): Candidate[] {
  const logs =
    c.transform === 'log'
      ? [true]
      : c.transform === 'auto' && positive && favoursLog(values, plan.splitIndex, plan.season)
        ? [true, false]
        : [false];
  const trending = () =>
    kpssStatistic(values.subarray(Math.max(0, plan.splitIndex - 20_000), plan.splitIndex)) > KPSS_CRITICAL_5;
  const diffs = c.difference !== 'auto' ? [c.difference === 'first'] : trending() ? [true] : [true, false];
  return logs.flatMap((log) => {
    const found = (log ? removals.log : removals.raw) !== null;
    const seasons = !found ? [false] : c.deseasonalize === 'on' ? [true] : [true, false];
    return seasons.flatMap((seasonRemoved) =>
      diffs.map((differenced) => ({ log, seasonRemoved, differenced })),
    );
  });
}

/**
 * How many of the validation origins (the earlier ones) the choices are fitted on; the rest calibrate the intervals.
 * Fewer than 8 origins are too few to split: choices and intervals then share them all.
 */
export function splitOrigins(count: number): number {
  return count >= 8 ? Math.floor(count / 2) : count;
}

/** The fewest origins the evaluation keeps, however tight the budget: the intervals need a few per step. */
export const MIN_EVAL_ORIGINS = 8;
/** The share of the time budget the evaluation after training (choice, check, intervals) may take. */
const EVAL_SHARE = 0.25;

/**
 * How many validation origins the evaluation may forecast from so that it stays within its share of the time budget:
 * each origin costs a forward pass per step and network, at the cost per window training measured (a training step
 * is about three forward passes). Without a budget, or on a model too fast to matter, every origin (up to 256).
 */
export function originCap(model: TrainedModel, c: TrainConfig, H: number, networks: number): number {
  const budget = c.timeBudgetSeconds ?? 0;
  const windows = model.history.reduce((s, e) => s + (e.windows ?? 0), 0);
  const seconds = model.history.reduce((s, e) => s + e.seconds, 0);
  if (!(budget > 0) || !(windows > 0) || !(seconds > 0)) return MAX_ORIGINS;
  const perForward = seconds / windows / 3;
  const cap = Math.floor((budget * EVAL_SHARE) / (perForward * H * networks));
  return Math.max(MIN_EVAL_ORIGINS, Math.min(MAX_ORIGINS, cap));
}

/** The network's own mean multi-step validation error (series units); its one-step MAE when too few rows for it. */
export function candidateError(
  model: TrainedModel,
  values: Float64Array,
  season: number,
  most: number,
): number {
  const m = model.meta;
  const first = Math.max(m.splitIndex, firstTarget(m.differenced, m.window));
  const all = checkOrigins(values.length, first, most);
  const origins = all.slice(0, splitOrigins(all.length));
  if (origins.length === 0) return m.metrics.val.mae;
  const H = checkHorizon(season, values.length - first);
  const paths = recursiveForecasts(values, recursiveModel(m, [model.net]), origins, H);
  let sum = 0;
  let count = 0;
  origins.forEach((t, i) => {
    for (let h = 0; h < H && t + h < values.length; h++) {
      sum += Math.abs(values[t + h] - paths[i][h]);
      count++;
    }
  });
  return count ? sum / count : m.metrics.val.mae;
}
