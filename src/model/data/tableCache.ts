/**
 * The last file parsed, kept for the next read of the same unchanged file. The worker's inspect (and its sparklines,
 * one read per column) and the train request that follows it would otherwise parse one file three or more times on
 * the way to the first epoch. Off unless a long-lived caller (the worker) turns it on; one entry, so at most one
 * table is held, and a caller about to use much memory (training) forgets it first.
 */
import { promises as fs } from 'node:fs';
import type { DataSource } from './types';

/** What a parse produced; the readers never write to it, so handing it out twice is safe. */
interface Entry<T> {
  key: string;
  bytes?: Uint8Array;
  value: T;
}

let enabled = false;
let entry: Entry<unknown> | undefined;

export function enableTableCache(on = true): void {
  enabled = on;
  if (!on) entry = undefined;
}

export function forgetTables(): void {
  entry = undefined;
}

/** The file's identity now: its path, size and change time, or the bytes themselves (compared on a hit). */
async function keyOf(source: DataSource, maxBytes: number | undefined): Promise<string | undefined> {
  if ('bytes' in source) return `bytes:${source.name}:${source.bytes.length}:${maxBytes}`;
  try {
    const s = await fs.stat(source.path, { bigint: true });
    return `path:${source.path}:${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}:${maxBytes}`;
  } catch {
    // Unreadable now: parse as usual, which reports why.
    return undefined;
  }
}

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array) =>
  !!a && a.length === b.length && Buffer.compare(a, b) === 0;

/** `parse()` of the source, or the previous result when the source is unchanged and caching is on. */
export async function cachedParse<T>(
  source: DataSource,
  maxBytes: number | undefined,
  parse: () => Promise<T>,
): Promise<T> {
  const key = enabled ? await keyOf(source, maxBytes) : undefined;
  if (key === undefined) return parse();
  const bytes = 'bytes' in source ? source.bytes : undefined;
  if (entry?.key === key && (!bytes || sameBytes(entry.bytes, bytes))) return entry.value as T;
  entry = undefined;
  const value = await parse();
  entry = { key, value, ...(bytes && { bytes }) };
  return value;
}
