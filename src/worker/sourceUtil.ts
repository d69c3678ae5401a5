import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { WireSource } from '../shared/protocol';

/** sha256 (hex) of the data as read, stored in meta.json so a later predict can tell the file changed. */
export async function hashSource(source: WireSource): Promise<string> {
  const hash = createHash('sha256');
  if ('bytes' in source) return hash.update(source.bytes).digest('hex');
  try {
    for await (const chunk of createReadStream(source.path)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch {
    return '';
  }
}
