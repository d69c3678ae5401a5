import assert from 'node:assert/strict';
import { inspectData, readSeries } from '../../../src/model/data';
import { lines, rejection, text } from './fixtures';

/** 2 MB: far past any sane message, small enough to build in every run. */
const HUGE = 'x'.repeat(2 * 1024 * 1024);
/** A message quoting a capped cell, plus its surrounding words. */
const SHORT = 300;

function assertCapped(message: string): void {
  assert.ok(message.length < SHORT, `a ${message.length}-character message: ${message.slice(0, 200)}…`);
  assert.match(message, /x{80}…/);
  assert.doesNotMatch(message, /x{81}/);
}

describe('long cells in messages', () => {
  it('quotes at most 80 characters of a bad cell in a CSV problem', async () => {
    const csv = `v\n${lines(20, (i) => String(i))}${HUGE}\n`;
    const result = await inspectData(text('long.csv', csv));
    assert.equal(result.problems.length, 1);
    assertCapped(result.problems[0].message);
  });

  it('quotes at most 80 characters of a bad cell inside quotes (the csv-parse path)', async () => {
    const csv = `v,w\n${lines(20, (i) => `${i},"a"`)}"${HUGE}",1\n`;
    const result = await inspectData(text('long.csv', csv));
    assertCapped(result.problems[0].message);
  });

  it('quotes at most 80 characters of a bad JSON string or array value', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ v: i }));
    for (const bad of [HUGE, Array.from({ length: 500_000 }, () => 1)]) {
      const result = await inspectData(text('long.json', JSON.stringify([...rows, { v: bad }])));
      assert.equal(result.problems.length, 1);
      const message = result.problems[0].message;
      assert.ok(message.length < SHORT, `a ${message.length}-character message`);
      assert.match(message, /…/);
    }
  });

  it('caps a column name in an error that lists the columns', async () => {
    const csv = `a,${HUGE}\n${lines(20, (i) => `${i},${i}`)}`;
    const err = await rejection(readSeries(text('wide.csv', csv)));
    assertCapped(err.message);
  });

  it('caps a column name in the error that names its location', async () => {
    const csv = `v\n${lines(20, (i) => String(i))}`;
    const err = await rejection(readSeries(text('v.csv', csv), { column: HUGE }));
    assert.ok(err.message.length < SHORT, `a ${err.message.length}-character message`);
    assert.equal(err.column, HUGE);
  });

  it('caps a time column name in the out-of-order warning', async () => {
    const csv = `${HUGE},v\n${lines(20, (i) => `2020-01-${String(20 - i).padStart(2, '0')},${i}`)}`;
    const result = await inspectData(text('t.csv', csv));
    const order = result.problems.find((p) => /out of time order/.test(p.message));
    assert.ok(order);
    assertCapped(order.message);
  });
});
