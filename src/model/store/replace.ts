/**
 * Replacing a model folder so that a crash at any point leaves a loadable model: the new folder is written and
 * synced beside the old one, the old one is renamed aside to `.<name>.old-<pid>-<tag>`, the new one renamed into
 * place, and only then is the old one removed. A crash between the two renames leaves no model folder but a
 * complete `.old` one, which the next load or save puts back (recoverModelFolder).
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The file-system steps of a replace, as a seam: tests inject a crash between them. */
export interface ReplaceSteps {
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
}

export const realSteps: ReplaceSteps = {
  rename: (from, to) => fs.rename(from, to),
  remove: (path) => fs.rm(path, { recursive: true, force: true }),
};

const LEFTOVER = /^\.(.+)\.(tmp|old)-(\d+)-[0-9a-z]+$/;

export function siblingName(dir: string, kind: 'tmp' | 'old', tag: string): string {
  return join(dirname(dir), `.${basename(dir)}.${kind}-${tag}`);
}

/** This process's saves under way: its own leftovers are stale unless listed here (a thread may save while another loads). */
const inFlight = new Set<string>();

export function markInFlight(path: string, on: boolean): void {
  if (on) inFlight.add(path);
  else inFlight.delete(path);
}

function alive(pid: number, path: string): boolean {
  if (pid === process.pid) return inFlight.has(path);
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes bytes and flushes them to the disk before returning, so a rename after it never exposes a short file. */
export async function writeSynced(file: string, data: string | Uint8Array): Promise<void> {
  const h = await fs.open(file, 'wx');
  try {
    await h.writeFile(data);
    await h.sync();
  } finally {
    await h.close();
  }
}

/** Flushes a folder's entries (the renames in it). Some platforms cannot open a folder for that; they skip it. */
export async function syncFolder(dir: string): Promise<void> {
  const h = await fs.open(dir, 'r').catch(() => undefined);
  if (!h) return;
  try {
    await h.sync().catch(() => undefined);
  } finally {
    await h.close();
  }
}

/** Moves `tmp` into `dir`'s place; `old` is where the model being replaced waits until the new one is in. */
export async function replaceFolder(
  tmp: string,
  dir: string,
  old: string,
  existed: boolean,
  steps: ReplaceSteps = realSteps,
): Promise<void> {
  if (existed) await steps.rename(dir, old);
  try {
    await steps.rename(tmp, dir);
  } catch (e) {
    if (existed) await steps.rename(old, dir);
    throw e;
  }
  await syncFolder(dirname(dir));
  if (existed) await steps.remove(old);
}

interface Leftover {
  path: string;
  kind: 'tmp' | 'old';
  pid: number;
  mtimeMs: number;
}

async function leftoversOf(dir: string): Promise<Leftover[]> {
  const parent = dirname(dir);
  const base = basename(dir);
  const out: Leftover[] = [];
  for (const name of await fs.readdir(parent).catch(() => [] as string[])) {
    const m = LEFTOVER.exec(name);
    if (!m || m[1] !== base) continue;
    const st = await fs.lstat(join(parent, name)).catch(() => undefined);
    if (st?.isDirectory())
      out.push({
        path: join(parent, name),
        kind: m[2] as 'tmp' | 'old',
        pid: Number(m[3]),
        mtimeMs: st.mtimeMs,
      });
  }
  return out;
}

/**
 * Puts back the model a crashed save had moved aside: when `dir` is missing and a `.old` folder of a process that is
 * gone holds a meta.json, the newest such folder is renamed back. Returns whether it restored one.
 */
export async function recoverModelFolder(dir: string): Promise<boolean> {
  if (
    await fs.lstat(dir).then(
      () => true,
      () => false,
    )
  )
    return false;
  const olds = (await leftoversOf(dir))
    .filter((l) => l.kind === 'old' && !alive(l.pid, l.path))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const old of olds) {
    const meta = await fs.lstat(join(old.path, 'meta.json')).catch(() => undefined);
    if (!meta?.isFile()) continue;
    await fs.rename(old.path, dir);
    await syncFolder(dirname(dir));
    return true;
  }
  return false;
}

/** Removes what saves of processes that are gone left beside `dir`, once `dir` itself holds a model again. */
export async function sweepLeftovers(dir: string): Promise<void> {
  const present = await fs.lstat(dir).then(
    () => true,
    () => false,
  );
  for (const l of await leftoversOf(dir)) {
    if (alive(l.pid, l.path) || (l.kind === 'old' && !present)) continue;
    await fs.rm(l.path, { recursive: true, force: true });
  }
}
