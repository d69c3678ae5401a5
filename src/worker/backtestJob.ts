/**
 * One backtest inside the worker: read the series, run the rolling-origin backtest with progress (each fold's start
 * always, the network's epochs at most ~10/s), and keep it beside the saved model (backtest.json) when one is named.
 */
import { forgetTables, readSeries } from '../model/data';
import { BacktestStopped, runBacktest, saveBacktest } from '../model';
import type { ModelPlace } from '../model/store/paths';
import { errorText } from '../shared/errorText';
import type { BacktestRequest, Backtested, FromWorkerMessage } from '../shared/protocol';
import { Throttle } from './throttle';

export class BacktestJob {
  private stopRequested = false;
  private readonly epochs: Throttle<FromWorkerMessage>;

  constructor(
    private readonly req: BacktestRequest,
    private readonly post: (m: FromWorkerMessage) => void,
  ) {
    this.epochs = new Throttle(post, 10);
  }

  stop(): void {
    this.stopRequested = true;
  }

  async run(): Promise<Backtested> {
    const { req } = this;
    const runId = req.runId;
    const place: ModelPlace | undefined =
      req.modelDir && req.modelBase ? { dir: req.modelDir, base: req.modelBase } : undefined;
    const series = await readSeries(req.source, { column: req.column });
    forgetTables();
    try {
      const report = await runBacktest(series, {
        folds: req.folds,
        horizon: req.horizon,
        config: req.config,
        shouldStop: () => this.stopRequested,
        onProgress: (progress) => {
          const m: FromWorkerMessage = { type: 'backtestProgress', runId, progress };
          if (progress.epoch === undefined) {
            this.epochs.flush();
            this.post(m);
          } else this.epochs.offer(m);
        },
      });
      this.epochs.flush();
      let saveError: string | undefined;
      if (place) {
        try {
          // Only beside a model that exists: a retrain replaces the folder (and the host stops this backtest then).
          await saveBacktest(place, report, false);
        } catch (e) {
          saveError = errorText(e);
        }
      }
      return { type: 'backtested', runId, stopped: false, report, saveError };
    } catch (e) {
      if (e instanceof BacktestStopped) return { type: 'backtested', runId, stopped: true };
      throw e;
    }
  }
}
