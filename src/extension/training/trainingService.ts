/**
 * Owns the runs of this window and their queue, drives the worker, and publishes domain events. It knows nothing of
 * prompts, panels or vscode, so plain Node tests drive it with a fake worker.
 */
import type { ModelPlace } from '../../model/store/paths';
import type { TrainConfig } from '../../model/types';
import type { FromWorkerMessage, WireSource } from '../../shared/protocol';
import { errorText } from '../../shared/errorText';
import { RunQueue } from './runQueue';
import type { RunInfo, TrainingEvent, TrainingEvents, TrainingListener } from './trainingEvents';
import { keyOf, TrainingRun, type RunKey } from './trainingRun';
import type { RunListener, TrainParams } from './workerClient';

/** The part of WorkerClient the service uses. */
export interface TrainingWorker {
  train(params: TrainParams, listener: RunListener): void;
  stop(runId: string, keep: boolean): void;
}

/** Everything a run needs, resolved by the caller (the train command) before it is queued. */
export interface RunRequest {
  key: RunKey;
  label: string;
  config: TrainConfig;
  place: ModelPlace;
  source: WireSource;
  /** The data path recorded in meta.json. */
  dataFile: string;
}

export interface ServiceOptions {
  log?: (level: 'info' | 'warn' | 'error', line: string) => void;
  /** The message of a run cancelled while it waited (the extension localises it). */
  cancelledText?: () => string;
}

export const infoOf = (run: TrainingRun): RunInfo => ({ id: run.id, key: { ...run.key }, label: run.label });

export class TrainingService implements TrainingEvents {
  private readonly latest = new Map<string, TrainingRun>();
  private readonly queue = new RunQueue();
  private readonly listeners = new Set<TrainingListener>();
  /** Runs whose 'finished' event went out: it is sent exactly once, whichever path ended the run. */
  private readonly ended = new WeakSet<TrainingRun>();
  private nextRun = 1;

  constructor(
    private readonly worker: TrainingWorker,
    private readonly options: ServiceOptions = {},
  ) {
    this.queue.onDidChange(() =>
      this.emit({
        kind: 'queueChanged',
        active: this.active && infoOf(this.active),
        queued: this.queue.queued.map(infoOf),
      }),
    );
  }

  onEvent(listener: TrainingListener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The run training now, if any. */
  get active(): TrainingRun | undefined {
    return this.queue.active;
  }

  get queued(): readonly TrainingRun[] {
    return this.queue.queued;
  }

  /** The most recent run for a file and column, if any (also after it finished). */
  runFor(key: RunKey): TrainingRun | undefined {
    return this.latest.get(keyOf(key));
  }

  /** The run created last in this window. */
  mostRecent(): TrainingRun | undefined {
    return [...this.latest.values()].pop();
  }

  /** Makes `run` the one for its key (a run rebuilt from a saved model, for instance). */
  remember(run: TrainingRun): void {
    this.latest.delete(keyOf(run.key));
    this.latest.set(keyOf(run.key), run);
  }

  /**
   * Creates a run and queues it; `prepare` sees it before it can start (to attach a panel or a listener), so nothing
   * it does is missed. One run trains at a time, in arrival order.
   */
  submit(request: RunRequest, prepare?: (run: TrainingRun) => void): TrainingRun {
    const run = new TrainingRun(
      `run-${Date.now().toString(36)}-${this.nextRun++}`,
      request.key,
      request.label,
      request.config,
      request.place,
    );
    this.remember(run);
    this.emit({ kind: 'queued', run: infoOf(run) });
    prepare?.(run);
    this.queue.enqueue(run, () => this.execute(run, request));
    return run;
  }

  /** Resolves once `run` has finished, however it ended. */
  whenFinished(run: TrainingRun): Promise<void> {
    if (this.ended.has(run)) return Promise.resolve();
    return new Promise((resolve) => {
      const sub = this.onEvent((e) => {
        if (e.kind === 'finished' && e.run.id === run.id) {
          sub.dispose();
          resolve();
        }
      });
    });
  }

  /** Takes a queued run out, or asks a running one to stop without saving. */
  cancel(run: TrainingRun): void {
    this.stopRun(run, false);
  }

  /** Stop for the run of `key`; keep=true saves the best weights so far (a queued run is just taken out). */
  stop(key: RunKey, keep: boolean): void {
    const run = this.runFor(key);
    if (run) this.stopRun(run, keep);
  }

  private stopRun(run: TrainingRun, keep: boolean): void {
    if (this.queue.remove(run)) {
      run.setState('stopped', this.options.cancelledText?.() ?? 'Cancelled before it started.');
      this.settle(run);
    } else if (!run.finished) {
      this.worker.stop(run.id, keep);
    }
  }

  private execute(run: TrainingRun, request: RunRequest): Promise<void> {
    if (run.finished) return Promise.resolve();
    run.setState('training');
    this.emit({ kind: 'started', run: infoOf(run) });
    this.log(
      'info',
      `train ${run.label} · ${run.key.column}: ${JSON.stringify(run.config)} → ${run.modelDir}`,
    );
    return new Promise<void>((resolve) => {
      const ended = () => {
        this.settle(run);
        resolve();
      };
      try {
        const { key, place, source, dataFile } = request;
        this.worker.train(
          {
            runId: run.id,
            source,
            column: key.column,
            config: run.config,
            modelDir: place.dir,
            modelBase: place.base,
            dataFile,
            ...(key.series !== undefined && { series: key.series }),
            ...(key.seriesColumn !== undefined && { seriesColumn: key.seriesColumn }),
            ...(key.features?.length && { features: key.features }),
          },
          (m) => {
            run.apply(m);
            this.forward(run, m);
            if (run.finished) ended();
          },
        );
      } catch (e) {
        run.setState('error', errorText(e));
        ended();
      }
    });
  }

  /** A worker message, as the domain event (if any) it means. */
  private forward(run: TrainingRun, m: FromWorkerMessage): void {
    switch (m.type) {
      case 'started':
        return this.log(
          'info',
          `run ${run.id}: ${m.rows} values, backend ${m.backend}, window ${m.config.window}`,
        );
      case 'epoch':
        return this.emit({ kind: 'epoch', run: infoOf(run), report: m.report });
      case 'hidden':
        return this.emit({ kind: 'hidden', run: infoOf(run), states: m.states });
      default:
        return;
    }
  }

  private settle(run: TrainingRun): void {
    if (this.ended.has(run) || !run.finished) return;
    this.ended.add(run);
    const s = run.summary;
    if (run.state === 'error') this.log('error', `run ${run.id} failed: ${run.error ?? ''}`);
    else if (s)
      this.log(
        'info',
        `run ${run.id} ${run.state} in ${s.seconds.toFixed(1)} s; val MAE ${s.metrics.mae} RMSE ${s.metrics.rmse} MASE ${s.metrics.mase}; naive MAE ${s.baselines.naive.mae}; saved: ${s.saved ? s.modelDir : 'no'}`,
      );
    else this.log('info', `run ${run.id} ${run.state}`);
    const state = run.state === 'done' ? 'done' : run.state === 'error' ? 'error' : 'stopped';
    this.emit({
      kind: 'finished',
      run: infoOf(run),
      state,
      error: run.error,
      modelDir: s?.saved ? s.modelDir : undefined,
    });
  }

  private emit(event: TrainingEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(event);
      } catch (e) {
        // One faulty listener must not keep the others (or the queue) from hearing about a run.
        this.log('error', `training event listener: ${errorText(e)}`);
      }
    }
  }

  private log(level: 'info' | 'warn' | 'error', line: string): void {
    this.options.log?.(level, line);
  }
}
