/**
 * The model core's public API: what the CLI and the worker thread call. Plain data crosses it; tensors never leave.
 *
 * Shapes inside: windows are [batch, window, features] (features = 1, the scaled series or its first differences),
 * targets and predictions [batch, 1], hidden states [T, units] per layer.
 */
export { trainModel, planFor, KERNEL_BACKEND } from './train/trainModel';
export type { TrainHooks, EpochView, TrainedModel } from './train/trainModel';
export { TrainingError } from './train/trainer';
export { trainGlobal } from './train/trainGlobal';
export type { GlobalEpochView, GlobalModel, PanelInput } from './train/trainGlobal';
export { savedSeriesViews, seriesHidden, seriesTrace } from './forecast/seriesViews';
export { forecastSeries, seriesMetaFor } from './forecast/forecastGlobal';
export { forecastPanel } from './forecast/forecastPanel';
export type { PanelForecast, SeriesForecast } from './forecast/forecastPanel';
export { featureCount } from './store/seriesMeta';
export { readModelPanel } from './data/modelPanel';
export type { ModelPanelOptions } from './data/modelPanel';
export { saveModel } from './store/save';
export { engineFor } from './train/engines';
export { kernelThreads } from './kernel/threadCount';
export type { SaveExtra } from './store/save';
export { loadModel, LIMITS } from './store/load';
export { checkModelTarget } from './store/modelTarget';
export type { LoadedModel } from './store/load';
export { StoreError } from './store/errors';
export { CHECK_METHODS, plainMethodForecast, twoSidedZ, type CheckMethod } from './forecast/check';
export { forecastReport } from './forecast/forecastReport';
export { forecast, probeHidden, validationTrace, ModelMismatchError } from './forecast/forecast';
export { deseasonReport } from './forecast/seasonFree';
export { metrics, naiveScale } from './forecast/metrics';
export { detectSeason } from './forecast/season';
export { runBacktest, BacktestStopped } from './eval/backtest';
export type { BacktestOptions } from './eval/backtest';
export { BacktestSetupError } from './eval/folds';
export { checkBacktestPlace, saveBacktest, loadBacktest, BACKTEST_FILE } from './store/backtestFile';
export { DEFAULT_CONFIG, SEED_PRESET, PRESETS, resolveConfig, ConfigError, TOOL_VERSION } from './config';
export {
  modelDirFor,
  modelPlace,
  placeOfFolder,
  encodeSegment,
  decodeSegment,
  modelSegment,
  isModelFolderName,
} from './store/paths';
export type { ModelPlace, ModelTarget } from './store/paths';
export type * from './types';
