import assert from 'node:assert/strict';
import { inspectData } from '../../../src/model/data';
import { fixture, rejection } from './fixtures';

describe('decoding bytes', () => {
  it('strips a UTF-8 byte order mark from the first header', async () => {
    const result = await inspectData(fixture('bom.csv'));
    assert.equal(result.columns[0].name, 'v');
  });

  it('decodes UTF-16 little-endian with a byte order mark', async () => {
    const result = await inspectData(fixture('utf16le.csv'));
    assert.deepEqual([result.columns[0].name, result.columns[0].count], ['v', 12]);
  });

  it('decodes UTF-16 big-endian with a byte order mark', async () => {
    const result = await inspectData(fixture('utf16be.csv'));
    assert.deepEqual([result.columns[0].name, result.columns[0].count], ['v', 12]);
  });

  it('names the byte offset of invalid UTF-8', async () => {
    const err = await rejection(inspectData(fixture('latin1.csv')));
    assert.match(err.message, /latin1\.csv: invalid UTF-8 at byte offset 10\b/);
  });

  it('finds invalid UTF-8 far into a file read in several chunks', async () => {
    // Past the first 1 MiB chunk, so the offset must carry across chunks.
    const size = 1_200_000;
    const bytes = new Uint8Array(size).map((_, i) => (i % 2 ? 0x0a : 0x31));
    bytes[size - 3] = 0xff;
    const err = await rejection(inspectData({ name: 'big.csv', bytes }));
    assert.match(err.message, new RegExp(`byte offset ${size - 3}\\b`));
  });

  it('refuses a binary file instead of reading numbers out of it', async () => {
    const err = await rejection(inspectData(fixture('binary.csv')));
    assert.match(err.message, /binary\.csv: .*binary file/);
  });

  it('refuses a file over the size cap before reading it', async () => {
    const err = await rejection(inspectData(fixture('daily.csv'), { maxBytes: 100 }));
    assert.match(err.message, /daily\.csv: the file is .* over the 100 bytes limit/);
  });

  it('refuses bytes over the size cap too', async () => {
    const err = await rejection(
      inspectData({ name: 'mem.csv', bytes: new Uint8Array(200).fill(0x31) }, { maxBytes: 100 }),
    );
    assert.match(err.message, /^mem\.csv: the file is 200 bytes/);
  });

  it('refuses an empty file', async () => {
    const err = await rejection(inspectData({ name: 'empty.csv', bytes: new Uint8Array(0) }));
    assert.equal(err.message, 'empty.csv: the file is empty');
  });

  it('reports a missing file in one line', async () => {
    const err = await rejection(inspectData({ path: '/no/such/dir/x.csv' }));
    assert.equal(err.message, '/no/such/dir/x.csv: no such file');
  });
});
