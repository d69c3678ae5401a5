/** trainModel: from a series and a partial config to a trained model with its meta, metrics and baselines. */
import type { Series } from '../data/types';
import type { ModelMeta, TrainConfig } from '../types';
import { resolveConfig, TOOL_VERSION } from '../config';
import { assertKernel, createNet } from '../network/seqnet';
import type { ModelHandle } from '../network/handle';
import { firstTarget, prepare, splitIndexOf, toLevel } from '../windows/prepare';
import { chooseWindow } from '../windows/auto';
import { detectSeason } from '../forecast/season';
import { baselines } from '../forecast/baselines';
import { metrics, naiveScale } from '../forecast/metrics';
import { residualSummary } from '../forecast/intervals';
import { calibrateBest } from '../forecast/conformal';
import { checkForecasts, checkHorizon, checkOrigins, MAX_ORIGINS } from '../forecast/check';
import { recursiveForecasts } from '../forecast/recursive';
import { recursiveModel } from '../forecast/forecast';
import { Parts } from './parts';
import type { EpochView, Plan, TrainHooks, TrainedModel } from './trainTypes';
import {
  candidateError,
  candidatesOf,
  MIN_EVAL_ORIGINS,
  originCap,
  splitOrigins,
  type Candidate,
} from './candidates';
import { probeHidden, validationTrace } from '../forecast/forecast';
import { predictScaledAsync } from './evaluate';
import { scoringThreads } from '../kernel/threadCount';
import { trainLoop, TrainingError } from './trainer';
import { fitRemoval, removalOf, seasonAt, withoutSeason, type Deseasonalized } from '../forecast/seasonFree';

/** What meta.json's `backend` says trained a model: SeqLab's WebAssembly kernel (tfjs' backends no longer train). */
export const KERNEL_BACKEND = 'kernel';

export type { EpochView, TrainHooks, TrainedModel } from './trainTypes';

function medianStep(time?: Float64Array): number | undefined {
  if (!time || time.length < 3) return undefined;
  const d = Array.from({ length: time.length - 1 }, (_, i) => time[i + 1] - time[i]).sort((a, b) => a - b);
  return d[d.length >> 1];
}

export type { Plan } from './trainTypes';

/**
 * The worker announces a run's plan before training it, and trainModel needs the same plan: the season search scans
 * the whole series, so the plan is worked out once per series and setting.
 */
const plans = new WeakMap<Series, { key: string; plan: Plan }>();

/** Resolves the window a config leaves to the data, with the season and the split. */
export function planFor(series: Series, c: TrainConfig): Plan {
  const key = `${c.validationSplit}:${c.window}`;
  const known = plans.get(series);
  if (known?.key === key) return known.plan;
  const n = series.values.length;
  const splitIndex = splitIndexOf(n, c.validationSplit);
  const season = detectSeason(series.values, splitIndex, medianStep(series.time));
  const window = c.window || chooseWindow(season, splitIndex);
  const plan = { window, season, splitIndex };
  plans.set(series, { key, plan });
  return plan;
}

/** Seeds of an ensemble's members after the first: far apart, so no two share a shuffle. */
const memberSeed = (seed: number, k: number) => ((seed + 7919 * k - 1) % (2 ** 31 - 1)) + 1;

export async function trainModel(
  series: Series,
  config: Partial<TrainConfig>,
  hooks: TrainHooks = {},
): Promise<TrainedModel> {
  const c = resolveConfig(config);
  const values = series.values;
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new TrainingError(`column "${series.name}": value ${bad + 1} is not a finite number`);
  if (values.length < 10)
    throw new TrainingError(
      `column "${series.name}" has ${values.length} values; training needs at least 10`,
    );
  try {
    assertKernel();
  } catch (e) {
    throw new TrainingError((e as Error).message);
  }
  const plan = planFor(series, c);
  const nonPositive = values.findIndex((v) => !(v > 0));
  if (c.transform === 'log' && nonPositive >= 0)
    throw new TrainingError(
      `column "${series.name}": value ${nonPositive + 1} is ${values[nonPositive]}; a log transform needs every value above 0`,
    );
  const seasonFit = (log: boolean) =>
    c.deseasonalize === 'off' || c.deseasonalize === undefined
      ? null
      : fitRemoval(values, plan.splitIndex, plan.season, log);
  const removals = {
    raw: c.transform === 'log' ? null : seasonFit(false),
    log: c.transform === 'none' || c.transform === undefined || nonPositive >= 0 ? null : seasonFit(true),
  };
  const candidates = candidatesOf(c, values, plan, removals, nonPositive < 0);
  const members = c.ensemble ?? 1;
  const parts = new Parts(c, hooks, candidates.length + members - 1);
  const record = (k: Candidate): Deseasonalized | undefined => {
    const removal = k.log ? removals.log : removals.raw;
    return removal
      ? { ...removal, applied: k.seasonRemoved, setting: c.deseasonalize === 'on' ? 'on' : 'auto' }
      : undefined;
  };
  const varies = (key: keyof Candidate) => new Set(candidates.map((k) => k[key])).size > 1;
  const labelled = candidates.length > 1;
  let best: { model: TrainedModel; error: number; candidate: Candidate } | undefined;
  let most: number | undefined;
  const scored: (Candidate & { error: number })[] = [];
  try {
    for (const candidate of candidates) {
      const model = await trainCandidate(
        series,
        parts.config(),
        plan,
        record(candidate),
        candidate,
        parts.hooksFor(
          labelled
            ? {
                ...(varies('log') && { log: candidate.log }),
                ...(varies('seasonRemoved') && { seasonRemoved: candidate.seasonRemoved }),
                ...(varies('differenced') && { differenced: candidate.differenced }),
              }
            : {},
        ),
      );
      parts.done(model);
      // One cap for the whole run, from the first network's measured cost: the candidates' scores use the earlier
      // half of the origins, the check every origin with every member.
      most ??= originCap(
        model,
        c,
        checkHorizon(plan.season, values.length - plan.splitIndex),
        candidates.length / 2 + members,
      );
      const error = candidateError(model, values, plan.season, most);
      scored.push({ ...candidate, error });
      // Ties keep the earlier candidate; a candidate that cannot be scored never displaces one that can.
      if (!best || error < best.error || (Number.isNaN(best.error) && !Number.isNaN(error))) {
        best?.model.dispose();
        best = { model, error, candidate };
      } else model.dispose();
      if (model.stopped || hooks.shouldStop?.()) break;
    }
    const chosen = best!;
    const extra: TrainedModel[] = [];
    for (let k = 1; k < members && !chosen.model.stopped && !hooks.shouldStop?.(); k++) {
      const member = await trainCandidate(
        series,
        parts.config(memberSeed(c.seed, k)),
        plan,
        record(chosen.candidate),
        chosen.candidate,
        parts.hooksFor({ member: true }),
      );
      parts.done(member);
      extra.push(member);
    }
    // A stopped run answers soon: its evaluation keeps the fewest origins.
    const stopped = chosen.model.stopped || hooks.shouldStop?.();
    const cap = stopped ? MIN_EVAL_ORIGINS : (most ?? MAX_ORIGINS);
    return finish(chosen.model, extra, series, c, plan.season, scored, parts.seconds, cap);
  } catch (e) {
    best?.model.dispose();
    throw e;
  }
}

/**
 * The chosen network (the designated member: hidden states and explain read it) with the other members, checked
 * against the plain methods on the validation origins, its final forecast's errors calibrating the intervals.
 */
function finish(
  model: TrainedModel,
  extra: TrainedModel[],
  series: Series,
  c: TrainConfig,
  season: number,
  scored: (Candidate & { error: number })[],
  seconds: number,
  most: number,
): TrainedModel {
  const values = series.values;
  const m = model.meta;
  const nets = [model.net, ...extra.map((e) => e.net)];
  if (m.deseasonalized && c.deseasonalize === 'auto') {
    const bestOf = (removed: boolean) =>
      Math.min(...scored.filter((s) => s.seasonRemoved === removed && s.log === !!m.log).map((s) => s.error));
    m.deseasonalized = { ...m.deseasonalized, errors: { on: bestOf(true), off: bestOf(false) } };
  }
  if (scored.length > 1) m.candidates = scored;
  if (extra.length > 0)
    m.ensemble = { members: nets.length, seeds: [c.seed, ...extra.map((e) => e.meta.config.seed)] };
  const first = Math.max(m.splitIndex, firstTarget(m.differenced, m.window));
  const origins = checkOrigins(values.length, first, most);
  if (origins.length > 0) {
    const H = checkHorizon(season, values.length - first);
    const network = recursiveForecasts(values, recursiveModel(m, nets), origins, H);
    // The choices (candidate, weight with Theta) are fitted on the earlier half of the origins and the intervals
    // calibrated on the later half, which no choice saw and which lies nearer the end a forecast starts from.
    const half = splitOrigins(origins.length);
    const { check, final } = checkForecasts(values, origins, H, season, network, c.combine ?? 'off', half);
    m.check = check;
    const late = half < origins.length ? half : 0;
    m.conformal = calibrateBest(values, origins.slice(late), final.slice(late));
  } else delete m.conformal;
  m.config = { ...m.config, seed: c.seed, timeBudgetSeconds: c.timeBudgetSeconds };
  m.trainSeconds = seconds;
  const history = model.history;
  return {
    meta: m,
    net: model.net,
    ...(extra.length > 0 && { members: extra.map((e) => e.net) }),
    history,
    stopped: model.stopped || extra.some((e) => e.stopped),
    dispose: () => nets.forEach((n) => n.dispose()),
  };
}

/** One network trained on the series as the candidate says. */
async function trainCandidate(
  series: Series,
  c: TrainConfig,
  plan: Plan,
  deseasonalized: Deseasonalized | undefined,
  { differenced, log }: Pick<Candidate, 'differenced' | 'log'>,
  hooks: TrainHooks,
): Promise<TrainedModel> {
  const values = series.values;
  const removal = removalOf({ deseasonalized, ...(log && { log: true as const }) });
  // What the network reads: the series with its season removed when the model removes it.
  const netValues = withoutSeason(values, removal);
  let p;
  try {
    p = prepare(netValues, c, plan.window, differenced);
  } catch (e) {
    throw new TrainingError(`column "${series.name}": ${(e as Error).message}`);
  }
  const resolved: TrainConfig = {
    ...c,
    window: plan.window,
    difference: differenced ? 'first' : 'none',
  };
  const net = createNet(
    { cell: c.cell, layers: c.layers, units: c.units, window: plan.window, features: 1 },
    c.seed,
  );
  const meta: ModelMeta = {
    format: 1,
    tool: TOOL_VERSION,
    createdAt: new Date().toISOString(),
    config: resolved,
    column: series.name,
    window: plan.window,
    dataFile: '',
    dataHash: '',
    rows: values.length,
    splitIndex: p.splitIndex,
    scaler: p.scaler,
    differenced,
    season: plan.season,
    ...(deseasonalized && { deseasonalized }),
    ...(log && { log: true as const }),
    metrics: { val: baselines(values, p.valTargets, p.splitIndex, 1).naive },
    baselines: baselines(values, p.valTargets, p.splitIndex, plan.season),
    residuals: [],
    epochsRun: 0,
    bestEpoch: 0,
    stopped: false,
    trainSeconds: 0,
    backend: KERNEL_BACKEND,
  };
  const handle: ModelHandle = { meta, net, dispose: () => net.dispose() };
  const view: EpochView = {
    model: handle,
    validationTrace: () => validationTrace(handle, series),
    hidden: (start) => probeHidden(handle, series, start),
  };
  try {
    const run = await trainLoop(net, p, c, {
      ...hooks,
      onEpoch: hooks.onEpoch && ((r) => hooks.onEpoch?.(r, view)),
    });
    const yhat = await predictScaledAsync(net, p, p.valTargets, scoringThreads(net.spec, c.threads));
    const actual = Array.from(p.valTargets, (t) => values[t]);
    const predicted = Array.from(p.valTargets, (t, i) =>
      seasonAt(toLevel(netValues, p, t, yhat[i]), removal, t),
    );
    if (predicted.some((v) => !Number.isFinite(v)))
      throw new TrainingError('training diverged: the model predicts non-finite values');
    meta.metrics = { val: metrics(actual, predicted, naiveScale(values, p.splitIndex)) };
    meta.residuals = residualSummary(actual.map((a, i) => a - predicted[i]));
    Object.assign(meta, {
      epochsRun: run.history.length,
      bestEpoch: run.bestEpoch,
      stopped: run.stopped,
      trainSeconds: run.seconds,
      trainWindows: run.trainWindows,
      windowsPerEpoch: run.windowsPerEpoch,
      budgetCut: run.budgetCut,
      threads: run.threads,
    });
    return { meta, net, history: run.history, stopped: run.stopped, dispose: () => net.dispose() };
  } catch (e) {
    net.dispose();
    throw e;
  }
}
