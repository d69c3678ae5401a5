import assert from 'node:assert/strict';
import { readSeries } from '../../../src/model/data';
import { fixture, lines, text, rejection } from './fixtures';

describe('series', () => {
  it('sorts rows that are out of time order and reports them', async () => {
    const series = await readSeries(fixture('unsorted.csv'));
    assert.deepEqual(Array.from(series.values), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12]);
    const report = series.problems.find((p) => /out of time order/.test(p.message));
    assert.deepEqual([report?.line, report?.column], [3, 'date']);
  });

  it('reports duplicate timestamps with both lines', async () => {
    const series = await readSeries(fixture('unsorted.csv'));
    const dup = series.problems.find((p) => /duplicate timestamp/.test(p.message));
    assert.equal(dup?.line, 14);
    assert.match(dup?.message ?? '', /2024-02-12.*also on line 13/);
  });

  it('returns the time of each value in epoch milliseconds', async () => {
    const series = await readSeries(fixture('unsorted.csv'));
    assert.equal(series.time?.length, series.values.length);
    assert.equal(series.time?.[0], Date.UTC(2024, 1, 1));
  });

  it('has no time axis when the file has no date column', async () => {
    assert.equal((await readSeries(fixture('noheader.csv'), { column: 'col1' })).time, undefined);
  });

  it('fills inner missing values by linear interpolation and reports the count', async () => {
    const csv = `v\n${lines(12, (i) => (i === 4 || i === 5 ? 'NA' : String(i * 3)))}`;
    const series = await readSeries(text('g.csv', csv));
    assert.deepEqual(Array.from(series.values.slice(3, 7)), [9, 12, 15, 18]);
    const report = series.problems.find((p) => /interpolation/.test(p.message));
    assert.deepEqual([report?.line, report?.message.startsWith('2 missing values')], [6, true]);
  });

  it('interpolates in time when steps are uneven', async () => {
    const days = [1, 2, 3, 7, 8, 9, 10, 11, 12, 13, 14, 15];
    const csv = `d,v\n${lines(12, (i) => `2024-01-${String(days[i]).padStart(2, '0')},${i === 1 ? '' : days[i]}`)}`;
    const series = await readSeries(text('u.csv', csv));
    assert.equal(series.values[1], 2);
  });

  it('drops leading and trailing missing values and reports them', async () => {
    const csv = `v\nNA\nNA\n${lines(12, (i) => String(i))}?\n`;
    const series = await readSeries(text('e.csv', csv));
    assert.equal(series.values.length, 12);
    assert.equal(series.values[0], 0);
    assert.ok(
      series.problems.some((p) => p.message.startsWith('3 missing values at the start or end were dropped')),
    );
  });

  it('refuses a column with more than half of its values missing', async () => {
    const err = await rejection(readSeries(fixture('mostly-missing.csv')));
    assert.match(
      err.message,
      /mostly-missing\.csv: column "v": \d+ of \d+ values are missing \(more than half\)/,
    );
  });

  it('refuses a column with fewer than 10 usable values', async () => {
    const err = await rejection(readSeries(fixture('few-values.csv')));
    assert.match(err.message, /few-values\.csv: column "v": only 3 usable values; at least 10 are needed/);
  });

  it('asks for a column when several are numeric, listing them', async () => {
    const err = await rejection(readSeries(fixture('columns.json')));
    assert.match(err.message, /several numeric columns; choose one of: a, b/);
  });

  it('refuses an unknown column, listing the columns there are', async () => {
    const err = await rejection(readSeries(fixture('daily.csv'), { column: 'price' }));
    assert.match(err.message, /daily\.csv: column "price": no such column \(columns: date, sales\)$/);
  });

  it('refuses a date column as the value to model', async () => {
    const err = await rejection(readSeries(fixture('daily.csv'), { column: 'date' }));
    assert.match(err.message, /column "date": the column holds dates, not numbers/);
  });

  it('refuses a file with only text columns', async () => {
    const err = await rejection(readSeries(fixture('text-only.csv')));
    assert.match(err.message, /text-only\.csv: no numeric column/);
  });

  it('keeps only problems about the chosen column and the time column', async () => {
    const csv = `d,a,b\n${lines(12, (i) => `2024-01-${String(i + 1).padStart(2, '0')},${i === 3 ? 'x' : i},${i === 5 ? 'y' : i}`)}`;
    const series = await readSeries(text('p.csv', csv), { column: 'a' });
    assert.deepEqual(
      series.problems.filter((p) => /is not a number/.test(p.message)).map((p) => p.column),
      ['a'],
    );
  });
});
