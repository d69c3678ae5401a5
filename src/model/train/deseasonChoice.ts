/**
 * deseasonalize 'auto': removing a season helps some series a lot and hurts others (a smooth daily cycle vs daily +
 * weekly + trend), so it is measured, not guessed. Both candidates train with the same seed; the one with the lower
 * multi-step validation error (the conformal calibration's recursive forecasts from the validation origins, one
 * season ahead, in the series' units) is kept, and the record says what each scored.
 */
import type { TrainConfig } from '../types';
import type { ConformalCalibration } from '../forecast/conformal';
import type { Deseasonalized, SeasonRemoval } from '../forecast/seasonFree';
import type { TrainedModel, TrainHooks } from './trainModel';

type Candidate = (c: TrainConfig, deseasonalized: Deseasonalized, hooks: TrainHooks) => Promise<TrainedModel>;

/** Mean |error| over every calibrated origin and step; NaN when the model has no calibration. */
export function multiStepError(c: ConformalCalibration | undefined): number {
  if (!c) return NaN;
  let sum = 0;
  let count = 0;
  for (const step of [...c.a, ...c.b])
    for (const e of step) {
      sum += e;
      count++;
    }
  return count ? sum / count : NaN;
}

/** The model's validation MAE when no multi-step error could be measured (too few validation rows). */
function errorOf(m: TrainedModel): number {
  const e = multiStepError(m.meta.conformal);
  return Number.isFinite(e) ? e : m.meta.metrics.val.mae;
}

/**
 * Trains the season-free candidate, then the plain one, and keeps the better. A time budget is split: the first
 * gets half, the second what the first left. The second's epochs are reported after the first's, so a panel's
 * chart reads as one run of two parts.
 */
export async function chooseRemoval(
  c: TrainConfig,
  removal: SeasonRemoval,
  train: Candidate,
  hooks: TrainHooks,
): Promise<TrainedModel> {
  const budget = c.timeBudgetSeconds ?? 0;
  const record = (applied: boolean): Deseasonalized => ({ ...removal, applied, setting: 'auto' });
  // Both candidates count toward one run of up to twice the epochs.
  const first = await train(
    { ...c, ...(budget > 0 && { timeBudgetSeconds: Math.max(1, Math.floor(budget / 2)) }) },
    record(true),
    {
      ...hooks,
      onEpoch:
        hooks.onEpoch &&
        ((r, view) => hooks.onEpoch?.({ ...r, epochs: r.epochs + c.epochs, seasonRemoved: true }, view)),
    },
  );
  if (first.stopped || hooks.shouldStop?.()) return restore(first, c, first.meta.trainSeconds);
  const shift = first.history.length;
  const spent = first.meta.trainSeconds;
  let second: TrainedModel;
  try {
    second = await train(
      { ...c, ...(budget > 0 && { timeBudgetSeconds: Math.max(1, Math.ceil(budget - spent)) }) },
      record(false),
      {
        ...hooks,
        onEpoch:
          hooks.onEpoch &&
          ((r, view) =>
            hooks.onEpoch?.(
              {
                ...r,
                epoch: r.epoch + shift,
                epochs: r.epochs + c.epochs,
                elapsed: (r.elapsed ?? 0) + spent,
                seasonRemoved: false,
              },
              view,
            )),
        onBatch:
          hooks.onBatch &&
          ((r) => hooks.onBatch?.({ ...r, epoch: r.epoch + shift, elapsed: (r.elapsed ?? 0) + spent })),
      },
    );
  } catch (e) {
    first.dispose();
    throw e;
  }
  const errors = { on: errorOf(first), off: errorOf(second) };
  // Ties (and a failed measurement) keep the series as it is.
  const keepOn = errors.on < errors.off;
  const [kept, dropped] = keepOn ? [first, second] : [second, first];
  dropped.dispose();
  kept.meta.deseasonalized = { ...record(keepOn), errors };
  return restore(kept, c, spent + second.meta.trainSeconds);
}

/** The config as the user gave it (not a candidate's share of the budget), and the time both took. */
function restore(m: TrainedModel, c: TrainConfig, seconds: number): TrainedModel {
  m.meta.config = { ...m.meta.config, timeBudgetSeconds: c.timeBudgetSeconds };
  m.meta.trainSeconds = seconds;
  return m;
}
