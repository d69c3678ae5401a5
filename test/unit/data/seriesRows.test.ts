import * as assert from 'node:assert/strict';
import type { Layout } from '../../../src/model/data/types';
import { seriesRowEdits, type SeriesRows } from '../../../src/model/data/newRow/seriesRows';

function apply(text: string, layout: Layout, req: SeriesRows): string {
  const edits = seriesRowEdits(text, layout, req);
  assert.equal(edits.length, 1, 'one insertion, so one Undo removes every row');
  return text.slice(0, edits[0].offset) + edits[0].text + text.slice(edits[0].offset);
}

const csv: Layout = { format: 'csv', delimiter: ',', hasHeader: true, lineEnding: '\n', timeColumn: 'date' };
const long = [
  'date,symbol,close',
  '2024-01-01,AAA,10.5',
  '2024-01-02,AAA,11.25',
  '2024-01-01,"B,B",200',
  '2024-01-03,"B,B",201',
  '2024-01-03,AAA,12.0',
  '',
].join('\n');

describe('Insert as New Row for many series', () => {
  it('appends one row per series of a long file: its key as written, its own next date, its precision', () => {
    const out = apply(long, csv, {
      column: 'close',
      seriesColumn: 'symbol',
      columns: ['date', 'symbol', 'close'],
      values: [
        { series: 'AAA', value: 12.3456 },
        { series: 'B,B', value: 202.6 },
      ],
    });
    // AAA steps from its own last two rows (01-02 → 01-03), B,B by its two-day step, not the file's.
    assert.equal(out, long + '2024-01-04,AAA,12.35\n2024-01-05,"B,B",203\n');
  });

  it('appends only the series asked for', () => {
    const out = apply(long, csv, {
      column: 'close',
      seriesColumn: 'symbol',
      columns: ['date', 'symbol', 'close'],
      values: [{ series: 'B,B', value: 1 }],
    });
    assert.equal(out, long + '2024-01-05,"B,B",1\n');
  });

  it('fills each series column of one new row of a wide file, keeping CRLF and the delimiter', () => {
    const text = 'date;north;south;note\r\n2024-01-01;1,5;20;x\r\n2024-01-02;2,5;21;y';
    const layout: Layout = { ...csv, delimiter: ';', lineEnding: '\r\n', decimalComma: ['north'] };
    const out = apply(text, layout, {
      column: 'north',
      columns: ['date', 'north', 'south', 'note'],
      values: [
        { series: 'north', value: 3.14 },
        { series: 'south', value: 22.4 },
      ],
    });
    assert.equal(out, text + '\r\n2024-01-03;3,1;22;');
  });

  it('refuses a series the file lacks, a JSON file of columns, and a key column the file lacks, in one line each', () => {
    const req: SeriesRows = {
      column: 'close',
      seriesColumn: 'symbol',
      columns: ['date', 'symbol', 'close'],
      values: [{ series: 'ZZZ', value: 1 }],
    };
    assert.throws(() => seriesRowEdits(long, csv, req), /no row of series "ZZZ" in column "symbol"/);
    assert.throws(
      () => seriesRowEdits('{"close": [1]}', { format: 'json', jsonShape: 'columns' }, req),
      /JSON arrays of records only; this JSON file holds columns/,
    );
    assert.throws(() => seriesRowEdits(long, csv, { ...req, seriesColumn: 'ticker' }), /no column "ticker"/);
  });

  it('appends a record per series to JSON Lines and to a JSON array of records, shaped like its own last one', () => {
    const req: SeriesRows = {
      column: 'v',
      seriesColumn: 'k',
      columns: ['d', 'k', 'v', 'note'],
      values: [
        { series: 'a', value: 1.23456 },
        { series: 'b', value: 9 },
      ],
    };
    const layout: Layout = { format: 'jsonl', lineEnding: '\n', timeColumn: 'd' };
    const lines = [
      '{"d": "2024-01-01", "k": "a", "v": 1.5, "note": "x"}',
      '{"d":"2024-01-01","k":"b","v":7}',
      '{"d": "2024-01-02", "k": "a", "v": 1.25, "note": "y"}',
      '{"d":"2024-01-03","k":"b","v":8}',
      '',
    ].join('\n');
    assert.equal(
      apply(lines, layout, req),
      lines.replace(/\n$/, '') +
        '\n{"d": "2024-01-03", "k": "a", "v": 1.23, "note": null}' +
        '\n{"d":"2024-01-05","k":"b","v":9}\n',
    );
    const array =
      '[\n  {"d": 1, "k": "a", "v": 2.0},\n  {"d": 2, "k": "a", "v": 3.0},\n  {"d": 2, "k": "b", "v": 5}\n]\n';
    const out = apply(
      array,
      { format: 'json', jsonShape: 'records', timeColumn: 'd' },
      {
        ...req,
        values: [{ series: 'a', value: 4 }],
      },
    );
    assert.equal(out, array.replace('5}\n]', '5},\n  {"d": 3, "k": "a", "v": 4.0}\n]'));
    assert.deepEqual(JSON.parse(out).length, 4);
  });

  it('says which series cannot continue its dates', () => {
    const text = 'date,symbol,v\n2024-01-02,AAA,1\n2024-01-01,AAA,2\n';
    assert.throws(
      () =>
        seriesRowEdits(text, csv, {
          column: 'v',
          seriesColumn: 'symbol',
          columns: ['date', 'symbol', 'v'],
          values: [{ series: 'AAA', value: 3 }],
        }),
      /series "AAA" after "2024-01-01"/,
    );
  });
});
