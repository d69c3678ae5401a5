/**
 * Where a model lives: `<base>/<store>/<data path relative to base>/<column>/`, each part one encoded folder name.
 * The extension, the worker and the CLI all take model folders from here, so the layout cannot drift between them.
 */
import { createHash } from 'node:crypto';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

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
/** In a column or series name `@` is encoded as well: a bare `@` in a model folder's name only separates the two. */
const UNSAFE_IN_MODEL = /[\\/:*?"<>|%~@\p{Cc}]/u;

/** The empty name's folder: `%` followed by no hex pair, which no other name encodes to (`\u0000` is `%00`). */
const EMPTY = '%empty';

function encodeChar(ch: string): string {
  return Array.from(
    new TextEncoder().encode(ch),
    (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
  ).join('');
}

/** Unsafe characters, a leading dot and trailing dots or spaces percent-encoded; the empty name as EMPTY. */
function encodeName(name: string, unsafe: RegExp): string {
  if (name === '') return EMPTY;
  const chars = Array.from(name);
  let out = chars.map((ch, i) => (unsafe.test(ch) || (i === 0 && ch === '.') ? encodeChar(ch) : ch)).join('');
  const trail = /[. ]+$/.exec(out);
  if (trail) out = out.slice(0, trail.index) + Array.from(trail[0], encodeChar).join('');
  return out;
}

/** A name over MAX_SEGMENT characters, cut before a partial %XX escape (the prefix still decodes) and ended by `mark`. */
function cut(out: string, mark: string): string {
  if (out.length <= MAX_SEGMENT) return out;
  return `${out.slice(0, MAX_SEGMENT - mark.length).replace(/%[0-9A-F]?$/, '')}${mark}`;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * One name (a path part or a column) as one folder name, reversibly: unsafe characters, a leading dot (hidden
 * folders, and our own `.name.tmp-*` siblings) and trailing dots or spaces (Windows drops them) are percent-encoded,
 * so `a:b` and `a_b` never share a folder. Names over 100 characters are cut and end in `~` plus a hash.
 */
export function encodeSegment(name: string): string {
  return cut(encodeName(name, UNSAFE), `~${hash(name)}`);
}

/**
 * The model folder's own name: the column, or `COLUMN@SERIES` for one series trained alone. Both names are encoded
 * with `@` too (`close%40B` is a column named `close@B`, `close@B` is series B of `close`), so no two (column,
 * series) pairs share a folder. A cut pair ends in `~@` plus a hash of both, never in a cut column's `~` plus hex.
 */
export function modelSegment(column: string, series?: string): string {
  if (series === undefined) {
    const out = encodeName(column, UNSAFE_IN_MODEL);
    return cut(out, `~${hash(column)}`);
  }
  const out = `${encodeName(column, UNSAFE_IN_MODEL)}@${encodeName(series, UNSAFE_IN_MODEL)}`;
  return cut(out, `~@${hash(JSON.stringify([column, series]))}`);
}

/** The name an uncut folder name stands for; undefined for a cut (hashed) name or one we did not write. */
export function decodeSegment(folder: string): string | undefined {
  if (folder === EMPTY) return '';
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

/** Which model of a data file: its column's, or (`series`) the one of a single series trained alone. */
export interface ModelTarget {
  column: string;
  series?: string;
}

/** The store for a data file and column. `base` is the workspace folder (CLI: the current directory). */
export function modelPlace(
  base: string,
  dataFile: string,
  target: string | ModelTarget,
  storeName = '.seqlab',
): ModelPlace {
  const store = storeName.split(/[\\/]+/).filter((s) => s && s !== '.');
  const { column, series } = typeof target === 'string' ? { column: target, series: undefined } : target;
  return { base, dir: join(base, ...store, ...dataParts(base, dataFile), modelSegment(column, series)) };
}

/** The folder that holds the models of files outside the base (`_external/<drive>/<absolute path>`). */
const EXTERNAL = '_external';

/**
 * The data file's folder parts, one per path part, so that no two files share them: a file outside the base goes
 * below `_external` (its drive letter a part of its own, so `C:\a.csv` and `D:\a.csv` differ), and a file inside it
 * whose first folder is named `_external` gets `%5Fexternal`. Only the platform's separators split a path: on Linux
 * and macOS `a\b.csv` is one name (`a%5Cb.csv`), not `a/b.csv`.
 */
function dataParts(base: string, dataFile: string): string[] {
  const abs = resolve(base, dataFile);
  const rel = relative(base, abs);
  const split = (p: string) => p.split(sep === '\\' ? /[\\/]+/ : /\/+/).filter(Boolean);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    const drive = /^([A-Za-z]):/.exec(abs);
    return [
      EXTERNAL,
      ...(drive ? [encodeSegment(`${drive[1].toUpperCase()}:`)] : []),
      ...split(abs.slice(drive ? 2 : 0)).map(encodeSegment),
    ];
  }
  const parts = split(rel).map(encodeSegment);
  if (parts[0] === EXTERNAL) parts[0] = `%5F${EXTERNAL.slice(1)}`;
  return parts;
}

/** A folder the user named (`--out`, `--model`): trusted as far as its parent, so it may not itself be a link. */
export function placeOfFolder(dir: string): ModelPlace {
  const abs = resolve(dir);
  return { base: dirname(abs), dir: abs };
}

/** The model folder for a data file and column (see modelPlace). */
export function modelDirFor(
  base: string,
  dataFile: string,
  target: string | ModelTarget,
  storeName = '.seqlab',
): string {
  return modelPlace(base, dataFile, target, storeName).dir;
}
