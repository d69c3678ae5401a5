import assert from 'node:assert/strict';
import { inspectData } from '../../../src/model/data';
import { lines, rejection, text } from './fixtures';

describe('a bare quote inside an unquoted field', () => {
  const csv = `place,v\n37°36'37.8"N,0\n${lines(20, (i) => `x${i},${i + 1}`)}`;

  it('is read as text, as pandas and the csv module do, with a warning on its line', async () => {
    const result = await inspectData(text('coords.csv', csv));
    assert.equal(result.rows, 21);
    assert.deepEqual(
      result.columns.map((c) => [c.name, c.kind, c.count]),
      [
        ['place', 'text', 21],
        ['v', 'numeric', 21],
      ],
    );
    const warnings = result.problems.map((p) => [p.line, p.column, p.severity]);
    assert.deepEqual(warnings, [[2, 'place', 'warning']]);
    assert.match(result.problems[0].message, /37°36'37\.8\\"N/);
    assert.match(result.problems[0].message, /quote/);
  });

  it('keeps the quote in a numeric column cell, which then counts as missing', async () => {
    const result = await inspectData(text('inch.csv', `v\n${lines(20, (i) => String(i))}12"\n`));
    assert.equal(result.columns[0].missing, 1);
    assert.ok(result.problems.some((p) => p.line === 22 && /quote/.test(p.message)));
  });

  it('reports the first 20 such cells one by one and counts the rest', async () => {
    const many = `a,b\n${lines(50, (i) => `${i}",${i}`)}`;
    const result = await inspectData(text('many.csv', many));
    const quotes = result.problems.filter((p) => /quote/.test(p.message));
    assert.equal(quotes.length, 21);
    assert.match(quotes[20].message, /^30 more/);
  });

  it('still refuses a quoted field that is never closed', async () => {
    const err = await rejection(inspectData(text('open.csv', 'a,b\n1,2\n"x,3\n4,5\n')));
    assert.equal(err.line, 3);
  });
});
