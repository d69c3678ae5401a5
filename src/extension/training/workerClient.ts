/**
 * The host's side of the worker thread. The worker (and with it the kernel) is created on first use and terminated as soon
 * as nothing is running or pending, so an idle extension host holds no model memory. Kept free of `vscode` so plain
 * Node tests and benchmarks drive exactly this class.
 */
import type { CheckMethod } from '../../shared/types';
import type { ModelPlace } from '../../model/store/paths';
import { Worker } from 'node:worker_threads';
import { MessageHandler } from '../../shared/messageHandler';
import { workerMemoryLimit } from '../../shared/workerMemory';
import type { BacktestProgress } from '../../shared/types';
import type {
  BacktestRequest,
  Backtested,
  Checked,
  FromWorkerMessage,
  Inspected,
  NewRowPlanned,
  NewSeriesRowsRequest,
  Predicted,
  Explained,
  ExplainRequest,
  Probed,
  TrainRequest,
  ToWorkerMessage,
  SeriesViewed,
  ViewSeriesRequest,
  WireSource,
} from '../../shared/protocol';
import { isFromWorkerMessage } from '../../shared/protocolGuards';

export type RunListener = (message: FromWorkerMessage) => void;

/** How a run that the worker's death ended is explained (the extension localises these). */
export interface ExitTexts {
  stopped(code: number): string;
  outOfMemory(limitMb: number): string;
}

const ENGLISH: ExitTexts = {
  stopped: (code) => `the training worker stopped (exit code ${code})`,
  outOfMemory: (mb) =>
    `the training worker ran out of memory (its limit is ${mb} MB, setting seqlab.worker.memoryLimitMB)`,
};

export interface WorkerOptions {
  /** The worker's V8 heap limit: a hostile or huge file ends its run with a message instead of the extension host. */
  memoryLimitMb?: () => number;
  texts?: ExitTexts;
}
export type TrainParams = Omit<TrainRequest, 'type'>;
export type BacktestParams = Omit<BacktestRequest, 'type'>;

export class WorkerClient {
  private worker: Worker | undefined;
  private handler: MessageHandler<ToWorkerMessage, FromWorkerMessage> | undefined;
  private readonly runs = new Map<string, { listener: RunListener; worker: Worker }>();
  /** Backtests under way, by runId: their progress events go to these. */
  private readonly backtests = new Map<string, (p: BacktestProgress) => void>();
  private readonly exitListeners = new Set<(code: number) => void>();
  private disposed = false;
  private exiting: Promise<unknown> | undefined;
  private holds = 0;
  /** How many times a worker thread has exited; tests read it to prove termination happened. */
  exits = 0;

  private readonly texts: ExitTexts;

  constructor(
    private readonly workerPath: string,
    private readonly log: (level: 'info' | 'warn' | 'error', line: string) => void = () => undefined,
    private readonly options: WorkerOptions = {},
  ) {
    this.texts = options.texts ?? ENGLISH;
  }

  /**
   * Starts the worker ahead of a run and keeps it alive until the returned release is called, so starting it
   * overlaps with inspecting the file and picking a column, and the inspection's worker is the one that trains.
   */
  hold(): () => void {
    if (this.disposed) return () => undefined;
    this.channel();
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      this.terminateIfIdle();
    };
  }

  /** Starts a run; `listener` gets every message tagged with its runId until Done or Failed. */
  train(params: TrainParams, listener: RunListener): void {
    const channel = this.channel();
    if (this.worker) this.runs.set(params.runId, { listener, worker: this.worker });
    channel.sendEvent({ type: 'train', ...params });
  }

  /** Asks the run to stop after the current batch; keep=true saves the best weights so far. */
  stop(runId: string, keep: boolean): void {
    if ((this.runs.has(runId) || this.backtests.has(runId)) && this.handler)
      this.handler.sendEvent({ type: 'stop', runId, keep });
  }

  /**
   * A backtest in the worker; `onProgress` hears each fold's start and the network's epochs. stop(runId) ends it
   * early, and it then resolves with `stopped: true`.
   */
  async backtest(params: BacktestParams, onProgress: (p: BacktestProgress) => void): Promise<Backtested> {
    this.backtests.set(params.runId, onProgress);
    try {
      return await this.ask({ type: 'backtest', ...params }, 'backtested');
    } finally {
      this.backtests.delete(params.runId);
    }
  }

  /**
   * The forecast, and with `history` the series' last `history` values (for a chart). `column` is the column the
   * caller means: the worker refuses a folder whose meta.json is of another.
   */
  async predict(
    source: WireSource,
    place: ModelPlace,
    steps: number,
    history?: number,
    series?: string,
    column?: string,
    method?: CheckMethod,
  ): Promise<Predicted> {
    return this.ask(
      {
        type: 'predict',
        source,
        modelDir: place.dir,
        modelBase: place.base,
        steps,
        history,
        series,
        ...(column !== undefined && { column }),
        ...(method && { method }),
      },
      'predicted',
    );
  }

  async probe(
    source: WireSource,
    place: ModelPlace,
    start?: number,
    trace?: boolean,
    series?: string,
  ): Promise<Probed> {
    return this.ask(
      {
        type: 'probe',
        source,
        modelDir: place.dir,
        modelBase: place.base,
        start,
        trace,
        ...(series !== undefined && { series }),
      },
      'probed',
    );
  }

  /** Saliency, unit meanings, memory, matches and the state trajectory of a saved model (src/model/explain). */
  async explain(
    source: WireSource,
    place: ModelPlace,
    options: Pick<ExplainRequest, 'windowAt' | 'match' | 'series'> = {},
  ): Promise<Explained> {
    return this.ask(
      { type: 'explain', source, modelDir: place.dir, modelBase: place.base, ...options },
      'explained',
    );
  }

  /** The file's columns and a sparkline of each usable one, parsed in the worker. */
  async inspect(source: WireSource): Promise<Inspected> {
    return this.ask({ type: 'inspect', source }, 'inspected');
  }

  /** The file's problems (the first MAX_PROBLEMS), layout and columns, parsed in the worker. */
  async check(source: WireSource): Promise<Checked> {
    return this.ask({ type: 'check', source }, 'checked');
  }

  /** The insertions that append `value` to `column` as a new row, at offsets into the text `source` holds. */
  async newRow(source: WireSource, column: string, value: number): Promise<NewRowPlanned> {
    return this.ask({ type: 'newRow', source, column, value }, 'newRowPlanned');
  }

  async newSeriesRows(
    source: WireSource,
    rows: Omit<NewSeriesRowsRequest, 'type' | 'source'>,
  ): Promise<NewRowPlanned> {
    return this.ask({ type: 'newSeriesRows', source, ...rows }, 'newRowPlanned');
  }

  /** One series of a global run: from its live weights while it trains, else from its saved model. */
  async viewSeries(params: Omit<ViewSeriesRequest, 'type'>): Promise<SeriesViewed> {
    return this.ask({ type: 'viewSeries', ...params }, 'seriesViewed');
  }

  onDidExit(listener: (code: number) => void): { dispose(): void } {
    this.exitListeners.add(listener);
    return { dispose: () => this.exitListeners.delete(listener) };
  }

  /** Terminates the worker now; any run in progress ends as Failed. */
  async terminate(): Promise<void> {
    const w = this.worker;
    // Detach first so a request made while this one is dying gets a fresh worker instead of a lost message.
    this.worker = undefined;
    this.handler = undefined;
    if (!w) return;
    this.exiting = w.terminate();
    await this.exiting;
  }

  /** Resolves once a worker that is being terminated has exited (at once when none is). */
  async settled(): Promise<void> {
    await this.exiting;
  }

  dispose(): void {
    this.disposed = true;
    void this.terminate();
  }

  /** A request whose reply must be of type `expected`; any other reply is an error naming both. */
  private async ask<T extends FromWorkerMessage['type']>(
    message: ToWorkerMessage,
    expected: T,
  ): Promise<Extract<FromWorkerMessage, { type: T }>> {
    const reply = await this.request(message);
    if (reply.type !== expected) throw new Error(`unexpected reply "${reply.type}" to ${message.type}`);
    return reply as Extract<FromWorkerMessage, { type: T }>;
  }

  private async request(message: ToWorkerMessage): Promise<FromWorkerMessage> {
    try {
      return await this.channel().sendRequest(message);
    } finally {
      this.terminateIfIdle();
    }
  }

  private channel(): MessageHandler<ToWorkerMessage, FromWorkerMessage> {
    if (this.disposed) throw new Error('SeqLab is shutting down');
    if (this.worker && this.handler) return this.handler;
    const limit = workerMemoryLimit(this.options.memoryLimitMb?.());
    const worker = new Worker(
      this.workerPath,
      limit ? { resourceLimits: { maxOldGenerationSizeMb: limit } } : {},
    );
    let outOfMemory = false;
    const handler = new MessageHandler<ToWorkerMessage, FromWorkerMessage>({
      post: (envelope) => worker.postMessage(envelope),
      validate: isFromWorkerMessage,
      onEvent: (m) => this.dispatch(m),
      log: (line) => this.log('warn', `worker: ${line}`),
    });
    worker.on('message', (m: unknown) => handler.handleMessage(m));
    worker.on('error', (e) => {
      outOfMemory ||= (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.log('error', `worker error: ${e.message}`);
    });
    worker.on('exit', (code) =>
      this.onExit(
        worker,
        handler,
        code,
        outOfMemory && limit ? this.texts.outOfMemory(limit) : this.texts.stopped(code),
      ),
    );
    this.worker = worker;
    this.handler = handler;
    this.log('info', 'worker started');
    return handler;
  }

  private dispatch(m: FromWorkerMessage): void {
    if (m.type === 'backtestProgress') return this.backtests.get(m.runId)?.(m.progress);
    if (!('runId' in m) || m.runId === undefined) {
      if (m.type === 'failed') this.log('error', `worker: ${m.message}`);
      return;
    }
    const listener = this.runs.get(m.runId)?.listener;
    if (!listener) return;
    if (m.type === 'done' || m.type === 'failed') this.runs.delete(m.runId);
    try {
      listener(m);
    } finally {
      this.terminateIfIdle();
    }
  }

  private terminateIfIdle(): void {
    if (this.runs.size === 0 && this.holds === 0 && this.handler && this.handler.pendingRequests === 0)
      void this.terminate();
  }

  private onExit(
    worker: Worker,
    handler: MessageHandler<ToWorkerMessage, FromWorkerMessage>,
    code: number,
    why: string,
  ): void {
    if (this.worker === worker) {
      this.worker = undefined;
      this.handler = undefined;
    }
    this.exits++;
    this.log('info', `worker exited (code ${code})`);
    handler.rejectAll(why);
    // Runs still registered did not finish: tell their owners instead of leaving them waiting forever.
    const orphans = [...this.runs.entries()].filter(([, r]) => r.worker === worker);
    for (const [runId, { listener }] of orphans) {
      this.runs.delete(runId);
      listener({ type: 'failed', runId, message: why });
    }
    for (const l of this.exitListeners) l(code);
  }
}
