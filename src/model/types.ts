/** The model core's public shapes. Everything here is plain data: it crosses the worker boundary as is. */

export type CellType = 'rnn' | 'gru' | 'lstm';
export type ScalerKind = 'zscore' | 'minmax';
export type BackendName = 'wasm' | 'cpu';

export interface TrainConfig {
  cell: CellType;
  layers: number;
  units: number;
  /** Time steps per window; 0 chooses one from the series' length and seasonality. */
  window: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Share of the series, taken from its end, used for validation. */
  validationSplit: number;
  seed: number;
  /** Epochs without a better validation loss before stopping; 0 disables early stopping. */
  patience: number;
  scaler: ScalerKind;
  /** Model first differences instead of levels; 'auto' decides from the training range's trend. */
  difference: 'auto' | 'none' | 'first';
  backend: 'auto' | BackendName;
  /** Windows drawn (seeded, without replacement) per epoch; 0 or absent uses every training window. Bounds epoch time on long series. */
  maxWindowsPerEpoch?: number;
  /** How batches are trained: the WebAssembly kernel, fused JS loops or tfjs-layers; absent chooses (train/engines.ts). */
  engine?: 'kernel' | 'fused' | 'layers';
}

export interface Metrics {
  mae: number;
  mse: number;
  rmse: number;
  /** NaN when every actual value is zero. */
  mape: number;
  smape: number;
  mase: number;
}

export interface Baselines {
  naive: Metrics;
  seasonalNaive: Metrics;
  season: number;
}

export interface ScalerState {
  kind: ScalerKind;
  /** zscore: mean/std; minmax: min/max. */
  a: number;
  b: number;
}

export interface EpochReport {
  epoch: number;
  epochs: number;
  loss: number;
  valLoss: number;
  seconds: number;
  best: boolean;
}

export interface BatchReport {
  epoch: number;
  batch: number;
  batches: number;
  loss: number;
}

/** h_t (and c_t for LSTM) for one window, every layer; each array is [T, units] row-major. */
export interface HiddenStates {
  cell: CellType;
  steps: number;
  units: number;
  /** Index in the series of the window's first value. */
  start: number;
  /** The window's input values in the series' own units. */
  input: number[];
  layers: Array<{ h: Float32Array; c?: Float32Array }>;
}

/** Model vs actual over the validation range, in the series' own units. */
export interface ValidationTrace {
  /** Series index of each point. */
  index: number[];
  actual: number[];
  predicted: number[];
  naive: number[];
}

export interface Forecast {
  next: number;
  interval: [number, number];
  level: number;
  forecast: number[];
  intervals: Array<[number, number]>;
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
  epochsRun: number;
  bestEpoch: number;
  stopped: boolean;
  trainSeconds: number;
  backend: string;
}
