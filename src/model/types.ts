/** The model core's public shapes. Everything here is plain data: it crosses the worker boundary as is. */

// The plain data every room shares is defined once, in src/shared; the core's own shapes follow.
export type * from '../shared/types';
import type { Baselines, Metrics, ScalerKind, TrainConfig } from '../shared/types';
import type { ConformalCalibration } from './forecast/conformal';
import type { Deseasonalized } from './forecast/seasonFree';
import type { ForecastCheck } from './forecast/checkTypes';

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
  /** The season removed before the network (forecast/seasonFree.ts), or 'auto''s record of keeping it; absent: none. */
  deseasonalized?: Deseasonalized;
  /** The network reads the logarithm of the series (config `transform`); absent: the series itself. */
  log?: true;
  /** What 'auto' choices trained and each one's multi-step validation error (series units); the lowest was kept. */
  candidates?: { log: boolean; seasonRemoved: boolean; differenced: boolean; error: number }[];
  /** Networks whose median is the forecast; the model's own weights are the first (designated) member's. */
  ensemble?: { members: number; seeds: number[] };
  /** The forecast against plain methods on the validation origins (forecast/check.ts); absent in older models. */
  check?: ForecastCheck;
  epochsRun: number;
  bestEpoch: number;
  stopped: boolean;
  trainSeconds: number;
  /** Training windows, how many an epoch trained on, and whether the time budget ended training (epochPlan.ts). */
  trainWindows?: number;
  windowsPerEpoch?: number;
  budgetCut?: boolean;
  /** Threads training ran on. */
  threads?: number;
  backend: string;
  /** Random per save, also in model.json: files of two different saves are never loaded together. */
  generation?: string;
  /** A long file's key column, when the model was trained on its series. */
  seriesColumn?: string;
  /** A wide file's columns, each trained on as one series. */
  columns?: string[];
  /** Covariate columns fed as inputs beside the series, in input order (the network has 1 + features.length). */
  features?: string[];
  /** A model over several series (or with features): each series' own scaling, scores and residuals. */
  series?: SeriesMeta[];
}

/** One series of a global model. The top-level scaler, metrics and residuals are the first series' and pooled ones. */
export interface SeriesMeta {
  name: string;
  /** Values of this series used (training and validation). */
  rows: number;
  splitIndex: number;
  /** The series' scaler, then one per feature, each fitted on this series' training range. */
  scalers: ScalerState[];
  season: number;
  metrics: { val: Metrics };
  baselines: Baselines;
  residuals: number[];
}
