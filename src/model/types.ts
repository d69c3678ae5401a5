/** The model core's public shapes. Everything here is plain data: it crosses the worker boundary as is. */

// The plain data every room shares is defined once, in src/shared; the core's own shapes follow.
export type * from '../shared/types';
import type { Baselines, Metrics, ScalerKind, TrainConfig } from '../shared/types';
import type { ConformalCalibration } from './forecast/conformal';

export type BackendName = 'wasm' | 'cpu';

export interface ScalerState {
  kind: ScalerKind;
  /** zscore: mean/std; minmax: min/max. */
  a: number;
  b: number;
}

/** meta.json: everything needed to apply a stored model to its series again, and to report on it. */
export interface ModelMeta {
  format: 1;
  tool: string;
  createdAt: string;
  /** The config as trained: window resolved, difference 'none' or 'first'. */
  config: TrainConfig;
  column: string;
  window: number;
  dataFile: string;
  /** sha256 of the data file's bytes (hex), or '' when unknown. */
  dataHash: string;
  rows: number;
  /** First series index used as a validation target. */
  splitIndex: number;
  scaler: ScalerState;
  differenced: boolean;
  season: number;
  metrics: { val: Metrics };
  baselines: Baselines;
  /** Sorted validation residuals (actual − predicted, series units), at most 999 evenly spaced quantiles. */
  residuals: number[];
  /** Per-step |error|s of recursive forecasts from validation origins (forecast/conformal.ts); absent in older models. */
  conformal?: ConformalCalibration;
  epochsRun: number;
  bestEpoch: number;
  stopped: boolean;
  trainSeconds: number;
  backend: string;
  /** Random per save, also in model.json: files of two different saves are never loaded together. */
  generation?: string;
}
