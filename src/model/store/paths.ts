/**
 * Where a model lives: `<base>/<store>/<data path relative to base>/<column>/`, each part one encoded folder name.
 * The extension, the worker and the CLI all take model folders from here, so the layout cannot drift between them.
 */
import { createHash } from 'node:crypto';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/**
 * A model folder and the trusted folder it hangs below (the workspace folder, the CLI's current directory, or the
 * parent the user named with --out). Every part of `dir` below `base` must be a real folder: see safeFolder.ts.
 */
export interface ModelPlace {
  base: string;
  dir: string;
}

/** Longer encoded names are cut and suffixed with a hash of the whole name (file systems cap a name at 255 bytes). */
const MAX_SEGMENT = 100;

/**
 * Characters kept as they are: everything a file system accepts in a name on Windows, macOS and Linux alike.
 * `%` is encoded too, so the encoding is reversible, and `~` marks a hashed (cut) name.
 */
const UNSAFE = /[\\/:*?"<>|%~\p{Cc}]/u;

function encodeChar(ch: string): string {
  return Array.from(
    new TextEncoder().encode(ch),
    (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
  ).join('');
}

/**
 * One name (a path part or a column) as one folder name, reversibly: unsafe characters, a leading dot (hidden
 * folders, and our own `.name.tmp-*` siblings) and trailing dots or spaces (Windows drops them) are percent-encoded,
 * so `a:b` and `a_b` never share a folder. Names over 100 characters are cut and end in `~` plus a hash.
 */
export function encodeSegment(name: string): string {
  const chars = Array.from(name);
  let out = chars.map((ch, i) => (UNSAFE.test(ch) || (i === 0 && ch === '.') ? encodeChar(ch) : ch)).join('');
  const trail = /[. ]+$/.exec(out);
  if (trail) out = out.slice(0, trail.index) + Array.from(trail[0], encodeChar).join('');
  if (out === '') return '%00';
  if (out.length <= MAX_SEGMENT) return out;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 16);
  // Cut before a partial %XX escape so the visible prefix still decodes.
  const cut = out.slice(0, MAX_SEGMENT - 17).replace(/%[0-9A-F]?$/, '');
  return `${cut}~${hash}`;
}

/** The name an uncut folder name stands for; undefined for a cut (hashed) name or one we did not write. */
export function decodeSegment(folder: string): string | undefined {
  if (folder === '%00') return '';
  if (folder.includes('~')) return undefined;
  try {
    const name = decodeURIComponent(folder);
    return encodeSegment(name) === folder ? name : undefined;
  } catch {
    return undefined;
  }
}

/** Folders a save leaves beside a model (`.<name>.tmp-*`, `.<name>.old-*`) start with a dot; models never do. */
export function isModelFolderName(name: string): boolean {
  return !name.startsWith('.');
}

/** The store for a data file and column. `base` is the workspace folder (CLI: the current directory). */
export function modelPlace(
  base: string,
  dataFile: string,
  column: string,
  storeName = '.seqlab',
): ModelPlace {
  const abs = resolve(base, dataFile);
  let rel = relative(base, abs);
  if (rel.startsWith('..') || isAbsolute(rel)) rel = join('_external', abs.replace(/^[A-Za-z]:/, ''));
  const parts = rel
    .split(/[\\/]+/)
    .filter(Boolean)
    .map(encodeSegment);
  const store = storeName.split(/[\\/]+/).filter((s) => s && s !== '.');
  return { base, dir: join(base, ...store, ...parts, encodeSegment(column)) };
}

/** A folder the user named (`--out`, `--model`): trusted as far as its parent, so it may not itself be a link. */
export function placeOfFolder(dir: string): ModelPlace {
  const abs = resolve(dir);
  return { base: dirname(abs), dir: abs };
}

/** The model folder for a data file and column (see modelPlace). */
export function modelDirFor(base: string, dataFile: string, column: string, storeName = '.seqlab'): string {
  return modelPlace(base, dataFile, column, storeName).dir;
}

/** The model folder's column part: one series of a long file gets its own, beside the global model. */
export function modelName(column: string, series?: string): string {
  return series === undefined ? column : `${column}@${series}`;
}
