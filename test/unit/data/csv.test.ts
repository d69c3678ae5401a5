import assert from 'node:assert/strict';
import { inspectData, readSeries } from '../../../src/model/data';
import { fixture, lines, text, rejection } from './fixtures';

describe('CSV and TSV', () => {
  it('detects a header row and names columns after it', async () => {
    const result = await inspectData(fixture('daily.csv'));
    assert.deepEqual(
      result.columns.map((c) => [c.name, c.kind]),
      [
        ['date', 'date'],
        ['sales', 'numeric'],
      ],
    );
    assert.equal(result.layout.hasHeader, true);
    assert.equal(result.rows, 12);
  });

  it('detects a file without a header and names its columns col1, col2', async () => {
    const result = await inspectData(fixture('noheader.csv'));
    assert.deepEqual(
      result.columns.map((c) => c.name),
      ['col1', 'col2'],
    );
    assert.equal(result.layout.hasHeader, false);
    assert.equal(result.rows, 12);
  });

  it('sniffs a semicolon delimiter', async () => {
    assert.equal((await inspectData(fixture('semicolon.csv'))).layout.delimiter, ';');
  });

  it('sniffs a tab delimiter and calls the format tsv', async () => {
    const result = await inspectData(fixture('tabs.tsv'));
    assert.deepEqual([result.layout.delimiter, result.layout.format], ['\t', 'tsv']);
  });

  it('sniffs a pipe delimiter in a file with an unknown extension', async () => {
    const result = await inspectData(fixture('pipes.txt'));
    assert.equal(result.layout.delimiter, '|');
    assert.deepEqual(
      result.columns.map((c) => c.kind),
      ['numeric', 'numeric', 'text'],
    );
  });

  it('keeps commas and doubled quotes inside quoted fields (RFC 4180)', async () => {
    const result = await inspectData(fixture('rfc4180.csv'));
    assert.deepEqual(
      result.columns.map((c) => c.name),
      ['name', 'note', 'value'],
    );
    assert.equal(result.rows, 13);
    assert.equal(result.columns[2].count, 12);
  });

  it('numbers lines past a quoted CRLF newline and a blank line as the file does', async () => {
    const result = await inspectData(fixture('rfc4180.csv'));
    assert.deepEqual(
      result.problems.map((p) => [p.line, p.column]),
      [[6, 'value']],
    );
    assert.match(result.problems[0].message, /"oops" is not a number/);
  });

  it('gives a record that spans lines the line where it starts', async () => {
    const csv = `a,b\n"x\ny\nz",oops\n${lines(11, (i) => `k,${i}`)}`;
    const result = await inspectData(text('multi.csv', csv));
    assert.deepEqual(
      result.problems.map((p) => p.line),
      [2],
    );
  });

  it('detects CRLF line endings', async () => {
    assert.equal((await inspectData(fixture('rfc4180.csv'))).layout.lineEnding, '\r\n');
  });

  it('reads CRLF files without quotes', async () => {
    const result = await inspectData(text('crlf.csv', `v,w\r\n${lines(12, (i) => `${i},${i}\r`)}`));
    assert.deepEqual(
      result.columns.map((c) => [c.kind, c.count, c.missing]),
      [
        ['numeric', 12, 0],
        ['numeric', 12, 0],
      ],
    );
  });

  it('skips blank lines and keeps counting them as lines', async () => {
    const result = await inspectData(fixture('blank-lines.csv'));
    assert.equal(result.rows, 12);
    assert.deepEqual(
      result.columns.map((c) => c.name),
      ['x', 'y'],
    );
  });

  it('reports rows with too few or too many fields at their line', async () => {
    const result = await inspectData(fixture('ragged.csv'));
    assert.deepEqual(
      result.problems.map((p) => [p.line, p.message]),
      [
        [3, '1 field, expected 2 like the first row'],
        [4, '3 fields, expected 2 like the first row'],
      ],
    );
  });

  it('fails on an unclosed quote, naming the line where the quote opens', async () => {
    const err = await rejection(inspectData(fixture('unclosed.csv')));
    assert.equal(err.line, 3);
    assert.match(err.message, /^.*unclosed\.csv: line 3: .*never closed$/);
  });

  it('reads text after a closing quote as it stands (csv-parse relax_quotes), as pandas does', async () => {
    const result = await inspectData(fixture('bad-quote.csv'));
    assert.equal(result.rows, 3);
    assert.deepEqual(
      result.columns.map((c) => [c.name, c.count, c.missing]),
      [
        ['a', 2, 1],
        ['b', 3, 0],
      ],
    );
    assert.deepEqual(
      result.problems.map((p) => [p.line, p.column]),
      [[3, 'a']],
    );
    assert.match(result.problems[0].message, /"\\"x\\"y" is not a number/);
  });

  it('accepts a decimal comma in a semicolon file whose column uses it throughout', async () => {
    const result = await inspectData(fixture('semicolon.csv'));
    assert.deepEqual(result.layout.decimalComma, ['price']);
    assert.deepEqual([result.columns[1].min, result.columns[1].max], [0.5, 11.5]);
  });

  it('refuses decimal commas in a column that also uses decimal points', async () => {
    const result = await inspectData(fixture('mixed-decimal.csv'));
    assert.deepEqual(result.layout.decimalComma, []);
    assert.deepEqual(
      result.problems.map((p) => [p.line, p.column]),
      [[13, 'price']],
    );
    assert.match(result.problems[0].message, /"3,5" is not a number/);
  });

  it('never reads "1,5" as a number in a tab-separated file', async () => {
    const result = await inspectData(text('t.tsv', `t\tv\n${lines(11, (i) => `${i}\t${i}`)}11\t1,5\n`));
    assert.deepEqual([result.columns[1].count, result.columns[1].missing], [11, 1]);
    assert.match(result.problems[0].message, /"1,5" is not a number/);
  });

  it('reports hexadecimal and out-of-range cells and counts them as missing', async () => {
    const result = await inspectData(fixture('bad-numbers.csv'));
    const cells = result.problems
      .filter((p) => p.column === 'v' && p.message !== 'the cell is missing')
      .map((p) => [p.line, p.message.split(' ')[0]]);
    assert.deepEqual(cells, [
      [13, '"0x1A"'],
      [15, '1e999'],
    ]);
  });

  it('reports each missing cell at its line, so the Problems panel can point at it', async () => {
    const result = await inspectData(fixture('gaps.csv'));
    const missing = result.problems.filter((p) => p.message === 'the cell is missing').map((p) => p.line);
    // Lines of NA, null, N/A, - and ? (the blank line 5 is skipped, not a cell).
    assert.deepEqual(missing, [2, 7, 8, 14, 15]);
  });

  it('counts missing markers as missing, never as zero', async () => {
    const result = await inspectData(fixture('gaps.csv'));
    // NA, null, N/A, - and ?; the empty line in this one-column file is a blank line, skipped.
    assert.equal(result.columns[0].missing, 5);
    assert.equal(result.columns[0].min, 1);
  });

  it('classifies a column of words as text without reporting every cell', async () => {
    const result = await inspectData(fixture('text-only.csv'));
    assert.deepEqual(
      result.columns.map((c) => c.kind),
      ['text', 'text'],
    );
    assert.equal(result.problems.length, 0);
  });

  it('gives the same answer whether the file has quotes or not', async () => {
    // Blank lines, a bad cell, an out-of-order date and a ragged row, so line numbers are compared too.
    const plain = `d,v\n\n${lines(20, (i) => `2024-01-${String(i === 5 ? 1 : i + 1).padStart(2, '0')},${i % 7 ? i : 'x'}`)}\n2024-01-30\n`;
    const quoted = plain.replace(/^(\d{4}-\d\d-\d\d)/gm, '"$1"');
    const [a, b] = await Promise.all([inspectData(text('a.csv', plain)), inspectData(text('b.csv', quoted))]);
    assert.deepEqual(b.columns, a.columns);
    assert.deepEqual(b.problems, a.problems);
    assert.ok(a.problems.length >= 4);
  });

  it('reads a series from a CSV by column name', async () => {
    const series = await readSeries(fixture('daily.csv'), { column: 'sales' });
    assert.deepEqual(Array.from(series.values.slice(0, 3)), [11.5, 12.5, 13.5]);
    assert.equal(series.time?.[0], Date.UTC(2024, 0, 1));
  });
});
