/**
 * backtest.json beside a saved model: the summary of its last backtest (schema in src/shared/schema/backtestSummary.ts).
 * It is tied to the save it measured through meta.json's `generation`, so a backtest that ends after a retrain
 * replaced the model is not attached to the new one.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { BacktestReport } from '../../shared/types';
import type { BacktestSummary } from '../../shared/schema/backtestSummary';
import { StoreError } from './errors';
import type { ModelPlace } from './paths';
import { writeSynced } from './replace';
import { reachModelFolder } from './safeFolder';

export const BACKTEST_FILE = 'backtest.json';
const MAX_META_BYTES = 4 << 20;

const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The part of a report a model keeps. */
export function summarizeBacktest(
  report: BacktestReport,
  generation: string | undefined,
  created = new Date(),
): BacktestSummary {
  const m = report.models;
  return {
    format: 1,
    generation,
    created: created.toISOString(),
    folds: report.folds,
    horizon: report.horizon,
    season: report.season,
    level: report.level,
    cell: report.cell,
    best: report.best,
    mase: {
      rnn: orNull(m.rnn.mase),
      naive: orNull(m.naive.mase),
      seasonalNaive: orNull(m.seasonalNaive.mase),
      theta: orNull(m.theta.mase),
      arima: orNull(m.arima.mase),
    },
    coverage: m.rnn.coverage === null ? null : orNull(m.rnn.coverage),
  };
}

/** meta.json's `generation` of the model saved at `place` (undefined for a model saved before generations). */
export async function modelGeneration(place: ModelPlace): Promise<string | undefined> {
  const { dir, exists } = await reachModelFolder(place, false);
  if (!exists) throw new StoreError(dir, 'holds no saved model');
  const file = join(dir, 'meta.json');
  const st = await fs.lstat(file).catch(() => undefined);
  if (!st?.isFile()) throw new StoreError(file, 'missing');
  if (st.size > MAX_META_BYTES) throw new StoreError(file, `${st.size} bytes is over the limit`);
  let meta: unknown;
  try {
    meta = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (e) {
    throw new StoreError(file, `not valid JSON (${(e as Error).message})`);
  }
  const g = (meta as { generation?: unknown } | null)?.generation;
  return typeof g === 'string' ? g : undefined;
}

/**
 * Writes backtest.json into the model folder (a temp file renamed over it, so a reader never sees half of one),
 * only while the folder still holds the save the summary measured.
 */
export async function saveBacktestSummary(place: ModelPlace, summary: BacktestSummary): Promise<void> {
  const now = await modelGeneration(place);
  const { dir } = await reachModelFolder(place, false);
  if (now !== summary.generation)
    throw new StoreError(
      dir,
      'the model was replaced while its backtest ran; the backtest is not kept with it',
    );
  const tmp = join(dir, `.${BACKTEST_FILE}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    await writeSynced(tmp, JSON.stringify(summary, null, 2) + '\n');
    await fs.rename(tmp, join(dir, BACKTEST_FILE));
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw new StoreError(
      dir,
      `cannot save ${BACKTEST_FILE} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
}
