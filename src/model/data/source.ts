/** Opens a DataSource as a stream of byte chunks, refusing files over the size cap before reading them. */
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { resourceLimits } from 'node:worker_threads';
import { DataError } from './errors';
import type { DataSource } from './types';

export const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024;
const CHUNK = 1 << 20;

export interface OpenedSource {
  /** How the file is named in messages: the path as given, or the name passed with the bytes. */
  file: string;
  size: number;
  /** Byte chunks in order; a chunk may be overwritten once the next is requested, so copy what must outlive it. */
  chunks: AsyncIterable<Uint8Array>;
}

export function sourceName(source: DataSource): string {
  return 'path' in source ? source.path : source.name;
}

export async function openSource(source: DataSource, maxBytes = DEFAULT_MAX_BYTES): Promise<OpenedSource> {
  const file = sourceName(source);
  if ('bytes' in source) {
    checkSize(file, source.bytes.length, maxBytes);
    return { file, size: source.bytes.length, chunks: sliceBytes(source.bytes) };
  }
  let size: number;
  try {
    const stat = await fs.stat(source.path);
    if (!stat.isFile()) throw new DataError(file, 'not a regular file');
    size = stat.size;
  } catch (err) {
    if (err instanceof DataError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new DataError(
      file,
      code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(err)})`,
    );
  }
  checkSize(file, size, maxBytes);
  return { file, size, chunks: readChunks(source.path) };
}

/**
 * A file read whole (JSON) becomes one string of up to twice its bytes, then JSON.parse's objects. In a worker with a
 * heap limit, one allocation that passes the limit by more than the 16 MB Node grants before ending the worker aborts
 * the whole process ("Reached heap limit", SIGABRT), not the worker. Measured on the real worker with a JSON of
 * records: limit 64 MB ended cleanly at 34 MB and aborted at 50 MB; 128 MB ended cleanly at 60 MB and aborted at 80 MB.
 * So a file read whole may be at most a quarter of this thread's heap limit, under half the ratio that first aborted.
 */
export function checkWholeSize(file: string, size: number): void {
  // A worker's limit is the setting (old generation); elsewhere, V8's whole heap limit.
  const old = resourceLimits.maxOldGenerationSizeMb;
  const limit = old ? old * 1024 * 1024 : getHeapStatistics().heap_size_limit;
  if (size > limit / 4)
    throw new DataError(
      file,
      `the file is ${formatBytes(size)}; a JSON file is read whole, and this one needs more memory than the ` +
        `${formatBytes(limit)} heap allows (at most a quarter of it; in VS Code, setting seqlab.worker.memoryLimitMB)`,
    );
}

function checkSize(file: string, size: number, maxBytes: number): void {
  if (size > maxBytes) {
    throw new DataError(file, `the file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit`);
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

/**
 * Reads through one reused buffer: a fresh buffer per chunk would leave a file's worth of garbage buffers to the GC,
 * which shows up as peak RSS. Each chunk is only valid until the next one is requested.
 */
async function* readChunks(path: string): AsyncGenerator<Uint8Array> {
  const handle = await fs.open(path, 'r');
  try {
    const buffer = new Uint8Array(CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

async function* sliceBytes(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, Math.min(bytes.length, i + CHUNK));
}

/** The file's extension in lower case, without the dot ('' when none). */
export function extensionOf(file: string): string {
  const name = basename(file);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
