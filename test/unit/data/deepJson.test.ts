import assert from 'node:assert/strict';
import { inspectData } from '../../../src/model/data';
import { scanJsonSpans as scanSpans } from '../../../src/model/data/newRow/jsonSpans';
import { rejection, text } from './fixtures';

const DEPTH = 100_000;
const deepArray = '['.repeat(DEPTH) + ']'.repeat(DEPTH);
const deepObject = '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH);

describe('JSON nested 100,000 deep', () => {
  for (const [what, value] of [
    ['array', deepArray],
    ['object', deepObject],
  ]) {
    it(`refuses a JSON Lines record holding a deep ${what}, naming the file and line`, async () => {
      const err = await rejection(inspectData(text('deep.jsonl', `{"v": 1}\n{"v": ${value}}\n{"v": 3}\n`)));
      assert.match(err.message, /^deep\.jsonl: line 2: nesting is deeper than 64 levels$/);
    });

    it(`refuses a deep ${what} as a whole JSON Lines line`, async () => {
      const err = await rejection(inspectData(text('deep.jsonl', `${value}\n`)));
      assert.match(err.message, /^deep\.jsonl: line 1: nesting is deeper than 64 levels$/);
    });

    it(`refuses a deep ${what} inside a JSON record`, async () => {
      const err = await rejection(inspectData(text('deep.json', `[{"v": 1},\n{"v": ${value}}]`)));
      assert.match(err.message, /^deep\.json: line 2: nesting is deeper than 64 levels$/);
    });
  }

  it('refuses deep JSON Lines recognised by content in a file with no known extension', async () => {
    const err = await rejection(inspectData(text('deep.txt', `{"v": 1}\n{"v": 2}\n{"v": ${deepArray}}\n`)));
    assert.match(err.message, /^deep\.txt: line 3: nesting is deeper than 64 levels$/);
  });

  it('still reads a record nested within the limit', async () => {
    const nested = '{"a":'.repeat(10) + '1' + '}'.repeat(10);
    const result = await inspectData(text('ok.jsonl', Array.from({ length: 12 }, () => nested).join('\n')));
    assert.equal(result.rows, 12);
  });

  it("the editor's span scanner refuses deep nesting with an error, not a stack overflow", () => {
    for (const value of [deepArray, deepObject]) {
      assert.throws(
        () => scanSpans(value),
        (e: unknown) =>
          e instanceof Error &&
          !(e instanceof RangeError) &&
          /nesting is deeper than 64 levels/.test(e.message),
      );
    }
  });
});
