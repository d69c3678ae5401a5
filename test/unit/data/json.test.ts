import assert from 'node:assert/strict';
import { inspectData, readSeries } from '../../../src/model/data';
import { fixture, text, rejection } from './fixtures';

describe('JSON', () => {
  it('reads an array of numbers as one column named value', async () => {
    const series = await readSeries(fixture('numbers.json'));
    assert.equal(series.name, 'value');
    assert.equal(series.values.length, 20);
    assert.equal(series.values[1], Math.sin(1 / 3));
  });

  it('flattens nested objects in an array of records to dot paths', async () => {
    const result = await inspectData(fixture('records.json'));
    assert.deepEqual(
      result.columns.map((c) => c.name),
      ['date', 'record.high', 'record.low'],
    );
    assert.equal(result.layout.jsonShape, 'records');
  });

  it('gives each record the line where it starts', async () => {
    const json =
      '[\n  {"v": 1},\n  {"v": "x"},\n' +
      Array.from({ length: 10 }, (_, i) => `  {"v": ${i}}`).join(',\n') +
      '\n]';
    const result = await inspectData(text('r.json', json));
    assert.deepEqual(
      result.problems.map((p) => [p.line, p.column]),
      [[3, 'v']],
    );
  });

  it('reads an object of arrays as columns', async () => {
    const result = await inspectData(fixture('columns.json'));
    assert.deepEqual(
      result.columns.map((c) => [c.name, c.count]),
      [
        ['a', 12],
        ['b', 12],
      ],
    );
    assert.equal(result.layout.jsonShape, 'columns');
  });

  it('reads JSON Lines, one record per line', async () => {
    const result = await inspectData(fixture('lines.jsonl'));
    assert.deepEqual(
      result.columns.map((c) => c.name),
      ['t', 'y'],
    );
    assert.deepEqual([result.rows, result.layout.format], [12, 'jsonl']);
  });

  it('names the line of a broken JSON Lines record', async () => {
    const err = await rejection(inspectData(text('b.jsonl', '{"v": 1}\n{"v": 2\n{"v": 3}\n')));
    assert.equal(err.line, 2);
  });

  it('treats null as missing, not zero', async () => {
    const result = await inspectData(text('n.json', JSON.stringify([1, null, 3, 4, 5, 6, 7, 8, 9, 10, 11])));
    assert.deepEqual([result.columns[0].count, result.columns[0].missing, result.columns[0].min], [10, 1, 1]);
  });

  it('refuses very deep nesting with a clear error', async () => {
    const err = await rejection(inspectData(fixture('deep.json')));
    assert.match(err.message, /deep\.json: line 1: nesting is deeper than \d+ levels/);
  });

  it('reports truncated JSON with the line where it stops', async () => {
    const err = await rejection(inspectData(fixture('truncated.json')));
    assert.match(err.message, /truncated\.json: line 4: .*ends too early/);
  });

  it('describes JSON with no numbers at all, and refuses to make a series of it', async () => {
    const result = await inspectData(fixture('no-numbers.json'));
    assert.deepEqual(
      result.columns.map((c) => [c.name, c.kind]),
      [['name', 'text']],
    );
    const err = await rejection(readSeries(fixture('no-numbers.json')));
    assert.match(err.message, /no-numbers\.json: no numeric column/);
  });

  it('refuses a JSON value of another shape', async () => {
    const err = await rejection(inspectData(text('s.json', '{"a": 1, "b": {"c": 2}}')));
    assert.match(err.message, /expected an array of numbers, an array of objects, or an object of arrays/);
  });

  it('refuses an array that mixes numbers and objects, naming the element', async () => {
    const err = await rejection(inspectData(text('m.json', '[\n{"v": 1},\n2\n]')));
    assert.deepEqual([err.line, /element 1/.test(err.message)], [3, true]);
  });

  it('recognises JSON by its first character when the extension says nothing', async () => {
    const result = await inspectData(text('data.txt', JSON.stringify({ v: [1, 2, 3] })));
    assert.equal(result.layout.format, 'json');
  });
});
