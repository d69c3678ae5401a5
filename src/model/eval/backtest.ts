/** Rolling-origin backtest of the network against naive, seasonal naive, Theta and AutoARIMA on the same folds. */
import type { Series } from '../data/types';
import type { BacktestProgress, BacktestReport, TrainConfig } from '../types';

export interface BacktestOptions {
  /** K, default 5. */
  folds?: number;
  /** H, default one season (1 when there is none). */
  horizon?: number;
  /** The network's settings, as for trainModel. */
  config?: Partial<TrainConfig>;
  onProgress?(p: BacktestProgress): void;
  /** Checked between folds and between training batches; true ends the backtest with BacktestStopped. */
  shouldStop?(): boolean;
}

export function runBacktest(_series: Series, _opts: BacktestOptions = {}): Promise<BacktestReport> {
  return Promise.reject(new Error('not implemented'));
}

/** Thrown when shouldStop() asks a backtest to end; the caller reports "stopped", not an error. */
export class BacktestStopped extends Error {
  constructor() {
    super('backtest stopped');
    this.name = 'BacktestStopped';
  }
}
