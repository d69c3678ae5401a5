/**
 * One training run inside the worker: read the series, train with live progress, save atomically unless stopped
 * without keeping. Batch events are throttled to ~10/s; epoch ends are coalesced to ~20 messages a second, each
 * carrying every epoch since the last (the kernel runs small networks at over a thousand epochs a second, and a
 * message each swamped the extension host). The validation trace and hidden
 * states are recomputed at most ~4/s and never for more than a tenth of the training time (and always at the end).
 */
import { forgetTables, readSeries, type Panel } from '../model/data';
import {
  KERNEL_BACKEND,
  deseasonReport,
  forecastReport,
  saveModel,
  trainGlobal,
  trainModel,
  type TrainedModel,
} from '../model';
import { planFor } from '../model/train/trainModel';
import { resolveConfig } from '../model/config';
import type { FromWorkerMessage, TrainRequest } from '../shared/protocol';
import type { EpochReport } from '../shared/types';
import { hashSource } from './sourceUtil';
import { errorText } from '../shared/errorText';
import { Throttle } from './throttle';
import { enterBackground } from '../model/kernel/priority';
import { panelViews, previewTrace, type PanelViews } from './traces';
import { readRequestPanel, seriesScores, wantsPanel } from './globalRun';
import type { GlobalEpochView } from '../model';
import type { SeriesViewed } from '../shared/protocol';
import { liveSeriesViews, viewLiveSeries } from './seriesViews';

export class TrainJob {
  private stopRequested = false;
  private keep = false;
  private readonly batches: Throttle<FromWorkerMessage>;
  private readonly epochSender: Throttle<EpochReport[]>;
  /** Epoch reports not yet sent; the array itself is what epochSender holds, so it is replaced on each send. */
  private unsent: EpochReport[] = [];
  /** When the next per-epoch view may be computed (adaptive: see maybeSendViews). */
  private nextViewAt = 0;
  /** A global run: the series the panel shows, and the latest epoch's view (until the model is disposed). */
  private selected: string | undefined;
  private live: GlobalEpochView | undefined;
  private finished = false;

  constructor(
    private readonly req: TrainRequest,
    private readonly post: (m: FromWorkerMessage) => void,
  ) {
    this.epochSender = new Throttle((reports: EpochReport[]) => {
      this.unsent = [];
      const report = reports[reports.length - 1];
      post({ type: 'epoch', runId: req.runId, report, earlier: reports.slice(0, -1) });
      // The first epoch is what the user waits for; the rest is background work.
      enterBackground();
    }, 20);
    this.batches = new Throttle(post, 10);
  }

  stop(keep: boolean): void {
    this.stopRequested = true;
    this.keep = keep;
  }

  /**
   * The panel selected `series`: later views are of it, and this one is computed now from the live weights.
   * Undefined once the run is over (its weights are gone; the saved model answers instead).
   */
  viewSeries(series: string): SeriesViewed | undefined {
    if (this.finished) return undefined;
    this.selected = series;
    return viewLiveSeries(this.req.runId, series, this.live);
  }

  async run(): Promise<void> {
    const { req } = this;
    const runId = req.runId;
    const t0 = performance.now();
    try {
      // The parsed table is dropped before training: the series holds what is needed, and memory is the kernel's now.
      if (wantsPanel(req)) {
        const panel = await readRequestPanel(req);
        forgetTables();
        if (panel.key !== undefined || panel.columns || panel.features.length > 0)
          return await this.runGlobal(panel, t0);
      }
      const series = await readSeries(req.source, { column: req.column });
      forgetTables();
      const config = resolveConfig(req.config);
      const plan = planFor(series, config);
      this.post({
        type: 'started',
        runId,
        config: { ...config, window: plan.window },
        column: series.name,
        rows: series.values.length,
        backend: KERNEL_BACKEND,
      });
      // Actual and naive are known before any training: the panel can draw them before the first epoch.
      this.post({ type: 'validation', runId, trace: previewTrace(series.values, plan.splitIndex) });
      const model = await trainModel(series, config, {
        onBatch: (report) => this.batches.offer({ type: 'batch', runId, report }),
        onEpoch: (report, view) => {
          // No batch flush here: an epoch's end point supersedes its last batch, and a flush per epoch was a message
          // per epoch again. The panel sorts its loss points by x, so arrival order does not matter.
          this.unsent.push(report);
          this.epochSender.offer(this.unsent);
          this.maybeSendViews(panelViews(view.model, series));
        },
        shouldStop: () => this.stopRequested,
      });
      await this.finish(model, panelViews(model, series), series.name, t0);
    } catch (e) {
      this.post({ type: 'failed', runId, message: errorText(e) });
    }
  }

  /** One network over every series of a keyed (or wide) file, or one series with covariates: trainGlobal. */
  private async runGlobal(panel: Panel, t0: number): Promise<void> {
    const runId = this.req.runId;
    const config = resolveConfig(this.req.config);
    this.post({
      type: 'started',
      runId,
      config,
      column: panel.column,
      rows: panel.series.reduce((a, s) => a + s.values.length, 0),
      backend: KERNEL_BACKEND,
      ...(panel.series.length > 1 && { series: panel.series.map((s) => s.label ?? panel.column) }),
    });
    // Views are of one series (per-series scaling means no single trace covers them all): the selected one.
    const model = await trainGlobal(panel, config, {
      onBatch: (report) => this.batches.offer({ type: 'batch', runId, report }),
      onEpoch: (report, view) => {
        this.unsent.push(report);
        this.epochSender.offer(this.unsent);
        this.live = view;
        this.maybeSendViews(liveSeriesViews(view, this.selected));
      },
      shouldStop: () => this.stopRequested,
    });
    await this.finish(model, this.live && liveSeriesViews(this.live, this.selected), panel.column, t0);
  }

  /** Final views, the atomic save (unless stopped without keeping) and Done. */
  private async finish(model: TrainedModel, views: PanelViews | undefined, column: string, t0: number) {
    const { req } = this;
    this.epochSender.flush();
    try {
      if (views) this.sendViews(views);
      const save = !this.stopRequested || this.keep;
      if (save) {
        const dataHash = await hashSource(req.source);
        await saveModel({ base: req.modelBase, dir: req.modelDir }, model, {
          dataFile: req.dataFile,
          column,
          dataHash,
        });
      }
      const perSeries = seriesScores(model.meta);
      const deseasonalized = deseasonReport(model.meta);
      const report = forecastReport(model.meta);
      this.post({
        type: 'done',
        runId: req.runId,
        saved: save,
        modelDir: save ? req.modelDir : '',
        seconds: (performance.now() - t0) / 1000,
        metrics: model.meta.metrics.val,
        baselines: model.meta.baselines,
        stoppedEarly: model.stopped,
        ...(perSeries && { perSeries }),
        ...(deseasonalized && { deseasonalized }),
        ...(report && { forecastReport: report }),
      });
    } finally {
      this.finished = true;
      this.live = undefined;
      model.dispose();
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
    this.epochSender.flush();
    const runId = this.req.runId;
    const series = view.series !== undefined ? { series: view.series } : {};
    this.post({ type: 'validation', runId, trace: view.validationTrace(), ...series });
    this.post({ type: 'hidden', runId, states: view.hidden(), ...series });
  }
}
