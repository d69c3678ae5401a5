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

export const BACKTEST_FILE = 'backtest.json';

/** Writes the report to `place.dir`/backtest.json, making the folder when `create`; returns the file's path. */
export async function saveBacktest(
  place: ModelPlace,
  report: BacktestReport,
  create = true,
): Promise<string> {
  const { dir, exists } = await reachModelFolder(place, create);
  if (!exists) await fs.mkdir(dir);
  const file = join(dir, BACKTEST_FILE);
  const tmp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  // JSON has no NaN: a metric a model could not score is written as null and read back as NaN.
  await writeSynced(
    tmp,
    JSON.stringify(report, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? null : x)),
  );
  await fs.rename(tmp, file);
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

/** The last backtest saved in `place.dir`, or undefined when there is none or it does not read as one. */
export async function loadBacktest(place: ModelPlace): Promise<BacktestReport | undefined> {
  const { dir, exists } = await reachModelFolder(place, false).catch(() => ({ dir: '', exists: false }));
  if (!exists) return undefined;
  const text = await fs.readFile(join(dir, BACKTEST_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const r = v.safeParse(BacktestReportSchema, nullToNaN(JSON.parse(text)));
    return r.success ? r.output : undefined;
  } catch {
    return undefined;
  }
}
