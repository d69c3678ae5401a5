import assert from 'node:assert/strict';
import { inspectData, readSeries } from '../../../src/model/data';
import { text } from './fixtures';

const rows = (n: number, make: (i: number) => string, eol: (i: number) => string): string =>
  Array.from({ length: n }, (_, i) => make(i) + eol(i)).join('');
const MIXED = ['\r\n', '\n', '\r'];

describe('line endings', () => {
  it('reads CR-only line endings (old Mac exports) as lines', async () => {
    const csv = `a,b\r${rows(
      20,
      (i) => `${i},${i * 2}`,
      () => '\r',
    )}`;
    const series = await readSeries(text('mac.csv', csv), { column: 'b' });
    assert.equal(series.values.length, 20);
    assert.equal(series.values[19], 38);
  });

  it('sniffs the delimiter of a CR-only file', async () => {
    const result = await inspectData(
      text(
        'mac.csv',
        `a;b\r${rows(
          20,
          (i) => `${i};${i}`,
          () => '\r',
        )}`,
      ),
    );
    assert.equal(result.layout.delimiter, ';');
    assert.deepEqual(
      result.columns.map((c) => [c.name, c.kind, c.count]),
      [
        ['a', 'numeric', 20],
        ['b', 'numeric', 20],
      ],
    );
  });

  it('numbers the lines of a CR-only file for problems', async () => {
    const csv = `v\r${rows(
      20,
      (i) => (i === 9 ? 'oops' : String(i)),
      () => '\r',
    )}`;
    const result = await inspectData(text('mac.csv', csv));
    assert.deepEqual(
      result.problems.map((p) => p.line),
      [11],
    );
  });

  it('drops no rows when \\r\\n, \\n and \\r are mixed in one file', async () => {
    const csv = `a,b${MIXED[0]}${rows(
      30,
      (i) => `${i},${i}`,
      (i) => MIXED[i % 3],
    )}`;
    const result = await inspectData(text('mixed.csv', csv));
    assert.equal(result.rows, 30);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.columns.map((c) => [c.count, c.max]),
      [
        [30, 29],
        [30, 29],
      ],
    );
  });

  it('drops no rows with mixed endings in a file with quoted fields (the csv-parse path)', async () => {
    const csv = `a,b\r${rows(
      30,
      (i) => `"${i}",${i}`,
      (i) => MIXED[i % 3],
    )}`;
    const result = await inspectData(text('mixed.csv', csv));
    assert.equal(result.rows, 30);
    assert.deepEqual(result.problems, []);
    assert.equal(result.columns[0].max, 29);
  });

  it('numbers lines past a CR-only quoted field with a line break inside', async () => {
    const csv = `a,b\r"x\ry",1\r${rows(
      20,
      (i) => (i === 4 ? 'z,oops' : `z,${i}`),
      () => '\r',
    )}`;
    const result = await inspectData(text('mac.csv', csv));
    assert.deepEqual(
      result.problems.map((p) => p.line),
      [8],
    );
  });

  it('counts a \\r\\n split across two read chunks as one line ending', async () => {
    const CHUNK = 1 << 20;
    const head = 'v\n';
    let body = '';
    let i = 0;
    while (head.length + body.length < CHUNK - 20) body += `${i++}\n`;
    // Pad the next value so its \r is the chunk's last byte and its \n the next chunk's first.
    body += `${i++}`.padEnd(CHUNK - head.length - body.length - 1, ' ') + '\r\n';
    const line = i + 2;
    body +=
      'oops\n' +
      rows(
        5,
        (k) => String(k),
        () => '\n',
      );
    const result = await inspectData(text('split.csv', head + body));
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0].line, line);
  });
});
