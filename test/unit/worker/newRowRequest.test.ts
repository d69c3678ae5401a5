import * as assert from 'node:assert/strict';
import { newRow } from '../../../src/worker/requests';

/** The file as the editor holds it, and the text Insert as New Row would add. */
async function planned(name: string, text: string, value = 9.5): Promise<string> {
  const reply = await newRow({
    type: 'newRow',
    source: { name, bytes: new TextEncoder().encode(text) },
    column: 'value',
    value,
  });
  return reply.insertions.map((i) => i.text).join('');
}

const days = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `2020-01-${String(from + i).padStart(2, '0')}`);

describe('Insert as New Row stamps the step after the series’ latest parsed row (issue 20)', () => {
  it('a file out of time order: the day after its latest date, not after its last line', async () => {
    const dates = days(1, 31);
    const order = [...dates.slice(7), ...dates.slice(0, 7)]; // ends with 01-01 … 01-07
    const text = `date,value\n${order.map((d, i) => `${d},${i}.5`).join('\n')}\n`;
    assert.match(await planned('late.csv', text), /^\n2020-02-01,9\.5$/);
  });

  it('a quoted multi-line cell that looks like rows does not set the date', async () => {
    const rows = days(1, 30).map((d, i) => `${d},${i}.5,ok`);
    const text = `date,value,note\n${rows.join('\n')}\n2020-01-31,3.5,"see\n2100-01-01,5,x"\n`;
    assert.match(await planned('quoted.csv', text), /2020-02-01,9\.5,/);
  });

  it('refuses when the last JSON record has no value for the column, in one line', async () => {
    const recs = days(1, 30).map((d, i) => JSON.stringify({ date: d, value: i, note: null }));
    recs.push(JSON.stringify({ date: '2020-01-31', note: 'no value' }));
    await assert.rejects(
      planned('gap.json', `[${recs.join(',\n')}]`),
      /^Error: gap\.json: the last record has no value for "value"[^\n]*$/,
    );
    await assert.rejects(planned('gap.jsonl', recs.join('\n')), /the last record has no value for "value"/);
  });

  it('refuses when a CSV ends in rows without a value, instead of stamping past them', async () => {
    const rows = days(1, 28).map((d, i) => `${d},${i}.5`);
    const text = `date,value\n${rows.join('\n')}\n2020-01-29,\n2020-01-30,\n`;
    await assert.rejects(planned('tail.csv', text), /tail\.csv: the last row has no value for "value"/);
  });

  it('an ordered file still gets the next day', async () => {
    const text = `date,value\n${days(1, 31)
      .map((d, i) => `${d},${i}.5`)
      .join('\n')}\n`;
    assert.equal(await planned('plain.csv', text), '\n2020-02-01,9.5');
  });
});
