import * as assert from 'node:assert/strict';
import { resolveConfig } from '../../../src/model/config';
import type { Metrics } from '../../../src/model/types';
import type { TrainingEvent } from '../../../src/extension/training/trainingEvents';
import {
  TrainingService,
  type RunRequest,
  type TrainingWorker,
} from '../../../src/extension/training/trainingService';
import type { RunListener, TrainParams } from '../../../src/extension/training/workerClient';

const metrics: Metrics = { mae: 1, mse: 1, rmse: 1, mape: 1, smape: 1, mase: 1 };
const baselines = { naive: metrics, seasonalNaive: metrics, season: 1 };

/** A worker that trains only when the test says so: it records requests and lets the test answer them. */
class FakeWorker implements TrainingWorker {
  readonly trained: TrainParams[] = [];
  readonly stops: Array<{ runId: string; keep: boolean }> = [];
  private readonly listeners = new Map<string, RunListener>();

  train(params: TrainParams, listener: RunListener): void {
    this.trained.push(params);
    this.listeners.set(params.runId, listener);
  }

  stop(runId: string, keep: boolean): void {
    this.stops.push({ runId, keep });
  }

  epoch(runId: string, epoch: number): void {
    this.send(runId, {
      type: 'epoch',
      runId,
      report: { epoch, epochs: 3, loss: 0.5, valLoss: 0.6, seconds: 0.1, best: true },
    });
  }

  done(runId: string, saved = true): void {
    this.send(runId, {
      type: 'done',
      runId,
      saved,
      modelDir: saved ? `/m/${runId}` : '',
      seconds: 1,
      metrics,
      baselines,
      stoppedEarly: false,
    });
  }

  /** Like WorkerClient: a run hears nothing more after Done or Failed. */
  send(runId: string, m: Parameters<RunListener>[0]): void {
    const listener = this.listeners.get(runId);
    if (m.type === 'done' || m.type === 'failed') this.listeners.delete(runId);
    listener?.(m);
  }
}

const request = (name: string): RunRequest => ({
  key: { file: `file:///${name}.csv`, column: 'v' },
  label: `${name}.csv`,
  config: resolveConfig({ epochs: 3 }),
  place: { base: '/m', dir: `/m/${name}` },
  source: { path: `/data/${name}.csv` },
  dataFile: `${name}.csv`,
});

/** The events as short strings: "kind name" (queueChanged: "queue active|waiting,…"). */
function summarize(e: TrainingEvent): string {
  if (e.kind === 'queueChanged')
    return `queue ${e.active?.label ?? '-'}|${e.queued.map((r) => r.label).join(',')}`;
  if (e.kind === 'finished') return `finished ${e.run.label} ${e.state}${e.modelDir ? ' saved' : ''}`;
  return `${e.kind} ${e.run.label}`;
}

/** The queue starts the next run once the previous run's promise has settled, a few microtasks later. */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

function setup() {
  const worker = new FakeWorker();
  const service = new TrainingService(worker, { cancelledText: () => 'cancelled' });
  const events: string[] = [];
  service.onEvent((e) => events.push(summarize(e)));
  return { worker, service, events };
}

describe('TrainingService', () => {
  it('announces a run as queued, started, each epoch and finished, as plain data', async () => {
    const { worker, service, events } = setup();
    const run = service.submit(request('a'));
    worker.epoch(run.id, 1);
    worker.send(run.id, {
      type: 'hidden',
      runId: run.id,
      states: { cell: 'gru', steps: 0, units: 0, start: 0, input: [], layers: [] },
    });
    worker.done(run.id);
    await tick();
    assert.deepEqual(events, [
      'queued a.csv',
      'queue -|a.csv',
      'queue a.csv|',
      'started a.csv',
      'epoch a.csv',
      'hidden a.csv',
      'finished a.csv done saved',
      'queue -|',
    ]);
    assert.equal(run.state, 'done');
  });

  it('sends the worker the resolved request: source, column, config and model place', () => {
    const { worker, service } = setup();
    const run = service.submit(request('a'));
    assert.deepEqual(worker.trained, [
      {
        runId: run.id,
        source: { path: '/data/a.csv' },
        column: 'v',
        config: resolveConfig({ epochs: 3 }),
        modelDir: '/m/a',
        modelBase: '/m',
        dataFile: 'a.csv',
      },
    ]);
  });

  it('lets prepare see a run before it can start, so a panel misses nothing', () => {
    const { service } = setup();
    const states: string[] = [];
    service.submit(request('a'), (run) => states.push(run.state));
    assert.deepEqual(states, ['queued']);
  });

  it('trains one run at a time: the second waits until the first has finished', async () => {
    const { worker, service, events } = setup();
    const a = service.submit(request('a'));
    const b = service.submit(request('b'));
    assert.deepEqual(
      worker.trained.map((t) => t.runId),
      [a.id],
    );
    assert.equal(events.at(-1), 'queue a.csv|b.csv');
    worker.done(a.id);
    await tick();
    assert.deepEqual(
      worker.trained.map((t) => t.runId),
      [a.id, b.id],
    );
    assert.equal(service.active, b);
  });

  it('cancels a queued run without ever sending it to the worker', async () => {
    const { worker, service, events } = setup();
    const a = service.submit(request('a'));
    const b = service.submit(request('b'));
    const finished = service.whenFinished(b);
    service.cancel(b);
    await finished;
    assert.equal(b.state, 'stopped');
    assert.ok(events.includes('finished b.csv stopped'));
    worker.done(a.id);
    assert.deepEqual(
      worker.trained.map((t) => t.runId),
      [a.id],
    );
  });

  it('asks the worker to stop a running run, keeping or not as told', () => {
    const { worker, service } = setup();
    const a = service.submit(request('a'));
    service.stop(a.key, true);
    service.cancel(a);
    assert.deepEqual(worker.stops, [
      { runId: a.id, keep: true },
      { runId: a.id, keep: false },
    ]);
  });

  it('ends a run the worker failed as an error with its message, and sends finished only once', () => {
    const { worker, service, events } = setup();
    const a = service.submit(request('a'));
    worker.send(a.id, { type: 'failed', runId: a.id, message: 'a.csv: line 3: not a number' });
    service.cancel(a);
    service.stop(a.key, true);
    assert.deepEqual(
      events.filter((e) => e.startsWith('finished')),
      ['finished a.csv error'],
    );
    assert.equal(a.error, 'a.csv: line 3: not a number');
    assert.deepEqual(worker.stops, [], 'a finished run is not stopped again');
  });

  it('ends a run whose worker request throws as an error, and starts the next one', async () => {
    const worker = new FakeWorker();
    let calls = 0;
    const throwing: TrainingWorker = {
      train: (p, l) => {
        if (calls++ === 0) throw new Error('SeqLab is shutting down');
        worker.train(p, l);
      },
      stop: (id, keep) => worker.stop(id, keep),
    };
    const service = new TrainingService(throwing);
    const a = service.submit(request('a'));
    const b = service.submit(request('b'));
    assert.deepEqual([a.state, a.error], ['error', 'SeqLab is shutting down']);
    await tick();
    assert.equal(b.state, 'training');
  });

  it('keeps the latest run per file and column, and a faulty listener does not stop the others', () => {
    const { worker, service, events } = setup();
    service.onEvent(() => {
      throw new Error('boom');
    });
    const first = service.submit(request('a'));
    worker.done(first.id);
    const second = service.submit(request('a'));
    assert.equal(service.runFor(first.key), second);
    assert.equal(service.mostRecent(), second);
    assert.ok(events.includes('finished a.csv done saved'));
  });
});
