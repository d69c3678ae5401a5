/** `seqlab explain` end to end: the JSON contract, --window-at, --match, and exit codes from the built bundle. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cli } from './runCli';
import { saliencySentence } from '../../../src/cli/explain';

describe('seqlab explain', () => {
  let dir: string;
  let csv: string;
  let modelDir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seqlab-explain-'));
    csv = join(dir, 'data.csv');
    modelDir = join(dir, 'model');
    const rows = Array.from({ length: 96 }, (_, i) =>
      (Math.sin((2 * Math.PI * i) / 12) * 10 + i / 10).toFixed(4),
    );
    writeFileSync(csv, `value\n${rows.join('\n')}\n`);
    const t = await cli(
      'train',
      csv,
      '--epochs',
      '3',
      '--units',
      '4',
      '--window',
      '6',
      '--out',
      modelDir,
      '--json',
    );
    assert.equal(t.code, 0, t.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints saliency by lag, a label and retention per unit, and matches best first', async () => {
    const r = await cli('explain', csv, '--model', modelDir, '--match', '40:46', '--json');
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout) as {
      saliency: Array<{ lag: number; value: number }>;
      saliencyMode: string;
      units: Array<{ layer: number; unit: number; signal: string; r: number; retention: number }>;
      matches: Array<{ start: number; end: number; score: number }>;
    };
    assert.equal(j.saliencyMode, 'validation');
    assert.deepEqual(
      j.saliency.map((s) => s.lag),
      j.saliency.map((_, i) => i + 1),
    );
    assert.ok(j.saliency.every((s) => s.value >= 0));
    assert.equal(j.units.length, 4);
    for (const u of j.units) {
      assert.ok(['level', 'change', 'season', 'trend', 'prediction'].includes(u.signal));
      assert.ok(Math.abs(u.r) <= 1 && u.retention >= 0 && u.retention <= 1);
    }
    assert.ok(j.matches.length > 0);
    for (let i = 0; i < j.matches.length; i++) {
      const m = j.matches[i];
      assert.equal(m.end - m.start, 6);
      assert.ok(m.end <= 40 || m.start >= 46, 'the query range is left out');
      if (i) assert.ok(m.score <= j.matches[i - 1].score);
    }
  });

  it('gives one window signed gradients with --window-at', async () => {
    const r = await cli('explain', csv, '--model', modelDir, '--window-at', '30', '--json');
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout) as { saliencyMode: string; saliencyTarget: number };
    assert.equal(j.saliencyMode, 'window');
    assert.equal(j.saliencyTarget, 36);
  });

  it('says which lag the forecast leans on', async () => {
    const r = await cli('explain', csv, '--model', modelDir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout.split('\n')[0],
      /^value: the forecast leans mostly on the (latest value|value \d+ steps back) \(/,
    );
    assert.equal(saliencySentence(12), 'the forecast leans mostly on the value 12 steps back');
  });

  it('exits 1 naming the file for a range without states or a window out of range', async () => {
    const a = await cli('explain', csv, '--model', modelDir, '--match', '0:6');
    assert.equal(a.code, 1);
    assert.match(a.stderr, /data\.csv.*the range 0:6 is outside the rows with a hidden state/);
    const b = await cli('explain', csv, '--model', modelDir, '--window-at', '500');
    assert.equal(b.code, 1);
    assert.match(b.stderr, /data\.csv.*window row 500 is out of range/);
    assert.equal(b.stderr.trim().split('\n').length, 1);
  });

  it('exits 2 on a malformed --match, also from the built bundle', async () => {
    const r = await cli('explain', csv, '--model', modelDir, '--match', '5-9');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^seqlab explain: --match must be START:END/);
    const bundle = resolve(__dirname, '../../../../dist/cli.js');
    if (!existsSync(bundle)) throw new Error('dist/cli.js is missing: run npm run build first');
    const s = spawnSync(process.execPath, [bundle, 'explain', csv, '--match', '9:5'], { encoding: 'utf8' });
    assert.equal(s.status, 2, s.stderr);
    assert.match(s.stderr, /^seqlab explain: --match END must be greater than START/);
  });

  it('refuses --units without --match instead of ignoring it', async () => {
    const r = await cli('explain', csv, '--model', modelDir, '--units', '99');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--units applies only with --match START:END/);
  });

  it('refuses a unit the model lacks, naming the flag and the range, in one line', async () => {
    const r = await cli('explain', csv, '--model', modelDir, '--match', '40:46', '--units', '0,99');
    assert.equal(r.code, 2);
    assert.match(r.stderr.split('\n')[0], /--units 99 is outside 0-3: the model has 4 units/);
    const huge = await cli('explain', csv, '--model', modelDir, '--match', '40:46', '--units', '600');
    assert.equal(huge.code, 2);
    assert.match(huge.stderr, /--units must be unit numbers from 0 to 511/);
  });

  it('matches on each listed unit once: 30,000 entries give what the four units give', async () => {
    const matchWith = (units: string) =>
      cli('explain', csv, '--model', modelDir, '--match', '40:46', '--units', units, '--json');
    const once = await matchWith('0,1,2,3');
    const long = Array.from({ length: 30000 }, (_, i) => i % 4).join(',');
    const t0 = performance.now();
    const many = await matchWith(long);
    assert.equal(many.code, 0, many.stderr);
    assert.ok(performance.now() - t0 < 10000, 'the repeated units were each compared again');
    const matches = (out: string) => (JSON.parse(out) as { matches: unknown }).matches;
    assert.deepEqual(matches(many.stdout), matches(once.stdout));
  });
});
