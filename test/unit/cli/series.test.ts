/** Many series in one file, end to end through `seqlab`: long and wide files, one series, covariates. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cli } from './runCli';

const fixtures = resolve(__dirname, '../../../../test/fixtures/data');
const QUICK = ['--epochs', '15', '--units', '8', '--seed', '3'];

interface SeriesOut {
  name: string;
  rows: number;
  metrics: { val: { mae: number; mase: number } };
  baselines: { naive: { mase: number } };
  next: number;
  interval: [number, number];
}

describe('seqlab on files of many series', () => {
  let dir: string;
  const file = (name: string) => {
    const to = join(dir, name);
    copyFileSync(join(fixtures, name), to);
    return to;
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'seqlab-series-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('inspect --json names the key and its series; the table says so too', async () => {
    const long = file('long.csv');
    const r = await cli('inspect', long, '--json');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { seriesKey: { column: string; series: unknown[] } };
    assert.equal(out.seriesKey.column, 'symbol');
    assert.equal(out.seriesKey.series.length, 4);
    const human = await cli('inspect', long);
    assert.match(
      human.stdout,
      /4 series named in column "symbol" \(rows\): AAA \(120\), BBB \(100\), CCC \(90\), ZZZ \(6\)/,
    );
    const none = JSON.parse(
      (await cli('inspect', long, '--json', '--series-column', 'none')).stdout,
    ) as object;
    assert.equal((none as { seriesKey: unknown }).seriesKey, null);
  });

  it('trains one global model on a keyed file: per-series scores, the short series left out, meta.json records them', async () => {
    const long = file('long.csv');
    const out = join(dir, 'global');
    const r = await cli('train', long, ...QUICK, '--out', out, '--json');
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout) as {
      rows: number;
      series: SeriesOut[];
      skipped: { name: string }[];
      metrics: { val: { mase: number } };
    };
    assert.deepEqual(
      j.series.map((s) => [s.name, s.rows]),
      [
        ['AAA', 120],
        ['BBB', 100],
        ['CCC', 90],
      ],
    );
    assert.equal(j.rows, 310);
    assert.deepEqual(
      j.skipped.map((s) => s.name),
      ['ZZZ'],
    );
    assert.match(r.stderr, /series ZZZ left out/);
    // Weekly cycles with little noise: the shared network beats the naive forecast on every series.
    for (const s of j.series) {
      assert.ok(s.metrics.val.mase < s.baselines.naive.mase, `${s.name}: ${s.metrics.val.mase}`);
      assert.ok(s.interval[0] <= s.next && s.next <= s.interval[1]);
    }
    const meta = JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8')) as {
      seriesColumn: string;
      series: { name: string; scalers: { a: number }[] }[];
    };
    assert.equal(meta.seriesColumn, 'symbol');
    // Each series has its own scaler: CCC's level (≈500) is not AAA's (≈100).
    assert.equal(meta.series.length, 3);
    assert.notEqual(meta.series[0].scalers[0].a, meta.series[2].scalers[0].a);

    const all = await cli('predict', long, '--model', out, '--json');
    assert.equal(all.code, 0, all.stderr);
    const p = JSON.parse(all.stdout) as { forecasts: { series: string; next: number }[] };
    assert.deepEqual(
      p.forecasts.map((f) => f.series),
      ['AAA', 'BBB', 'CCC'],
    );
    assert.deepEqual(
      p.forecasts.map((f) => f.next),
      j.series.map((s) => s.next),
    );
    const one = JSON.parse(
      (await cli('predict', long, '--model', out, '--series', 'CCC', '--json')).stdout,
    ) as {
      series: string;
      next: number;
    };
    assert.deepEqual([one.series, one.next], ['CCC', j.series[2].next]);
  });

  it('--series trains on that series only and says so', async () => {
    const long = file('long.csv');
    const r = await cli('train', long, ...QUICK, '--series', 'BBB', '--out', join(dir, 'bbb'), '--json');
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout) as { series: string; rows: number; next: number };
    assert.deepEqual([j.series, j.rows], ['BBB', 100]);
    const bad = await cli('train', long, ...QUICK, '--series', 'QQQ');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /no series "QQQ" \(series: "AAA", "BBB", "CCC", "ZZZ"\)/);
  });

  it('--columns trains one model over the columns of a wide file', async () => {
    const wide = file('wide.csv');
    const r = await cli(
      'train',
      wide,
      ...QUICK,
      '--columns',
      'north,south,east',
      '--out',
      join(dir, 'wide'),
      '--json',
    );
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout) as { series: SeriesOut[] };
    assert.deepEqual(
      j.series.map((s) => [s.name, s.rows]),
      [
        ['north', 120],
        ['south', 120],
        ['east', 120],
      ],
    );
  });

  it('a covariate the target follows 3 steps later makes the forecast far better than the series alone', async () => {
    const lagged = file('lagged-covariate.csv');
    const run = async (...extra: string[]) => {
      const r = await cli('train', lagged, '--column', 'y', '--seed', '1', '--json', ...extra);
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout) as { features: string[]; metrics: { val: { mae: number } }; rows: number };
    };
    const alone = await run('--out', join(dir, 'alone'));
    const withX = await run('--out', join(dir, 'withx'), '--features', 'x');
    assert.deepEqual([alone.features, withX.features, withX.rows], [[], ['x'], 600]);
    // Measured: MAE 0.11 with x against 1.50 alone (seeds 1 and 2 alike).
    assert.ok(
      withX.metrics.val.mae < 0.3 * alone.metrics.val.mae,
      `with x ${withX.metrics.val.mae}, alone ${alone.metrics.val.mae}`,
    );
    const meta = JSON.parse(readFileSync(join(dir, 'withx', 'meta.json'), 'utf8')) as { features: string[] };
    assert.deepEqual(meta.features, ['x']);
    const p = await cli('predict', lagged, '--column', 'y', '--model', join(dir, 'withx'), '--json');
    assert.equal(p.code, 0, p.stderr);
    assert.ok(Number.isFinite((JSON.parse(p.stdout) as { next: number }).next));
    const steps = await cli(
      'predict',
      lagged,
      '--column',
      'y',
      '--model',
      join(dir, 'withx'),
      '--steps',
      '3',
    );
    assert.equal(steps.code, 1);
    assert.match(steps.stderr, /would need future values of x/);
  });

  it('says on stderr which values of which column were filled, in --json runs too', async () => {
    const gap = join(dir, 'gap.csv');
    const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const rows = Array.from(
      { length: 40 },
      (_, i) => `${day(i)},${i === 20 ? 'NA' : Math.sin(i / 3).toFixed(4)}`,
    );
    writeFileSync(gap, ['date,v', ...rows].join('\n') + '\n');
    const r = await cli('train', gap, '--epochs', '2', '--out', join(dir, 'gap'), '--json');
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stderr,
      /gap\.csv: column v: 1 missing value was filled by linear interpolation .*\(line 22\)/,
    );
  });

  it('the bundled CLI exits 2 on a usage error of train and prints a data error without a prefix', () => {
    const bundle = resolve(__dirname, '../../../../dist/cli.js');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [bundle, ...args], { encoding: 'utf8', cwd: fixtures, timeout: 60_000 });
    const usage = run('train', 'wide.csv', '--columns', 'north', '--series', 'x');
    assert.equal(usage.status, 2, usage.stderr);
    assert.match(usage.stderr, /^seqlab train: --series picks a series of a long file/);
    const data = run('train', 'long.csv', '--series', 'QQQ');
    assert.equal(data.status, 1, data.stderr);
    assert.match(data.stderr, /^long\.csv: column "symbol": no series "QQQ"/);
  });
});
