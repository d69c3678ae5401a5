/** The worker's one-entry parse cache: a file read twice unchanged is parsed once, and a change is never missed. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectData, readSeries } from '../../../src/model/data';
import { cachedParse, enableTableCache, forgetTables } from '../../../src/model/data/tableCache';

const csv = (values: number[]) => `t,y\n${values.map((v, i) => `${i},${v}`).join('\n')}\n`;
const ramp = (n: number, k = 1) => Array.from({ length: n }, (_, i) => i * k);

describe('table cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'seqlab-cache-'));
  let parses = 0;
  const counted = () => {
    parses++;
    return Promise.resolve(parses);
  };
  beforeEach(() => {
    parses = 0;
    enableTableCache();
  });
  after(() => enableTableCache(false));

  it('parses an unchanged file once, and again once it is written (even with the same size and time)', async () => {
    const path = join(dir, 'a.csv');
    writeFileSync(path, csv(ramp(20)));
    utimesSync(path, new Date(1e12), new Date(1e12));
    assert.equal(await cachedParse({ path }, undefined, counted), 1);
    assert.equal(await cachedParse({ path }, undefined, counted), 1);
    const text = csv(ramp(20));
    writeFileSync(path, text.replace('\n5,5\n', '\n5,6\n'));
    assert.notEqual(text.replace('\n5,5\n', '\n5,6\n'), text);
    utimesSync(path, new Date(1e12), new Date(1e12));
    assert.equal(await cachedParse({ path }, undefined, counted), 2, 'a rewrite changes the change time');
    forgetTables();
    assert.equal(await cachedParse({ path }, undefined, counted), 3);
  });

  it('compares bytes sources by content, and keys by the size cap', async () => {
    const bytes = new TextEncoder().encode(csv(ramp(20)));
    assert.equal(await cachedParse({ name: 'b.csv', bytes }, undefined, counted), 1);
    assert.equal(await cachedParse({ name: 'b.csv', bytes: bytes.slice() }, undefined, counted), 1);
    const edited = bytes.slice();
    edited[edited.length - 2] = '7'.charCodeAt(0);
    assert.equal(await cachedParse({ name: 'b.csv', bytes: edited }, undefined, counted), 2);
    assert.equal(await cachedParse({ name: 'b.csv', bytes: edited }, 10, counted), 3);
  });

  it('parses every time when off (the CLI)', async () => {
    enableTableCache(false);
    const path = join(dir, 'c.csv');
    writeFileSync(path, csv(ramp(20)));
    await cachedParse({ path }, undefined, counted);
    await cachedParse({ path }, undefined, counted);
    assert.equal(parses, 2);
  });

  it('inspect then read gives the new values after the file changed in between', async () => {
    const path = join(dir, 'd.csv');
    writeFileSync(path, csv(ramp(30)));
    const first = await inspectData({ path });
    assert.equal(first.rows, 30);
    assert.equal((await readSeries({ path }, { column: 'y' })).values[29], 29);
    writeFileSync(path, csv(ramp(31, 2)));
    const s = await readSeries({ path }, { column: 'y' });
    assert.deepEqual([s.values.length, s.values[30]], [31, 60]);
    // Each caller gets its own layout: inspectData completes it, and a second inspection starts afresh.
    const again = await inspectData({ path });
    assert.notEqual(again.layout, (await inspectData({ path })).layout);
  });
});
