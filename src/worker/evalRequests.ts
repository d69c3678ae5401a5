/**
 * Backtest and explain, a bundle of their own (dist/evalRequests.js): AutoARIMA's inline WebAssembly and PCA would
 * otherwise be compiled at every worker start, before the first epoch of a training run.
 */
export { BacktestJob } from './backtestJob';
export { explainRequest } from './explain';
