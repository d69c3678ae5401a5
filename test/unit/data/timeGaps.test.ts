/** Missing timestamps are reported once per series, in the series' own calendar unit, and never for a full calendar. */
import * as assert from 'node:assert/strict';
import { inspectData, readSeries } from '../../../src/model/data';

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const source = (rows: string[]) => ({
  name: 'g.csv',
  bytes: new TextEncoder().encode(`date,y\n${rows.join('\n')}\n`),
});
const days = (start: string, n: number) => Array.from({ length: n }, (_, i) => Date.parse(start) + i * DAY);
const rows = (times: number[], fmt = iso) => times.map((t, i) => `${fmt(t)},${Math.sin(i)}`);
const gapWarnings = async (r: string[]) =>
  (await readSeries(source(r), { column: 'y' })).problems.filter((p) => /gap/.test(p.message));

describe('time gaps', () => {
  it('names the first missing day and its lines, and says what the network will assume', async () => {
    const times = days('2024-01-01', 40).filter((_, i) => i !== 10);
    const [w, ...rest] = await gapWarnings(rows(times));
    assert.equal(rest.length, 0);
    assert.equal(w.severity, 'warning');
    assert.equal(w.line, 12);
    assert.equal(
      w.message,
      'a gap in time is 2024-01-10 → 2024-01-12 (line 11 to 12) where the usual step is one day; the values on either side are taken as one step apart',
    );
  });

  it('counts the gaps of an hourly series', async () => {
    const times = Array.from({ length: 100 }, (_, i) => Date.UTC(2024, 0, 1) + i * 3_600_000).filter(
      (_, i) => ![20, 50, 51, 70].includes(i),
    );
    const [w] = await gapWarnings(rows(times, (t) => new Date(t).toISOString()));
    assert.match(
      w.message,
      /^3 gaps in time; the first is 2024-01-01T19:00:00Z → 2024-01-01T21:00:00Z .* one hour;/,
    );
  });

  it('takes months, quarters and years as calendar steps of uneven length', async () => {
    const months = (n: number, every = 1) =>
      Array.from({ length: n }, (_, i) => Date.UTC(2020, i * every, 1));
    assert.deepEqual(await gapWarnings(rows(months(40))), []);
    assert.deepEqual(await gapWarnings(rows(months(30, 3))), []);
    assert.deepEqual(await gapWarnings(rows(months(20, 12))), []);
    const [w] = await gapWarnings(rows(months(40).filter((_, i) => i !== 25)));
    assert.match(w.message, /2022-01-01 → 2022-03-01 .* one month;/);
  });

  it('reads a weekday-only daily series in working days, where one missing day (a holiday) is no gap', async () => {
    const weekdays = days('2024-01-01', 120).filter((t) => ![0, 6].includes(new Date(t).getUTCDay()));
    assert.deepEqual(await gapWarnings(rows(weekdays)), []);
    assert.deepEqual(await gapWarnings(rows(weekdays.filter((_, i) => i !== 30))), []);
    const [w] = await gapWarnings(rows(weekdays.filter((_, i) => i < 40 || i > 44)));
    assert.match(w.message, /one working day;/);
  });

  it('judges each series of a long file on its own', async () => {
    const t = days('2024-01-01', 30);
    const long = [
      ...t.map((x, i) => `a,${iso(x)},${i}`),
      ...t.filter((_, i) => i !== 15).map((x, i) => `b,${iso(x)},${i}`),
    ];
    const ins = await inspectData({
      name: 'long.csv',
      bytes: new TextEncoder().encode(`k,date,y\n${long.join('\n')}\n`),
    });
    const gaps = ins.problems.filter((p) => /gap/.test(p.message));
    assert.equal(gaps.length, 1);
    assert.match(gaps[0].message, /^series "b": a gap in time is 2024-01-15 → 2024-01-17/);
  });
});
