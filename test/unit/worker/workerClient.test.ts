import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { WorkerClient } from '../../../src/extension/training/workerClient';
import type { FromWorkerMessage } from '../../../src/shared/protocol';
import { WORKER_MEMORY_FLOOR_MB } from '../../../src/shared/workerMemory';

/** The tsc-compiled worker entry: the same code esbuild bundles into dist/worker.js. */
const WORKER = join(__dirname, '../../../src/worker/main.js');
const small = {
  cell: 'gru' as const,
  units: 4,
  window: 5,
  epochs: 2,
  batchSize: 16,
  patience: 0,
  backend: 'cpu' as const,
};

function train(
  client: WorkerClient,
  csv: string,
  modelDir: string,
  config: object,
  onMessage?: (m: FromWorkerMessage, runId: string) => void,
) {
  const runId = `r${Math.random()}`;
  return new Promise<FromWorkerMessage[]>((resolve) => {
    const seen: FromWorkerMessage[] = [];
    client.train(
      {
        runId,
        source: { path: csv },
        column: 'value',
        config,
        modelDir,
        modelBase: dirname(modelDir),
        dataFile: 'series.csv',
      },
      (m) => {
        seen.push(m);
        onMessage?.(m, runId);
        if (m.type === 'done' || m.type === 'failed') resolve(seen);
      },
    );
  });
}

describe('WorkerClient with the real worker', function () {
  this.timeout(120000);
  let dir: string;
  let csv: string;
  let client: WorkerClient;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'seqlab-worker-'));
    csv = join(dir, 'series.csv');
    const rows = Array.from({ length: 120 }, (_, i) => `${i},${Math.sin(i / 5).toFixed(5)}`);
    writeFileSync(csv, ['t,value', ...rows].join('\n'));
  });
  beforeEach(() => (client = new WorkerClient(WORKER)));
  afterEach(() => client.dispose());
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('streams started, epochs, validation and hidden states, then done with the model saved', async () => {
    const modelDir = join(dir, 'm1');
    const seen = await train(client, csv, modelDir, small);
    const types = seen.map((m) => m.type);
    assert.equal(types[0], 'started');
    assert.equal(types.filter((t) => t === 'epoch').length, 2);
    assert.ok(seen.some((m) => m.type === 'validation') && seen.some((m) => m.type === 'hidden'));
    const done = seen[seen.length - 1];
    assert.ok(done.type === 'done' && done.saved);
    assert.equal(JSON.parse(readFileSync(join(modelDir, 'meta.json'), 'utf8')).column, 'value');
  });

  it('coalesces fast epochs into at most ~20 messages a second, every epoch delivered once and in order', async () => {
    // A tiny network trains hundreds of epochs a second on the kernel; one message each swamped the host.
    const t0 = performance.now();
    const seen = await train(client, csv, join(dir, 'mfast'), {
      ...small,
      cell: 'rnn',
      units: 2,
      epochs: 600,
      // One candidate: 'auto' differencing trains two and counts both runs' epochs.
      difference: 'first',
      ensemble: 1,
    });
    const seconds = (performance.now() - t0) / 1000;
    const messages = seen.filter((m) => m.type === 'epoch');
    const epochs = messages.flatMap((m) => (m.type === 'epoch' ? [...(m.earlier ?? []), m.report] : []));
    assert.deepEqual(
      epochs.map((r) => r.epoch),
      Array.from({ length: epochs.length }, (_, i) => i + 1),
    );
    assert.equal(epochs.at(-1)?.epoch, 600);
    assert.ok(
      messages.length <= 20 * seconds + 3,
      `${messages.length} epoch messages in ${seconds.toFixed(2)} s`,
    );
  });

  it('terminates the worker when the run is done and reports its exit', async () => {
    const exited = new Promise<number>((resolve) => client.onDidExit(resolve));
    await train(client, csv, join(dir, 'm2'), small);
    await exited;
    assert.equal(client.exits, 1);
  });

  it('stops after a Stop without keeping and saves nothing', async () => {
    const modelDir = join(dir, 'm3');
    const seen = await train(client, csv, modelDir, { ...small, epochs: 50 }, (m, runId) => {
      if (m.type === 'epoch' && m.report.epoch === 1) client.stop(runId, false);
    });
    const done = seen[seen.length - 1];
    assert.ok(done.type === 'done' && !done.saved);
    assert.ok(seen.filter((m) => m.type === 'epoch').length < 50);
    assert.equal(existsSync(modelDir), false);
  });

  it('keeps the model on "Stop and keep"', async () => {
    const modelDir = join(dir, 'm4');
    const seen = await train(client, csv, modelDir, { ...small, epochs: 50 }, (m, runId) => {
      if (m.type === 'epoch' && m.report.epoch === 1) client.stop(runId, true);
    });
    const done = seen[seen.length - 1];
    assert.ok(done.type === 'done' && done.saved);
    assert.ok(existsSync(join(modelDir, 'meta.json')));
  });

  it('fails a run whose train request the worker cannot read, rather than leaving it running forever', async () => {
    const seen = await train(client, csv, join(dir, 'm-bad-request'), { units: 'eight' });
    const last = seen[seen.length - 1];
    assert.ok(
      last.type === 'failed' && /could not read this train request/.test(last.message),
      JSON.stringify(last),
    );
  });

  it('fails a run on a file with no numeric column with one line naming the file', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'name,value\nann,paris\nbob,rome\n');
    const seen = await train(client, bad, join(dir, 'm5'), small);
    const last = seen[seen.length - 1];
    assert.ok(last.type === 'failed');
    assert.match(last.message, /bad\.csv/);
    assert.equal(last.message.includes('\n'), false);
  });

  it('inspects a file in the worker: usable columns, counts and a sparkline for each', async () => {
    const reply = await client.inspect({ path: csv });
    assert.deepEqual(reply.usable, ['t', 'value']);
    assert.equal(reply.columns.find((c) => c.name === 'value')?.count, 120);
    assert.match(reply.sparklines.value, /^[▁▂▃▄▅▆▇█]+$/);
  });

  it('keeps a held worker across requests and terminates it once released', async () => {
    const release = client.hold();
    await client.inspect({ path: csv });
    await client.inspect({ path: csv });
    assert.equal(client.exits, 0);
    const exited = new Promise<number>((resolve) => client.onDidExit(resolve));
    release();
    await exited;
    assert.equal(client.exits, 1);
  });

  it('ends a request whose worker runs out of memory with a clear message, and the next run works', async () => {
    let limit = WORKER_MEMORY_FLOOR_MB;
    const limited = new WorkerClient(WORKER, undefined, { memoryLimitMb: () => limit });
    try {
      // A JSON file is read whole: at just under a quarter of the limit it passes the size check, and its inspection
      // runs the worker out of memory (workerMemory.test.ts: the process survives that).
      const big = join(dir, 'big.json');
      const rows = Array.from({ length: 350000 }, (_, i) =>
        JSON.stringify({ date: new Date(Date.UTC(2000, 0, 1) + i * 3600e3).toISOString(), value: i % 7 }),
      );
      writeFileSync(big, `[${rows.join(',')}]`);
      await assert.rejects(
        limited.inspect({ path: big }),
        new RegExp(
          `ran out of memory \\(its limit is ${WORKER_MEMORY_FLOOR_MB} MB, setting seqlab.worker.memoryLimitMB\\)`,
        ),
      );
      limit = 0;
      const done = (await train(limited, csv, join(dir, 'm-after'), small)).pop();
      assert.equal(done?.type, 'done');
    } finally {
      limited.dispose();
    }
  });

  it("answers a predict request from a saved model, with the series' last values when asked", async () => {
    const modelDir = join(dir, 'm6');
    await train(client, csv, modelDir, small);
    const reply = await client.predict({ path: csv }, { base: dir, dir: modelDir }, 3);
    assert.equal(reply.forecast.forecast.length, 3);
    assert.equal(reply.history, undefined);
    const withHistory = await client.predict({ path: csv }, { base: dir, dir: modelDir }, 1, 5);
    assert.deepEqual(
      withHistory.history,
      [115, 116, 117, 118, 119].map((i) => Number(Math.sin(i / 5).toFixed(5))),
    );
  });

  it('checks a file in the worker: each problem at its line, with the layout and columns that place it', async () => {
    const bad = join(dir, 'check.csv');
    writeFileSync(bad, 'date;value\r\n2024-01-01;1,5\r\n2024-01-02;\r\n2024-01-03;abc\r\n2024-01-04;2,5\r\n');
    const reply = await client.check({ path: bad });
    assert.equal(reply.rows, 4);
    assert.deepEqual(
      reply.columns.map((c) => c.name),
      ['date', 'value'],
    );
    assert.deepEqual(
      [reply.layout.format, reply.layout.delimiter, reply.layout.lineEnding],
      ['csv', ';', '\r\n'],
    );
    assert.deepEqual(
      reply.problems.filter((p) => p.line > 0).map((p) => [p.line, p.column]),
      [
        [3, 'value'],
        [4, 'value'],
      ],
    );
    assert.equal(reply.omitted, 0);
  });

  it('sends at most 1000 problems of a file and counts the rest', async () => {
    const bad = join(dir, 'many.csv');
    // The data layer lists 20 missing cells per column (and counts the rest): 80 columns with 30 gaps each are 1,680.
    const cols = Array.from({ length: 80 }, (_, j) => `c${j}`);
    const rows = Array.from({ length: 60 }, (_, i) =>
      cols.map((_, j) => ((i + j) % 2 ? String(i) : '')).join(','),
    );
    writeFileSync(bad, [cols.join(','), ...rows].join('\n'));
    const reply = await client.check({ path: bad });
    assert.equal(reply.problems.length, 1000);
    assert.ok(reply.omitted >= 500, String(reply.omitted));
  });

  it('plans a new row in the worker at offsets into the text it was sent', async () => {
    const text = 'date,co2\n2024-01-01,410.10\n2024-01-02,410.55\n';
    const reply = await client.newRow(
      { name: 'co2.csv', bytes: new TextEncoder().encode(text) },
      'co2',
      411.2345,
    );
    assert.deepEqual(reply.insertions, [{ offset: text.length - 1, text: '\n2024-01-03,411.23' }]);
  });

  it('refuses a new row for a column the file lacks, naming the file', async () => {
    const text = 'date,co2\n2024-01-01,410.10\n2024-01-02,410.55\n';
    await assert.rejects(
      client.newRow({ name: 'co2.csv', bytes: new TextEncoder().encode(text) }, 'ch4', 1),
      /co2\.csv: no column "ch4"/,
    );
  });
});
