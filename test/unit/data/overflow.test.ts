import assert from 'node:assert/strict';
import { inspectData } from '../../../src/model/data';
import { lines, text } from './fixtures';

const ten = Array.from({ length: 10 }, (_, i) => i + 1);

describe('numbers that overflow', () => {
  it('reports a JSON number beyond float64 as an overflow, not as null or Infinity', async () => {
    const json = `[${ten.join(',')},\n1e400,\n-2.5E+999]`;
    const result = await inspectData(text('big.json', json));
    assert.deepEqual(
      result.problems.map((p) => [p.line, p.message]),
      [
        [2, '1e400 overflows a 64-bit float; counted as missing'],
        [3, '-2.5E+999 overflows a 64-bit float; counted as missing'],
      ],
    );
    assert.equal(result.columns[0].max, 10);
  });

  it('names the overflowing literal in JSON records and JSON Lines', async () => {
    const records = await inspectData(
      text('r.json', JSON.stringify(ten.map((v) => ({ v }))).replace('{"v":3}', '{"v":3e999}')),
    );
    assert.match(records.problems[0].message, /^3e999 overflows a 64-bit float/);
    const jsonl = await inspectData(
      text('l.jsonl', ten.map((v) => `{"w": "x", "v": ${v === 4 ? '1' + '0'.repeat(400) : v}}`).join('\n')),
    );
    assert.deepEqual(
      jsonl.problems.map((p) => p.line),
      [4],
    );
    assert.match(jsonl.problems[0].message, /^10{79}… overflows a 64-bit float/);
  });

  it('reports a CSV cell beyond float64 the same way', async () => {
    const result = await inspectData(text('big.csv', `v\n${lines(10, String)}1e400\n`));
    assert.equal(result.problems[0].message, '1e400 overflows a 64-bit float; counted as missing');
  });

  it('reports a number beyond float32 as too large for the model', async () => {
    const json = await inspectData(text('f.json', `[${ten.join(',')},1e39]`));
    assert.match(json.problems[0].message, /^1e\+39 is too large for a 32-bit float/);
    const csv = await inspectData(text('f.csv', `v\n${lines(10, String)}-4e38\n`));
    assert.match(csv.problems[0].message, /^-4e38 is too large for a 32-bit float/);
  });
});
