/**
 * Training, saving, loading, forecasting and hidden states never load tfjs: checked in fresh Node processes whose
 * module loader records every request for a tfjs module, through the CLI's core (compiled sources, and the dist/
 * bundles where they are built) and through the worker's train job and requests.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');
const OUT = resolve(__dirname, '../../..');
const SINE = join(ROOT, 'media/samples/sine.csv');

/** Preloaded into the child: records each tfjs module asked for, and prints them as the last line on stderr. */
const HOOK = `
const Module = require('node:module');
const load = Module._load;
const asked = new Set();
Module._load = function (request, parent, isMain) {
  if (/tfjs/.test(request)) asked.add(request);
  return load.apply(this, arguments);
};
process.on('exit', () => process.stderr.write('TFJS_MODULES=' + JSON.stringify([...asked]) + '\\n'));
`;

function run(
  script: string,
  dir: string,
): { tfjs: string[]; stdout: string; stderr: string; status: number | null } {
  const hook = join(dir, 'hook.js');
  writeFileSync(hook, HOOK);
  const r = spawnSync(process.execPath, ['-r', hook, '-e', script], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120000,
  });
  const line = r.stderr.split('\n').find((l) => l.startsWith('TFJS_MODULES='));
  assert.ok(line, `no report from the child: ${r.stderr}`);
  return {
    tfjs: JSON.parse(line.slice('TFJS_MODULES='.length)),
    stdout: r.stdout,
    stderr: r.stderr,
    status: r.status,
  };
}

/** train + predict through a CLI entry (compiled main.js or the dist/cli.js bundle). */
const cliScript = (entry: string) => `
const { main } = require(${JSON.stringify(entry)});
(async () => {
  const a = await main(['train', ${JSON.stringify(SINE)}, '--preset', 'seed', '--epochs', '5', '--out', 'm', '--json']);
  const b = await main(['predict', ${JSON.stringify(SINE)}, '--model', 'm', '--steps', '3', '--json']);
  process.exitCode = a + b;
})();`;

describe('no tfjs on the training path', function () {
  this.timeout(120000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'seqlab-notfjs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the hook sees tfjs when something does load it (positive control)', () => {
    const r = run(`require(${JSON.stringify(join(OUT, 'src/model/network/layersNet.js'))});`, dir);
    assert.ok(r.tfjs.includes('@tensorflow/tfjs'), JSON.stringify(r.tfjs));
  });

  it('seqlab train and predict (the core, compiled) never load tfjs', () => {
    const r = run(cliScript(join(OUT, 'src/cli/main.js')), dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /"next"/);
    assert.ok(existsSync(join(dir, 'm', 'weights.bin')));
    assert.deepEqual(r.tfjs, []);
  });

  it('dist/cli.js train and predict never load dist/tfjs.js', function () {
    const cli = join(ROOT, 'dist/cli.js');
    if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build first');
    const r = run(cliScript(cli), dir);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.tfjs, []);
  });

  it("the worker's train job, predict and probe never load tfjs", () => {
    const script = `
const { TrainJob } = require(${JSON.stringify(join(OUT, 'src/worker/trainJob.js'))});
const { predict, probe } = require(${JSON.stringify(join(OUT, 'src/worker/requests.js'))});
(async () => {
  const source = { path: ${JSON.stringify(SINE)} };
  const place = { modelBase: process.cwd(), modelDir: require('node:path').join(process.cwd(), 'm') };
  const seen = [];
  await new TrainJob(
    { type: 'train', runId: 'r', source, config: { cell: 'lstm', units: 6, epochs: 3 }, dataFile: 'sine.csv', ...place },
    (m) => seen.push(m.type),
  ).run();
  const p = await predict({ type: 'predict', source, steps: 2, ...place });
  const h = await probe({ type: 'probe', source, trace: true, ...place });
  console.log(JSON.stringify({ last: seen[seen.length - 1], hidden: seen.includes('hidden'), steps: p.forecast.forecast.length, layers: h.states.layers.length }));
})();`;
    const r = run(script, dir);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { last: 'done', hidden: true, steps: 2, layers: 1 });
    assert.deepEqual(r.tfjs, []);
  });
});
