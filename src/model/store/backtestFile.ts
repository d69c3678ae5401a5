/**
 * backtest.json beside a model: the last backtest of its file and column, which Predict and the Models tree report.
 * Written through the same checked folders as a model, to a temp file renamed into place.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import type { BacktestReport } from '../types';
import { BacktestReportSchema } from '../../shared/schema/backtest';
import type { ModelPlace } from './paths';
import { writeSynced } from './replace';
import { reachModelFolder } from './safeFolder';
import { StoreError } from './errors';

export const BACKTEST_FILE = 'backtest.json';

/** Larger than any report SeqLab writes (100 folds × 10,000 steps would be far less): not read, not ours. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

const missing = (e: unknown) =>
  e instanceof StoreError && (e.what === 'missing' || e.what === 'the folder does not exist');

/**
 * Where a backtest may write, checked before any work (train --out's rule, store/safeFolder.ts): `place.dir` absent,
 * empty, a model's folder (meta.json) or one that holds only SeqLab's own backtest.json; and backtest.json, when it is
 * there, a plain file that reads as a report. So `--out .` (beside the data file) or `--out .git` writes nothing, and a
 * user's own backtest.json is never replaced. Returns whether the folder exists.
 */
export async function checkBacktestPlace(place: ModelPlace): Promise<boolean> {
  const reached = await reachModelFolder(place, false).catch((e: unknown) => {
    if (missing(e)) return undefined;
    throw e;
  });
  if (!reached?.exists) return false;
  const { dir } = reached;
  const file = join(dir, BACKTEST_FILE);
  const names = await fs.readdir(dir);
  const meta = await fs.lstat(join(dir, 'meta.json')).catch(() => undefined);
  if (!meta?.isFile() && names.some((n) => n !== BACKTEST_FILE))
    throw new StoreError(
      dir,
      'is not empty and holds no SeqLab model (no meta.json) or backtest; refusing to write backtest.json into it',
    );
  const st = await fs.lstat(file).catch(() => undefined);
  if (!st) return true;
  if (!st.isFile()) throw new StoreError(file, 'is not a file; refusing to replace it');
  if (st.size > MAX_REPORT_BYTES || (await readReport(file)) === undefined)
    throw new StoreError(
      file,
      'was not written by SeqLab (it does not read as a backtest report); refusing to replace it',
    );
  return true;
}

/** Writes the report to `place.dir`/backtest.json, making the folder when `create`; returns the file's path. */
export async function saveBacktest(
  place: ModelPlace,
  report: BacktestReport,
  create = true,
): Promise<string> {
  await checkBacktestPlace(place);
  const { dir, exists } = await reachModelFolder(place, create);
  if (!exists) await fs.mkdir(dir);
  const file = join(dir, BACKTEST_FILE);
  const tmp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  // JSON has no NaN: a metric a model could not score is written as null and read back as NaN.
  await writeSynced(
    tmp,
    JSON.stringify(report, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? null : x)),
  );
  try {
    await fs.rename(tmp, file);
  } catch (e) {
    // Something took backtest.json's place since the check: leave no temp file behind.
    await fs.rm(tmp, { force: true });
    throw new StoreError(
      file,
      `cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  return file;
}

const nullToNaN = (x: unknown): unknown =>
  x === null
    ? NaN
    : Array.isArray(x)
      ? x.map(nullToNaN)
      : typeof x === 'object' && x !== null
        ? Object.fromEntries(Object.entries(x).map(([k, y]) => [k, k === 'coverage' ? y : nullToNaN(y)]))
        : x;

/** A backtest.json's report, or undefined when it does not read as one. */
async function readReport(file: string): Promise<BacktestReport | undefined> {
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const r = v.safeParse(BacktestReportSchema, nullToNaN(JSON.parse(text)));
    return r.success ? r.output : undefined;
  } catch {
    return undefined;
  }
}

/** The last backtest saved in `place.dir`, or undefined when there is none or it does not read as one. */
export async function loadBacktest(place: ModelPlace): Promise<BacktestReport | undefined> {
  const { dir, exists } = await reachModelFolder(place, false).catch(() => ({ dir: '', exists: false }));
  if (!exists) return undefined;
  return readReport(join(dir, BACKTEST_FILE));
}
