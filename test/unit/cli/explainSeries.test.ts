/** `seqlab explain` on global and covariate models: --series picks one series of a long file; covariates get rows. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cli } from './runCli';

const fixtures = resolve(__dirname, '../../../../test/fixtures/data');

interface Explained {
  column: string;
  series?: string;
  saliency: { lag: number; value: number }[];
  leansOn: { feature: string | null; lag: number };
  covariates?: { feature: string; peakLag: number; saliency: { lag: number; value: number }[] }[];
  units: unknown[];
  rows: [number, number];
}

describe('seqlab explain: many series and covariates', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'seqlab-explain-series-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('explains one series of a global model with --series, each on its own values', async () => {
    const long = join(fixtures, 'long.csv');
    const model = join(dir, 'long');
    const t = await cli(
      'train',
      long,
      '--epochs',
      '3',
      '--units',
      '4',
      '--window',
      '6',
      '--difference',
      'none',
      '--out',
      model,
    );
    assert.equal(t.code, 0, t.stderr);
    const run = async (series: string) => {
      const r = await cli('explain', long, '--model', model, '--series', series, '--json');
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout) as Explained;
    };
    const [a, b] = [await run('AAA'), await run('BBB')];
    assert.deepEqual([a.series, b.series, a.column], ['AAA', 'BBB', 'close']);
    assert.equal(a.saliency.length, 6);
    assert.equal(a.units.length, 4);
    assert.equal(a.covariates, undefined);
    assert.notDeepEqual(a.saliency, b.saliency);
    const bad = await cli('explain', long, '--model', model, '--series', 'NOPE');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /no series "NOPE" the model was trained on \(series: "AAA", "BBB"/);
  });

  it('adds a row of saliency per covariate and names it in "leansOn"', async () => {
    const lagged = join(fixtures, 'lagged-covariate.csv');
    const model = join(dir, 'lagged');
    const t = await cli('train', lagged, '--column', 'y', '--features', 'x', '--seed', '1', '--out', model);
    assert.equal(t.code, 0, t.stderr);
    const r = await cli('explain', lagged, '--model', model, '--json');
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout) as Explained;
    assert.equal(j.covariates?.length, 1);
    const [x] = j.covariates ?? [];
    assert.equal(x.feature, 'x');
    assert.equal(x.saliency.length, j.saliency.length);
    // Measured with seed 1: x peaks at lag 3 (the fixture's lag), and the text says so.
    assert.equal(x.peakLag, 3);
    assert.deepEqual(j.leansOn, { feature: 'x', lag: 3 });
    const text = await cli('explain', lagged, '--model', model);
    assert.match(text.stdout, /the forecast leans mostly on x 3 steps back/);
  });
});
