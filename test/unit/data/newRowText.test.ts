import * as assert from 'node:assert/strict';
import type { Layout } from '../../../src/model/data/types';
import { newRowEdits } from '../../../src/model/data/newRow/newRowText';
import { nextTime } from '../../../src/model/data/newRow/nextTime';

function apply(text: string, layout: Layout, column: string, value: number, columns: string[]): string {
  let out = text;
  for (const e of [...newRowEdits(text, layout, { column, value, columns })].sort(
    (a, b) => b.offset - a.offset,
  )) {
    out = out.slice(0, e.offset) + e.text + out.slice(e.offset);
  }
  return out;
}

const csv: Layout = { format: 'csv', delimiter: ',', hasHeader: true, lineEnding: '\n', timeColumn: 'date' };

describe('Insert as New Row text', () => {
  it('appends a CSV row with the next daily date and the column precision', () => {
    const text = 'date,co2\n2024-01-01,410.10\n2024-01-02,410.55\n';
    assert.equal(apply(text, csv, 'co2', 411.2345, ['date', 'co2']), text + '2024-01-03,411.23\n');
  });

  it('keeps a CRLF file CRLF and a file without a final newline without one', () => {
    const text = 'date,co2\r\n2024-01-01,1.0\r\n2024-01-02,2.0';
    assert.equal(
      apply(text, { ...csv, lineEnding: '\r\n' }, 'co2', 3, ['date', 'co2']),
      text + '\r\n2024-01-03,3.0',
    );
  });

  it('uses the file delimiter and decimal comma, leaving other columns empty', () => {
    const text = 'date;temp;rain\n2024-01-01;1,5;0\n2024-01-02;2,5;1\n';
    const layout: Layout = { ...csv, delimiter: ';', decimalComma: ['temp'] };
    assert.equal(apply(text, layout, 'temp', 3.25, ['date', 'temp', 'rain']), text + '2024-01-03;3,3;\n');
  });

  it('steps monthly dates by calendar months', () => {
    const text = 'month,sales\n2023-12-01,5\n2024-01-01,6\n';
    assert.equal(
      apply(text, { ...csv, timeColumn: 'month' }, 'sales', 7.4, ['month', 'sales']),
      text + '2024-02-01,7\n',
    );
  });

  it('appends to a JSON array of numbers with the same spacing', () => {
    const text = '[1.5, 2.5, 3.5]\n';
    assert.equal(
      apply(text, { format: 'json', jsonShape: 'numbers' }, 'value', 4.25, ['value']),
      '[1.5, 2.5, 3.5, 4.3]\n',
    );
  });

  it('appends a JSON record shaped like the last one, with the next time and null for other keys', () => {
    const text = '[\n  {"t":0,"value":0.5,"other":1},\n  {"t":1,"value":0.75,"other":2}\n]\n';
    const layout: Layout = { format: 'json', jsonShape: 'records', timeColumn: 't' };
    const out = apply(text, layout, 'value', 0.8, ['t', 'value', 'other']);
    assert.equal(
      out,
      '[\n  {"t":0,"value":0.5,"other":1},\n  {"t":1,"value":0.75,"other":2},\n  {"t":2,"value":0.80,"other":null}\n]\n',
    );
    assert.equal(JSON.parse(out).length, 3);
  });

  it('grows every array of a JSON columns object by one', () => {
    const text = '{"date": ["2024-01-01", "2024-01-02"], "v": [1, 2]}';
    const layout: Layout = { format: 'json', jsonShape: 'columns', timeColumn: 'date' };
    assert.deepEqual(JSON.parse(apply(text, layout, 'v', 3, ['date', 'v'])), {
      date: ['2024-01-01', '2024-01-02', '2024-01-03'],
      v: [1, 2, 3],
    });
  });

  it('appends a JSON Lines record', () => {
    const text = '{"t":"2024-01-01T00:00","v":1}\n{"t":"2024-01-01T01:00","v":2}\n';
    const layout: Layout = { format: 'jsonl', lineEnding: '\n', timeColumn: 't' };
    assert.equal(apply(text, layout, 'v', 3, ['t', 'v']), text + '{"t":"2024-01-01T02:00","v":3}\n');
  });

  it('refuses a date format it cannot continue instead of writing a wrong one', () => {
    const text = 'date,v\nMonday,1\nTuesday,2\n';
    assert.throws(
      () => newRowEdits(text, csv, { column: 'v', value: 3, columns: ['date', 'v'] }),
      /cannot continue the dates/,
    );
  });
});

describe('nextTime', () => {
  it('steps by calendar months when the last two dates share a day of the month', () => {
    assert.equal(nextTime('2024-03-15', '2024-02-15'), '2024-04-15');
  });

  it('steps numeric years', () => {
    assert.equal(nextTime('2021', '2020'), '2022');
  });

  it('uses the median step when there is no previous row', () => {
    assert.equal(nextTime('2024-01-01 10:00', undefined, 3_600_000), '2024-01-01 11:00');
  });
});
