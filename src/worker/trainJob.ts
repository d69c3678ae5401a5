/**
 * One training run inside the worker: read the series, train with live progress, save atomically unless stopped
 * without keeping. Batch events are throttled to ~10/s; every epoch end is sent, with the validation trace and hidden
 * states recomputed only as often as the panel can usefully redraw them (and always for the final model).
 */
import { readSeries } from '../model/data';
import { saveModel, setBackend, trainModel } from '../model';
import { planFor, type EpochView } from '../model/train/trainModel';
import { probeHidden, validationTrace } from '../model/forecast/forecast';
import { resolveConfig } from '../model/config';
import type { ValidationTrace } from '../model/types';
import { FromWorker, type FromWorkerMessage, type TrainRequest } from '../shared/protocol';
import { errorText, hashSource } from './sourceUtil';
import { Throttle } from './throttle';

export class TrainJob {
  private stopRequested = false;
  private keep = false;
  private readonly batches: Throttle<FromWorkerMessage>;
  /** The costlier per-epoch views (a forward pass over validation + a probe) at most ~4/s. */
  private readonly views = new Throttle<EpochView>((v) => this.sendViews(v), 4);

  constructor(
    private readonly req: TrainRequest,
    private readonly post: (m: FromWorkerMessage) => void,
  ) {
    this.batches = new Throttle(post, 10);
  }

  stop(keep: boolean): void {
    this.stopRequested = true;
    this.keep = keep;
  }

  async run(): Promise<void> {
    const { req } = this;
    const runId = req.runId;
    const t0 = performance.now();
    try {
      const series = await readSeries(req.source, { column: req.column });
      const config = resolveConfig(req.config);
      const plan = planFor(series, config);
      const backend = await setBackend(config.backend);
      this.post({
        type: FromWorker.Started,
        runId,
        config: { ...config, window: plan.window },
        column: series.name,
        rows: series.values.length,
        backend,
      });
      // Actual and naive are known before any training: the panel can draw them while tfjs warms up.
      this.post({ type: FromWorker.Validation, runId, trace: previewTrace(series.values, plan.splitIndex) });
      const model = await trainModel(series, config, {
        onBatch: (report) => this.batches.offer({ type: FromWorker.Batch, runId, report }),
        onEpoch: (report, view) => {
          this.batches.flush();
          this.post({ type: FromWorker.Epoch, runId, report });
          this.views.offer(view);
        },
        shouldStop: () => this.stopRequested,
      });
      try {
        const handle = model;
        this.sendViews({ validationTrace: () => validationTrace(handle, series), hidden: (s) => probeHidden(handle, series, s) });
        const save = !this.stopRequested || this.keep;
        if (save) {
          const dataHash = await hashSource(req.source);
          await saveModel(req.modelDir, model, { dataFile: req.dataFile, column: series.name, dataHash });
        }
        this.post({
          type: FromWorker.Done,
          runId,
          saved: save,
          modelDir: save ? req.modelDir : '',
          seconds: (performance.now() - t0) / 1000,
          metrics: model.meta.metrics.val,
          baselines: model.meta.baselines,
          stoppedEarly: model.stopped,
        });
      } finally {
        model.dispose();
      }
    } catch (e) {
      this.post({ type: FromWorker.Failed, runId, message: errorText(e) });
    }
  }

  /** Sends the validation trace and hidden states computed with the current weights. */
  private sendViews(view: EpochView): void {
    const runId = this.req.runId;
    this.post({ type: FromWorker.Validation, runId, trace: view.validationTrace() });
    this.post({ type: FromWorker.Hidden, runId, states: view.hidden() });
  }
}

/** Actual and naive (previous value) over the validation range; the model's line is left empty (NaN). */
export function previewTrace(values: Float64Array, splitIndex: number): ValidationTrace {
  const index: number[] = [];
  const actual: number[] = [];
  const naive: number[] = [];
  for (let i = Math.max(1, splitIndex); i < values.length; i++) {
    index.push(i);
    actual.push(values[i]);
    naive.push(values[i - 1]);
  }
  return { index, actual, predicted: index.map(() => Number.NaN), naive };
}
