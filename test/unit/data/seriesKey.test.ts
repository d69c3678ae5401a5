import assert from 'node:assert/strict';
import { inspectData, readPanel, readSeries, usableColumns } from '../../../src/model/data';
import { fixture, lines, rejection, text } from './fixtures';

const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

/** `date,<key>,v` with series a, b, c of 12 days each, rows sorted by date then key; v = 100·k + day. */
function longCsv(key = 'symbol', names = ['a', 'b', 'c']): string {
  return `date,${key},v\n${lines(12 * names.length, (r) => {
    const [d, k] = [Math.floor(r / names.length), r % names.length];
    return `${day(d)},${names[k]},${100 * k + d}`;
  })}`;
}

describe('series key detection', () => {
  it('finds the key of a long file and counts each series', async () => {
    const ins = await inspectData(fixture('long.csv'));
    assert.deepEqual(ins.seriesKey, {
      column: 'symbol',
      series: [
        { name: 'AAA', rows: 120 },
        { name: 'BBB', rows: 100 },
        { name: 'CCC', rows: 90 },
        { name: 'ZZZ', rows: 6 },
      ],
    });
    // Timestamps repeat across symbols, which is no problem; the short series is.
    assert.ok(!ins.problems.some((p) => /duplicate/.test(p.message)));
    assert.deepEqual(
      ins.problems.map((p) => p.message),
      ['series "ZZZ" has 6 rows; at least 10 are needed, so training leaves it out'],
    );
    assert.deepEqual(usableColumns(ins), ['close']);
  });

  it('finds no key in a wide file or a single series', async () => {
    const wide = await inspectData(fixture('wide.csv'));
    assert.equal(wide.seriesKey, null);
    assert.deepEqual(usableColumns(wide), ['north', 'south', 'east']);
    assert.equal((await inspectData(fixture('daily.csv'))).seriesKey, null);
  });

  it('reads a key with one series as a single series unless the column is named', async () => {
    const csv = longCsv('symbol', ['MSFT']);
    assert.equal((await inspectData(text('one.csv', csv))).seriesKey, null);
    const named = await inspectData(text('one.csv', csv), { seriesColumn: 'symbol' });
    assert.deepEqual(named.seriesKey, { column: 'symbol', series: [{ name: 'MSFT', rows: 12 }] });
  });

  it('does not take a category of one series (unique timestamps) for a key', async () => {
    const csv = `date,season,v\n${lines(30, (i) => `${day(i)},${i < 15 ? 'winter' : 'spring'},${i}`)}`;
    const ins = await inspectData(text('cat.csv', csv));
    assert.equal(ins.seriesKey, null);
    assert.equal((await readSeries(text('cat.csv', csv))).values.length, 30);
  });

  it('detects a key in unsorted input and reads each series in time order', async () => {
    const rows = longCsv().trimEnd().split('\n');
    const shuffled = [rows[0], ...rows.slice(1).reverse()].join('\n') + '\n';
    const ins = await inspectData(text('u.csv', shuffled));
    assert.equal(ins.seriesKey?.column, 'symbol');
    const b = await readSeries(text('u.csv', shuffled), { series: 'b' });
    assert.deepEqual(
      Array.from(b.values),
      Array.from({ length: 12 }, (_, d) => 100 + d),
    );
    assert.equal(b.label, 'b');
  });

  it('takes a low-cardinality integer column as a key and never offers it for training', async () => {
    const ins = await inspectData(text('i.csv', longCsv('store', ['1', '2', '3'])));
    assert.deepEqual(ins.seriesKey?.series, [
      { name: '1', rows: 12 },
      { name: '2', rows: 12 },
      { name: '3', rows: 12 },
    ]);
    assert.deepEqual(usableColumns(ins), ['v']);
  });

  it('reports a duplicate timestamp inside one series against that series', async () => {
    const csv = longCsv() + `${day(3)},b,7\n`;
    const ins = await inspectData(text('d.csv', csv));
    assert.equal(ins.seriesKey?.column, 'symbol');
    const dup = ins.problems.filter((p) => /duplicate/.test(p.message));
    assert.equal(dup.length, 1);
    assert.match(dup[0].message, /^series "b": duplicate timestamp 2024-01-04/);
  });

  it('--series-column none reads the file as one series, as before', async () => {
    const ins = await inspectData(text('n.csv', longCsv()), { seriesColumn: 'none' });
    assert.equal(ins.seriesKey, null);
    assert.ok(ins.problems.some((p) => /duplicate timestamp/.test(p.message)));
  });

  it('refuses a --series-column that does not exist or holds measurements', async () => {
    const e1 = await rejection(inspectData(text('x.csv', longCsv()), { seriesColumn: 'nope' }));
    assert.match(e1.message, /column "nope": no such column/);
    const csv = `date,k,v\n${lines(12, (i) => `${day(i)},a,${i + 0.5}`)}`;
    const e2 = await rejection(inspectData(text('y.csv', csv), { seriesColumn: 'v' }));
    assert.match(e2.message, /column "v": a series key must be text or whole numbers/);
  });
});

describe('reading the series of a keyed file', () => {
  it('asks for a series when a keyed file is read as one', async () => {
    const e = await rejection(readSeries(text('l.csv', longCsv())));
    assert.match(e.message, /holds 3 series named in column "symbol"; choose one \(e\.g\. --series a\)/);
    const none = await rejection(readSeries(text('l.csv', longCsv()), { series: 'zz' }));
    assert.match(none.message, /no series "zz" \(series: "a", "b", "c"\)/);
  });

  it('reads every series with its label, and leaves out (and reports) one too short', async () => {
    const panel = await readPanel(fixture('long.csv'));
    assert.equal(panel.key, 'symbol');
    assert.equal(panel.column, 'close');
    assert.deepEqual(
      panel.series.map((s) => [s.label, s.values.length]),
      [
        ['AAA', 120],
        ['BBB', 100],
        ['CCC', 90],
      ],
    );
    assert.deepEqual(panel.skipped, [
      { name: 'ZZZ', reason: 'column "close": only 6 usable values; at least 10 are needed' },
    ]);
  });

  it('reads the columns of a wide file as separate series', async () => {
    const panel = await readPanel(fixture('wide.csv'), { columns: ['north', 'east'] });
    assert.deepEqual(panel.columns, ['north', 'east']);
    assert.deepEqual(
      panel.series.map((s) => [s.label, s.values.length]),
      [
        ['north', 120],
        ['east', 120],
      ],
    );
  });

  it('carries feature columns along, trimmed to the rows where every column has a value', async () => {
    const csv = `date,x,y\n${lines(14, (i) => `${day(i)},${i === 0 ? '' : i},${i === 13 ? '' : 10 * i}`)}`;
    const s = await readSeries(text('f.csv', csv), { column: 'y', features: ['x'] });
    assert.deepEqual(
      Array.from(s.values),
      Array.from({ length: 12 }, (_, i) => 10 * (i + 1)),
    );
    assert.deepEqual(
      s.covariates?.map((c) => Array.from(c)),
      [Array.from({ length: 12 }, (_, i) => i + 1)],
    );
    const e = await rejection(readSeries(text('f.csv', csv), { column: 'y', features: ['y'] }));
    assert.match(e.message, /a feature cannot be the modelled column itself/);
  });

  it('fills an inner gap by interpolation and says which lines, in each column', async () => {
    const csv = `date,x,y\n${lines(14, (i) => `${day(i)},${i === 5 ? 'NA' : i},${i === 8 ? '' : 2 * i}`)}`;
    const s = await readSeries(text('g.csv', csv), { column: 'y', features: ['x'] });
    assert.equal(s.values[8], 16);
    assert.equal(s.covariates?.[0][5], 5);
    const filled = s.problems.filter((p) => /interpolation/.test(p.message));
    assert.deepEqual(
      filled.map((p) => [p.column, p.line, p.message]),
      [
        [
          'x',
          7,
          '1 missing value was filled by linear interpolation between neighbours and used for training (line 7)',
        ],
        [
          'y',
          10,
          '1 missing value was filled by linear interpolation between neighbours and used for training (line 10)',
        ],
      ],
    );
  });
});
