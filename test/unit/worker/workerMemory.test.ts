import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKER_MEMORY_FLOOR_MB } from '../../../src/shared/workerMemory';

const ROOT = join(__dirname, '../../../..');
const CLIENT = join(__dirname, '../../../src/extension/training/workerClient.js');
const WORKER = join(__dirname, '../../../src/worker/main.js');

/** The setting's floor as users can set it: package.json's minimum for seqlab.worker.memoryLimitMB. */
function floorMb(): number {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { minimum?: number }> } };
  };
  return pkg.contributes.configuration.properties['seqlab.worker.memoryLimitMB'].minimum ?? 0;
}

/** A JSON array of records of about `mb` MB. */
function jsonOf(file: string, mb: number): void {
  const rows: string[] = [];
  let size = 0;
  for (let n = 0; size < mb * 1024 * 1024; n++) {
    const row = JSON.stringify({
      date: new Date(Date.UTC(2000, 0, 1) + n * 3600e3).toISOString(),
      value: n % 7,
    });
    rows.push(row);
    size += row.length + 1;
  }
  writeFileSync(file, `[${rows.join(',')}]`);
}

/**
 * Inspects `file` with the real worker at `limitMb`, in a child process: a worker that takes the process down with it
 * ends the child with SIGABRT instead of ending this test run.
 */
function inspectIn(file: string, limitMb: number) {
  const script = `
    const { WorkerClient } = require(${JSON.stringify(CLIENT)});
    const c = new WorkerClient(${JSON.stringify(WORKER)}, undefined, { memoryLimitMb: () => ${limitMb} });
    c.inspect({ path: ${JSON.stringify(file)} }).then(
      () => { console.log('REPLY'); c.dispose(); },
      (e) => { console.log('FAILED ' + e.message); c.dispose(); });`;
  return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 120000 });
}

describe('the worker at the memory floor', function () {
  this.timeout(240000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'seqlab-heap-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("package.json's minimum is the floor the client raises lower values to", () => {
    assert.equal(floorMb(), WORKER_MEMORY_FLOOR_MB);
  });

  it('a JSON file just under a quarter of the floor ends the worker, not the process', () => {
    const floor = floorMb();
    const file = join(dir, 'quarter.json');
    jsonOf(file, 15.5 * (floor / 64));
    const run = inspectIn(file, floor);
    assert.equal(run.signal, null, `the process was killed: ${run.stderr.slice(0, 300)}`);
    assert.equal(run.status, 0, run.stderr.slice(0, 300));
    assert.match(
      run.stdout,
      new RegExp(`FAILED the training worker ran out of memory \\(its limit is ${floor} MB`),
    );
  });

  it('a 34 MB JSON file (issue 20) is refused before it is read, naming the setting', () => {
    const file = join(dir, 'big.json');
    jsonOf(file, 34);
    const run = inspectIn(file, floorMb());
    assert.equal(run.signal, null, `the process was killed: ${run.stderr.slice(0, 300)}`);
    assert.match(run.stdout, /FAILED \S*big\.json: the file is 34\.0 MB; a JSON file is read whole/);
    assert.match(run.stdout, /seqlab\.worker\.memoryLimitMB/);
  });

  it('a limit set below the floor is raised to it', () => {
    const file = join(dir, 'big.json');
    const run = inspectIn(file, 16);
    assert.equal(run.signal, null, `the process was killed: ${run.stderr.slice(0, 300)}`);
    assert.match(run.stdout, /FAILED \S*big\.json: the file is 34\.0 MB/);
  });
});
