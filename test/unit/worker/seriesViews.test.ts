/**
 * The worker's per-series views of a global run (the panel's series selector), with the real worker: while the run
 * trains, from its live weights (and its later views follow the selection); once it is saved, from the saved model.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerClient } from '../../../src/extension/training/workerClient';
import type { FromWorkerMessage, SeriesViewed } from '../../../src/shared/protocol';
import type { ValidationTrace } from '../../../src/shared/types';

const WORKER = join(__dirname, '../../../src/worker/main.js');
const LONG = join(__dirname, '../../../../test/fixtures/data/long.csv');

/** long.csv's closes by symbol, in file order. */
function bySymbol(): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const line of readFileSync(LONG, 'utf8').trim().split(/\r?\n/).slice(1)) {
    const [, symbol, close] = line.split(',');
    out.set(symbol, [...(out.get(symbol) ?? []), Number(close)]);
  }
  return out;
}

function assertTraceOf(t: ValidationTrace | undefined, values: number[], name: string): void {
  assert.ok(t && t.index.length > 0, `${name}: no trace`);
  assert.equal(t.index[t.index.length - 1], values.length - 1, name);
  assert.deepEqual(
    t.actual,
    t.index.map((i) => values[i]),
    name,
  );
  assert.ok(t.predicted.every(Number.isFinite), `${name}: the model's line is missing`);
}

describe('per-series views of a global run, from the worker', function () {
  this.timeout(120000);
  const values = bySymbol();
  let dir: string;
  let client: WorkerClient;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'seqlab-series-'))));
  beforeEach(() => (client = new WorkerClient(WORKER)));
  afterEach(() => client.dispose());
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('answers from the live weights while training, later views follow the selection, then the saved model answers', async () => {
    const runId = 'global-1';
    const modelDir = join(dir, 'close');
    const place = { source: { path: LONG }, modelDir, modelBase: dir };
    const seen: FromWorkerMessage[] = [];
    let live: Promise<SeriesViewed> | undefined;
    let selectedAt = -1;
    await new Promise<void>((resolve) => {
      client.train(
        {
          runId,
          source: { path: LONG },
          column: 'close',
          seriesColumn: 'symbol',
          // Long enough to still be training when the selection arrives; Stop (keep) ends it.
          config: { cell: 'gru', units: 16, window: 5, epochs: 5000, patience: 0, seed: 1 },
          modelDir,
          modelBase: dir,
          dataFile: 'long.csv',
        },
        (m) => {
          seen.push(m);
          if (m.type === 'epoch' && !live) {
            selectedAt = seen.length;
            live = client.viewSeries({ runId, series: 'BBB', ...place });
            void live.then(() => client.stop(runId, true));
          }
          if (m.type === 'done' || m.type === 'failed') resolve();
        },
      );
    });
    const started = seen[0];
    assert.ok(started.type === 'started');
    // ZZZ's six rows are too few for any window: the reader leaves it out and says so.
    assert.deepEqual(started.series, ['AAA', 'BBB', 'CCC']);
    const last = seen[seen.length - 1];
    assert.ok(last.type === 'done' && last.saved, JSON.stringify(last));
    assert.ok(last.stoppedEarly, 'the run ended before its selection was answered');
    const reply = await live;
    assert.ok(reply?.states, reply?.message);
    assertTraceOf(reply.trace, values.get('BBB') ?? [], 'live BBB');
    assert.deepEqual(reply.states.input, values.get('BBB')?.slice(-5));
    // Views computed after the selection reached the worker (the final one at least) are of BBB.
    const views = seen.slice(selectedAt).filter((m) => m.type === 'validation' || m.type === 'hidden');
    const final = views[views.length - 1];
    assert.ok(final && 'series' in final && final.series === 'BBB', JSON.stringify(final?.type));
    const before = seen.slice(0, selectedAt).filter((m) => m.type === 'validation' && m.series !== undefined);
    assert.ok(before.every((m) => m.type === 'validation' && m.series === 'AAA'));

    const saved = await client.viewSeries({ runId, series: 'CCC', ...place });
    assertTraceOf(saved.trace, values.get('CCC') ?? [], 'saved CCC');
    assert.deepEqual(saved.states?.input, values.get('CCC')?.slice(-5));
    const tooShort = await client.viewSeries({ runId, series: 'ZZZ', ...place });
    assert.equal(tooShort.trace, undefined);
    assert.match(tooShort.message ?? '', /ZZZ/);
  });

  it('says why when the run kept no model', async () => {
    const reply = await client.viewSeries({
      runId: 'gone',
      series: 'AAA',
      source: { path: LONG },
      modelDir: join(dir, 'never-saved'),
      modelBase: dir,
    });
    assert.equal(reply.trace, undefined);
    assert.ok((reply.message ?? '').length > 0);
  });
});
