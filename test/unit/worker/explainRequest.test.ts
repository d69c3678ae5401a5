/** The explain request in the real worker: the report crosses the boundary and validates against its schema. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerClient } from '../../../src/extension/training/workerClient';
import { main } from '../../../src/cli/main';
import { isFromWorkerMessage } from '../../../src/shared/protocolGuards';

const WORKER = join(__dirname, '../../../src/worker/main.js');

describe('explain in the worker', function () {
  this.timeout(120000);
  let dir: string;
  let csv: string;
  let client: WorkerClient;
  const quiet = process.stdout.write.bind(process.stdout);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seqlab-explain-worker-'));
    csv = join(dir, 'series.csv');
    const rows = Array.from({ length: 120 }, (_, i) => `${i},${Math.sin(i / 5).toFixed(5)}`);
    writeFileSync(csv, ['t,value', ...rows].join('\n'));
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      const args = [
        '--column',
        'value',
        '--window',
        '5',
        '--units',
        '4',
        '--epochs',
        '2',
        '--backend',
        'cpu',
        // Levels: the saliency then has one value per window step.
        '--difference',
        'none',
      ];
      assert.equal(await main(['train', csv, ...args, '--out', join(dir, 'm'), '--json']), 0);
    } finally {
      process.stdout.write = quiet;
    }
    client = new WorkerClient(WORKER);
  });
  after(() => {
    client.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers with saliency by lag, a label per unit and the matches of a range', async () => {
    const reply = await client.explain(
      { path: csv },
      { base: dir, dir: join(dir, 'm') },
      {
        windowAt: 50,
        match: { start: 60, end: 66, top: 3 },
      },
    );
    assert.ok(isFromWorkerMessage(reply));
    assert.equal(reply.column, 'value');
    assert.equal(reply.report.saliency.mode, 'window');
    assert.equal(reply.report.saliency.value.length, 5);
    assert.equal(reply.report.units.length, 4);
    assert.equal(reply.report.matches.length, 3);
    assert.equal(reply.report.trajectory.x.length, reply.report.rows[1] - reply.report.rows[0] + 1);
  });

  it('rejects a range without states with a message naming it', async () => {
    await assert.rejects(
      client.explain({ path: csv }, { base: dir, dir: join(dir, 'm') }, { match: { start: 0, end: 3 } }),
      /the range 0:3 is outside the rows with a hidden state/,
    );
  });
});
