import assert from 'node:assert/strict';
import { inspectData, parseDate } from '../../../src/model/data';
import { fixture, lines, text } from './fixtures';

describe('dates', () => {
  it('reads ISO dates as UTC midnight', () => {
    assert.equal(parseDate('2024-02-29'), Date.UTC(2024, 1, 29));
  });

  it('reads ISO date-times with seconds, fractions and offsets', () => {
    assert.equal(parseDate('2024-03-01T10:20'), Date.UTC(2024, 2, 1, 10, 20));
    assert.equal(parseDate('2024-03-01 10:20:30.25Z'), Date.UTC(2024, 2, 1, 10, 20, 30, 250));
    assert.equal(parseDate('2024-03-01T10:20:30+02:00'), Date.UTC(2024, 2, 1, 8, 20, 30));
  });

  it('reads month-name dates in either order', () => {
    const jan5 = Date.UTC(2020, 0, 5);
    for (const s of ['Jan 5 2020', 'Jan 05, 2020', 'January 5, 2020', '5 Jan 2020'])
      assert.equal(parseDate(s), jan5, s);
  });

  it('refuses impossible calendar dates and times', () => {
    for (const s of ['2023-02-29', '2024-13-01', '2024-01-32', '2024-01-01T24:00', 'Foo 5 2020']) {
      assert.ok(Number.isNaN(parseDate(s)), s);
    }
  });

  it('does not read plain numbers or text as dates', () => {
    for (const s of ['2024', '12.5', 'hello', '']) assert.ok(Number.isNaN(parseDate(s)), s);
  });

  it('detects a date column of month-name dates', async () => {
    const result = await inspectData(fixture('months.csv'));
    assert.equal(result.columns[0].kind, 'date');
    assert.equal(result.layout.timeColumn, 'when');
  });

  it('detects epoch seconds in a column named like a timestamp', async () => {
    const result = await inspectData(fixture('epoch.csv'));
    assert.equal(result.columns[0].kind, 'date');
    assert.equal(result.columns[0].min, 1_700_000_000_000);
    assert.equal(result.layout.timeStepMs, 60_000);
  });

  it('detects epoch milliseconds in a column named like a timestamp', async () => {
    const result = await inspectData(
      text('ms.csv', `time,v\n${lines(12, (i) => `${1_700_000_000_000 + i * 1000},${i}`)}`),
    );
    assert.equal(result.columns[0].kind, 'date');
    assert.equal(result.layout.timeStepMs, 1000);
  });

  it('keeps large integers numeric when the column is not named like a time', async () => {
    const result = await inspectData(
      text('ids.csv', `id,v\n${lines(12, (i) => `${1_700_000_000 + i},${i}`)}`),
    );
    assert.equal(result.columns[0].kind, 'numeric');
  });
});
