/**
 * One training run inside the worker: read the series, train with live progress, save atomically unless stopped
 * without keeping. Batch events are throttled to ~10/s and every epoch end is sent. The validation trace and hidden
 * states are recomputed at most ~4/s and never for more than a tenth of the training time (and always at the end).
 */
import { readSeries } from '../model/data';
import { saveModel, setBackend, trainModel } from '../model';
import { planFor } from '../model/train/trainModel';
import { resolveConfig } from '../model/config';
import type { FromWorkerMessage, TrainRequest } from '../shared/protocol';
import { hashSource } from './sourceUtil';
import { errorText } from '../shared/errorText';
import { Throttle } from './throttle';
import { panelViews, previewTrace, type PanelViews } from './traces';

export class TrainJob {
  private stopRequested = false;
  private keep = false;
  private readonly batches: Throttle<FromWorkerMessage>;
  /** When the next per-epoch view may be computed (adaptive: see maybeSendViews). */
  private nextViewAt = 0;

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
        type: 'started',
        runId,
        config: { ...config, window: plan.window },
        column: series.name,
        rows: series.values.length,
        backend,
      });
      // Actual and naive are known before any training: the panel can draw them while tfjs warms up.
      this.post({ type: 'validation', runId, trace: previewTrace(series.values, plan.splitIndex) });
      const model = await trainModel(series, config, {
        onBatch: (report) => this.batches.offer({ type: 'batch', runId, report }),
        onEpoch: (report, view) => {
          this.batches.flush();
          this.post({ type: 'epoch', runId, report });
          this.maybeSendViews(panelViews(view.model, series));
        },
        shouldStop: () => this.stopRequested,
      });
      try {
        this.sendViews(panelViews(model, series));
        const save = !this.stopRequested || this.keep;
        if (save) {
          const dataHash = await hashSource(req.source);
          await saveModel({ base: req.modelBase, dir: req.modelDir }, model, {
            dataFile: req.dataFile,
            column: series.name,
            dataHash,
          });
        }
        this.post({
          type: 'done',
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
      this.post({ type: 'failed', runId, message: errorText(e) });
    }
  }

  /** Views cost a forward pass; spacing them by ten times their own cost keeps them under ~10% of training time. */
  private maybeSendViews(view: PanelViews): void {
    const t = performance.now();
    if (t < this.nextViewAt) return;
    this.sendViews(view);
    const end = performance.now();
    this.nextViewAt = end + Math.max(250, 10 * (end - t));
  }

  /** Sends the validation trace and hidden states computed with the current weights. */
  private sendViews(view: PanelViews): void {
    const runId = this.req.runId;
    this.post({ type: 'validation', runId, trace: view.validationTrace() });
    this.post({ type: 'hidden', runId, states: view.hidden() });
  }
}
