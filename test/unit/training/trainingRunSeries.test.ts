/** A global run's series selection on the host: views of a series not chosen are dropped, and replays name theirs. */
import * as assert from 'node:assert/strict';
import { resolveConfig } from '../../../src/model/config';
import { TrainingRun } from '../../../src/extension/training/trainingRun';
import type { ToWebviewMessage } from '../../../src/shared/protocol';

const make = () =>
  new TrainingRun('r', { file: 'file:///long.csv', column: 'close' }, 'long.csv', resolveConfig({}), {
    base: '/',
    dir: '/m',
  });
const trace = (first: number) => ({ index: [first], actual: [1], predicted: [2], naive: [3] });

describe('TrainingRun series selection', () => {
  it('lists the series the worker started with, and replays the series its views are of', () => {
    const run = make();
    const seen: ToWebviewMessage[] = [];
    run.onMessage((m) => seen.push(m));
    run.apply({
      type: 'started',
      runId: 'r',
      config: resolveConfig({}),
      column: 'close',
      rows: 310,
      backend: 'kernel',
      series: ['AAA', 'BBB'],
    });
    run.apply({ type: 'validation', runId: 'r', trace: trace(96), series: 'AAA' });
    assert.deepEqual(seen[0], { type: 'seriesList', names: ['AAA', 'BBB'] });
    assert.deepEqual(seen[1], { type: 'validation', trace: trace(96), series: 'AAA' });
    const replay = run.replay();
    assert.deepEqual(replay.seriesNames, ['AAA', 'BBB']);
    assert.equal(replay.series, 'AAA');
  });

  it('drops views of another series once one is selected, and shows the answer for the selected one', () => {
    const run = make();
    const seen: ToWebviewMessage[] = [];
    run.onMessage((m) => seen.push(m));
    run.select('BBB');
    // A tick computed before the selection reached the worker.
    run.apply({ type: 'validation', runId: 'r', trace: trace(96), series: 'AAA' });
    assert.equal(seen.length, 0);
    run.showSeries({ type: 'seriesViewed', runId: 'r', series: 'BBB', trace: trace(80) });
    assert.deepEqual(seen, [{ type: 'validation', trace: trace(80), series: 'BBB' }]);
    assert.equal(run.replay().series, 'BBB');
    // An answer to an older selection is stale too.
    run.select('CCC');
    run.showSeries({ type: 'seriesViewed', runId: 'r', series: 'BBB', trace: trace(80) });
    run.showSeries({ type: 'seriesViewed', runId: 'r', series: 'CCC', message: 'no model' });
    assert.deepEqual(seen.slice(1), [{ type: 'seriesMissing', series: 'CCC', message: 'no model' }]);
  });
});
