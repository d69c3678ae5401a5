/**
 * The predict request in the real worker on a global and a covariate model: the file is read the way the model was
 * trained, and the answers equal `seqlab predict --json` on the same model (the worker used to read one column).
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerClient } from '../../../src/extension/training/workerClient';
import { main } from '../../../src/cli/main';
import { isFromWorkerMessage } from '../../../src/shared/protocolGuards';

const WORKER = join(__dirname, '../../../src/worker/main.js');
const SMALL = ['--window', '5', '--units', '4', '--epochs', '2', '--seed', '3', '--backend', 'cpu'];

/** Runs the CLI in-process and returns the one JSON object it printed. */
async function cli(args: string[]): Promise<Record<string, unknown>> {
  const out: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
  try {
    assert.equal(await main([...args, '--json']), 0);
  } finally {
    process.stdout.write = write;
  }
  return JSON.parse(out.join('')) as Record<string, unknown>;
}

describe('predict in the worker on models of many series and covariates', function () {
  this.timeout(120000);
  let dir: string;
  let long: string;
  let lagged: string;
  let client: WorkerClient;
  const place = (m: string) => ({ base: dir, dir: join(dir, m) });
  const day = (i: number) => new Date(Date.UTC(2015, 0, 1 + i)).toISOString().slice(0, 10);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seqlab-predict-worker-'));
    long = join(dir, 'long.csv');
    const rows: string[] = [];
    for (let i = 0; i < 60; i++)
      for (const [k, scale] of [
        ['A', 1],
        ['B', 10],
      ] as const)
        rows.push(`${day(i)},${k},${(scale * (5 + Math.sin(i / 3))).toFixed(4)}`);
    rows.push(`${day(0)},C,1`, `${day(1)},C,2`);
    writeFileSync(long, ['date,key,v', ...rows].join('\n') + '\n');
    lagged = join(dir, 'lagged.csv');
    const x = Array.from({ length: 120 }, (_, i) => Math.sin(i / 4) + Math.cos(i / 7));
    const lines = x.map((v, i) => `${i},${v.toFixed(4)},${(i < 2 ? 0 : x[i - 2]).toFixed(4)}`);
    writeFileSync(lagged, ['t,x,y', ...lines].join('\n') + '\n');
    await cli(['train', long, '--column', 'v', ...SMALL, '--out', join(dir, 'g')]);
    await cli(['train', lagged, '--column', 'y', '--features', 'x', ...SMALL, '--out', join(dir, 'c')]);
    client = new WorkerClient(WORKER);
  });
  after(() => {
    client.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('forecasts every series of a keyed file, skipping the one the model does not know, as the CLI does', async () => {
    const reply = await client.predict({ path: long }, place('g'), 1);
    assert.ok(isFromWorkerMessage(reply));
    const ours = await cli(['predict', long, '--column', 'v', '--model', join(dir, 'g')]);
    assert.deepEqual(reply.forecasts, ours.forecasts);
    assert.deepEqual(
      reply.skipped?.map((s) => s.name),
      (ours.skipped as Array<{ name: string }>).map((s) => s.name),
    );
    assert.deepEqual(
      reply.forecasts?.map((f) => f.series),
      ['A', 'B'],
    );
    assert.equal(reply.forecast.next, reply.forecasts?.[0].next);
  });

  it('forecasts the one series asked for, with its own history', async () => {
    const reply = await client.predict({ path: long }, place('g'), 1, 4, 'B');
    const ours = await cli(['predict', long, '--column', 'v', '--model', join(dir, 'g'), '--series', 'B']);
    assert.equal(reply.series, 'B');
    assert.equal(reply.forecast.next, ours.next);
    assert.deepEqual(reply.history?.length, 4);
    assert.ok(
      reply.history?.every((v) => v > 30),
      'the history is series B (scaled ×10), not A',
    );
    await assert.rejects(client.predict({ path: long }, place('g'), 1, undefined, 'Z'), /series "Z"/);
  });

  it('refuses a folder whose meta.json is of another column or knows no such series, naming both', async () => {
    await assert.rejects(
      client.predict({ path: long }, place('g'), 1, undefined, undefined, 'v@B'),
      /meta\.json: this model is of column "v", 2 series, not of column "v@B"; train that one again/,
    );
    await assert.rejects(
      client.predict({ path: lagged }, place('c'), 1, undefined, 'B', 'y'),
      /this model is of column "y", series "y", not of column "y", series "B"/,
    );
    const reply = await client.predict({ path: long }, place('g'), 1, undefined, 'B', 'v');
    assert.equal(reply.series, 'B');
  });

  it('predicts with a covariate model from the target and its covariate, and refuses steps > 1 as the CLI does', async () => {
    const reply = await client.predict({ path: lagged }, place('c'), 1);
    const ours = await cli(['predict', lagged, '--model', join(dir, 'c')]);
    assert.ok(Number.isFinite(reply.forecast.next));
    assert.equal(reply.forecast.next, ours.next);
    assert.equal(reply.forecasts, undefined, 'one series: no table');
    await assert.rejects(
      client.predict({ path: lagged }, place('c'), 3),
      /forecasting 3 steps would need future values of x; only the next value can be forecast/,
    );
  });
});
