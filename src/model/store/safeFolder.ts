/**
 * The only way the store reaches a folder it will write: every part below the trusted base is checked with lstat and
 * created one level at a time, so a symbolic link planted in a repository (`.seqlab/data.csv -> ~`) can never turn a
 * save's rename or delete into one outside the store.
 */
import { promises as fs } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { StoreError } from './errors';
import type { ModelPlace } from './paths';

const code = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code;

/** `dir`'s parts below `base`, refusing a `dir` that is not strictly below it. */
function partsBelow(place: ModelPlace): string[] {
  const rel = relative(resolve(place.base), resolve(place.dir));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
    throw new StoreError(place.dir, `the model folder is not inside ${place.base}`);
  return rel.split(sep);
}

const linkError = (path: string) =>
  new StoreError(path, 'is a symbolic link; SeqLab reads and writes models only through real folders');

/**
 * Checks (and, with `create`, makes) every folder from `base` down to the parent of `dir`, then `dir` itself, which
 * may be absent. Returns the parent folder as a real path, for the temp and backup folders beside `dir`.
 */
export async function reachModelFolder(
  place: ModelPlace,
  create: boolean,
): Promise<{ parent: string; dir: string; exists: boolean }> {
  const parts = partsBelow(place);
  // The base is trusted (a workspace folder, the extension's storage, a parent the user named): it may be made whole.
  if (create) await fs.mkdir(place.base, { recursive: true }).catch(() => undefined);
  let at = await fs.realpath(place.base).catch(() => {
    throw new StoreError(place.base, 'the folder does not exist');
  });
  for (const [i, part] of parts.entries()) {
    const next = join(at, part);
    const last = i === parts.length - 1;
    let st;
    try {
      st = await fs.lstat(next);
    } catch (e) {
      if (code(e) !== 'ENOENT')
        throw new StoreError(next, `cannot be read (${code(e) ?? (e as Error).message})`);
      if (last) return { parent: at, dir: next, exists: false };
      if (!create) throw new StoreError(next, 'missing');
      // Not recursive: a folder created here by someone else in the meantime is lstat-ed again on the next pass.
      await fs.mkdir(next).catch((err: unknown) => {
        if (code(err) !== 'EEXIST')
          throw new StoreError(next, `cannot be created (${code(err) ?? (err as Error).message})`);
      });
      st = await fs.lstat(next);
    }
    if (st.isSymbolicLink()) throw linkError(next);
    if (!st.isDirectory())
      throw new StoreError(next, last ? 'is a file, not a model folder' : 'is a file, not a folder');
    if (last) return { parent: at, dir: next, exists: true };
    at = next;
  }
  throw new StoreError(place.dir, 'the model folder is not inside its base');
}

/**
 * A folder a save may replace: one that holds a SeqLab model (its meta.json) or nothing. Anything else (a data file,
 * a project folder named by `--out`) is refused, so a save never deletes what it did not write.
 */
export async function assertReplaceable(dir: string): Promise<void> {
  const names = await fs.readdir(dir);
  if (names.length === 0) return;
  const meta = await fs.lstat(join(dir, 'meta.json')).catch(() => undefined);
  if (!meta?.isFile())
    throw new StoreError(
      dir,
      'is not empty and holds no SeqLab model (no meta.json); refusing to replace it',
    );
}
