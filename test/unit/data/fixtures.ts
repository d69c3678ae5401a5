/** Paths to the small data files under test/fixtures/data, and in-memory sources for one-off cases. */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { DataError, type DataSource } from '../../../src/model/data';

// Compiled tests run from out/test/unit/data; the fixtures stay in the source tree.
const root = resolve(__dirname, '../../../../test/fixtures/data');

export function fixture(name: string): DataSource {
  return { path: resolve(root, name) };
}

export function text(name: string, content: string): DataSource {
  return { name, bytes: new TextEncoder().encode(content) };
}

/** `n` lines of `make(i)`, each ending in a newline. */
export function lines(n: number, make: (i: number) => string): string {
  return Array.from({ length: n }, (_, i) => `${make(i)}\n`).join('');
}

/** The DataError a read fails with; fails the test if it succeeds or throws anything else. */
export async function rejection(promise: Promise<unknown>): Promise<DataError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof DataError, `expected a DataError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the read to fail');
}
