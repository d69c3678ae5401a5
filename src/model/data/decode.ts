/** Bytes → text, strictly: BOM-aware, fatal on invalid UTF-8 (naming the byte offset), refusing binary files. */
import { TextDecoder } from 'node:util';
import { DataError } from './errors';

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

function sniffEncoding(head: Uint8Array): { encoding: Encoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/** A NUL byte, or many control characters, in the first bytes means this is not a text file. */
function looksBinary(head: Uint8Array): boolean {
  const n = Math.min(head.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** Index of the first byte that does not start (or continue) a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    if (i + need >= bytes.length) return need === 0 ? -1 : i;
    for (let k = 1; k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    const cp2 = bytes[i + 1];
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF are invalid too.
    if (
      (b === 0xe0 && cp2 < 0xa0) ||
      (b === 0xed && cp2 > 0x9f) ||
      (b === 0xf0 && cp2 < 0x90) ||
      (b === 0xf4 && cp2 > 0x8f)
    )
      return i;
    i += need + 1;
  }
  return -1;
}

/** Decodes a stream of byte chunks into text chunks. Throws DataError for binary data or invalid UTF-8. */
export async function* decodeChunks(file: string, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let encoding: Encoding = 'utf-8';
  let offset = 0;
  let tail: Uint8Array = new Uint8Array(0);
  for await (let chunk of chunks) {
    if (!decoder) {
      const sniffed = sniffEncoding(chunk);
      encoding = sniffed.encoding;
      if (encoding === 'utf-8' && looksBinary(chunk)) {
        throw new DataError(file, 'this is a binary file, not CSV or JSON text');
      }
      decoder = new TextDecoder(encoding, { fatal: true });
      chunk = chunk.subarray(sniffed.bomLength);
      offset = sniffed.bomLength;
    }
    try {
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    } catch {
      throw invalidText(file, encoding, offset, tail, chunk);
    }
    offset += chunk.length;
    tail = chunk.slice(Math.max(0, chunk.length - 3));
  }
  if (!decoder) return;
  try {
    const text = decoder.decode();
    if (text) yield text;
  } catch {
    throw new DataError(
      file,
      `invalid ${encoding.toUpperCase()}: the file ends inside a character (byte offset ${offset})`,
    );
  }
}

function invalidText(
  file: string,
  encoding: Encoding,
  offset: number,
  tail: Uint8Array,
  chunk: Uint8Array,
): DataError {
  if (encoding !== 'utf-8')
    return new DataError(file, `invalid ${encoding.toUpperCase()} text near byte offset ${offset}`);
  const joined = new Uint8Array(tail.length + chunk.length);
  joined.set(tail);
  joined.set(chunk, tail.length);
  const at = firstInvalidUtf8(joined);
  const where = at < 0 ? offset : offset - tail.length + at;
  return new DataError(file, `invalid UTF-8 at byte offset ${where}; save the file as UTF-8`);
}
