/**
 * After a window reload the host's in-memory history is gone; a restored panel is rebuilt from the model folder
 * (meta.json, checked as untrusted, and history.csv), so it still shows the loss curve, metrics and summary.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { resolveConfig } from '../../model/config';
import { checkMeta } from '../../model/store/meta';
import { seriesScores } from '../../model/store/seriesScores';
import type { ModelPlace } from '../../model/store/paths';
import type { EpochReport } from '../../model/types';
import { TrainingRun, type RunKey } from './trainingRun';

const MAX_META_BYTES = 4 << 20;
const MAX_HISTORY_BYTES = 4 << 20;

export async function restoreRun(key: RunKey, label: string, place: ModelPlace): Promise<TrainingRun> {
  const modelDir = place.dir;
  const run = new TrainingRun(`restored-${Date.now().toString(36)}`, key, label, resolveConfig({}), place);
  run.state = 'stopped';
  try {
    const metaFile = path.join(modelDir, 'meta.json');
    const meta = checkMeta(metaFile, JSON.parse(await readCapped(metaFile, MAX_META_BYTES)));
    run.config = meta.config;
    const perSeries = seriesScores(meta);
    run.summary = {
      type: 'summary',
      saved: true,
      modelDir,
      seconds: meta.trainSeconds,
      metrics: meta.metrics.val,
      baselines: meta.baselines,
      ...(perSeries && { perSeries }),
    };
    run.state = 'done';
    // A global model's series, for the panel's series selector (their views come from the saved model).
    if (meta.series && meta.series.length > 1) run.seriesNames = meta.series.map((s) => s.name);
    const history = await readCapped(path.join(modelDir, 'history.csv'), MAX_HISTORY_BYTES).catch(() => '');
    run.epochs.push(...parseHistory(history, meta.config.epochs));
  } catch {
    // No model (or an unreadable one): the panel opens empty, and Retrain still works.
  }
  return run;
}

/** history.csv: `epoch,loss,val_loss,seconds,best`, one row per epoch; malformed rows are skipped. */
export function parseHistory(text: string, epochs: number): EpochReport[] {
  const out: EpochReport[] = [];
  for (const line of text.split(/\r?\n/).slice(1)) {
    const [epoch, loss, valLoss, seconds, best] = line.split(',').map(Number);
    if (![epoch, loss, valLoss, seconds].every(Number.isFinite)) continue;
    out.push({ epoch, epochs, loss, valLoss, seconds, best: best === 1 });
  }
  return out;
}

async function readCapped(file: string, cap: number): Promise<string> {
  const stat = await fs.stat(file);
  if (stat.size > cap) throw new Error(`${file} is larger than ${cap} bytes`);
  return fs.readFile(file, 'utf8');
}
