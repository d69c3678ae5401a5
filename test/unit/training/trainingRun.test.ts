import * as assert from 'node:assert/strict';
import { resolveConfig } from '../../../src/model/config';
import type { Metrics } from '../../../src/model/types';
import { TrainingRun } from '../../../src/extension/training/trainingRun';
import type { ToWebviewMessage } from '../../../src/shared/protocol';

const metrics: Metrics = { mae: 1, mse: 1, rmse: 1, mape: 1, smape: 1, mase: 1 };
const baselines = { naive: metrics, seasonalNaive: metrics, season: 1 };
const make = () =>
  new TrainingRun('r', { file: 'file:///a.csv', column: 'v' }, 'a.csv', resolveConfig({}), {
    base: '/',
    dir: '/m',
  });
const epoch = (n: number) => ({
  type: 'epoch' as const,
  runId: 'r',
  report: { epoch: n, epochs: 9, loss: 1, valLoss: 1, seconds: 0, best: false },
});

describe('TrainingRun', () => {
  it('forwards each epoch to the panel as a delta and keeps it for replay', () => {
    const run = make();
    const seen: ToWebviewMessage[] = [];
    run.onMessage((m) => seen.push(m));
    run.apply(epoch(1));
    run.apply(epoch(2));
    assert.deepEqual(
      seen.map((m) => m.type),
      ['epoch', 'epoch'],
    );
    assert.equal(run.replay().epochs.length, 2);
  });

  it('ends as done when the model was saved and as stopped when it was not', () => {
    const saved = make();
    saved.apply({
      type: 'done',
      runId: 'r',
      saved: true,
      modelDir: '/m',
      seconds: 1,
      metrics,
      baselines,
      stoppedEarly: false,
    });
    const dropped = make();
    dropped.apply({
      type: 'done',
      runId: 'r',
      saved: false,
      modelDir: '',
      seconds: 1,
      metrics,
      baselines,
      stoppedEarly: true,
    });
    assert.deepEqual([saved.state, dropped.state], ['done', 'stopped']);
  });

  it('replays a failure with its message', () => {
    const run = make();
    run.apply({ type: 'failed', runId: 'r', message: 'a.csv: line 3: not a number' });
    assert.deepEqual([run.replay().state, run.replay().message], ['error', 'a.csv: line 3: not a number']);
  });

  it('thins the batch history instead of growing without bound', () => {
    const run = make();
    for (let i = 0; i < 10000; i++)
      run.apply({ type: 'batch', runId: 'r', report: { epoch: 1, batch: i, batches: 10000, loss: 1 } });
    assert.ok(run.batches.length <= 4000, `${run.batches.length} batches kept`);
    assert.ok(run.batches.length > 1000);
  });
});
