/** `seqlab explain FILE`: what the model trained on FILE's column learned — saliency, unit meanings, matches. */
// './train' before './predict': train.ts and trainPanel.ts import each other, and entering the cycle at trainPanel
// (as predict.ts does) would build train's FLAGS before PANEL_FLAGS exists.
import { asCliError } from './train';
import { DataError, readPanel, showText } from '../model/data';
import { placeOfFolder, readModelPanel } from '../model';
import { explain, type ExplainReport } from '../model/explain/explain';
import { chooseSeries } from '../model/explain/modelSeries';
import type { Saliency } from '../model/explain/saliency';
import { modelFor } from './predict';
import { PANEL_FLAGS, panelOptions } from './trainPanel';
import { MATCH_METHODS, MatchError, type MatchMethod } from '../model/explain/match';
import { BACKENDS, CONFIG_LIMITS } from '../shared/schema/config';
import { UsageError } from './args';
import { parseFileCommand } from './fileCommand';
import { loadTrained } from './loadTrained';
import { EXIT_OK, formatTable, printJson, tableNumber } from './output';

const FLAGS = {
  column: { type: 'string', help: 'column the model was trained on (default: the only numeric one)' },
  model: { type: 'string', help: 'model folder (default .seqlab/FILE/COLUMN/)' },
  'window-at': {
    type: 'int',
    min: 0,
    help: 'saliency of the window starting at this row (default: validation mean)',
  },
  match: { type: 'string', help: 'START:END rows (0-based, end exclusive) to match across the series' },
  method: {
    type: 'string',
    choices: MATCH_METHODS,
    help: 'match by state cosine (default) or units over threshold',
  },
  threshold: {
    type: 'number',
    min: -1,
    max: 1,
    help: 'a unit is on at h ≥ X for --method overlap (default 0.3)',
  },
  units: { type: 'string', help: 'units to match on, e.g. 0,3,5 (default: all)' },
  top: { type: 'int', min: 1, max: 1000, help: 'matches listed at most (default 10)' },
  backend: { type: 'string', choices: BACKENDS, help: 'TensorFlow.js backend (default auto)' },
  json: { type: 'boolean', help: 'print one JSON object on stdout' },
  series: { type: 'string', help: 'in a file of many series: explain this one (default: the first)' },
  'series-column': PANEL_FLAGS['series-column'],
  columns: PANEL_FLAGS.columns,
} as const;

export function parseRange(text: string): { start: number; end: number } {
  const m = /^(\d+):(\d+)$/.exec(text.trim());
  if (!m) throw new UsageError(`--match must be START:END, two row numbers (got ${JSON.stringify(text)})`);
  const start = Number(m[1]);
  const end = Number(m[2]);
  if (end <= start) throw new UsageError(`--match END must be greater than START (got ${text})`);
  return { start, end };
}

/** Each unit once, in order; more distinct units than any model has (config's units.max) is a usage error. */
export function parseUnits(text: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.some((p) => !/^\d+$/.test(p)))
    throw new UsageError(`--units must be unit numbers separated by commas (got ${JSON.stringify(text)})`);
  const units = [...new Set(parts.map(Number))].sort((a, b) => a - b);
  const max = CONFIG_LIMITS.units.max;
  if (units.length > max || units[units.length - 1] >= max)
    throw new UsageError(
      `--units must be unit numbers from 0 to ${max - 1} (a model has at most ${max} units)`,
    );
  return units;
}

/** --units against the model's own units: a unit it lacks is a usage error naming the range. */
export function checkUnits(units: number[], modelUnits: number): void {
  const outside = units.find((k) => k >= modelUnits);
  if (outside !== undefined)
    throw new UsageError(
      `--units ${outside} is outside 0-${modelUnits - 1}: the model has ${modelUnits} units`,
    );
}

/**
 * "the forecast leans mostly on the value 12 steps back" (or "on x 3 steps back" for a covariate): lag ℓ is ℓ steps
 * before the forecast value.
 */
export function saliencySentence(peakLag: number, feature?: string): string {
  if (feature !== undefined)
    return peakLag === 1
      ? `the forecast leans mostly on the latest value of ${showText(feature)}`
      : `the forecast leans mostly on ${showText(feature)} ${peakLag} steps back`;
  return peakLag === 1
    ? 'the forecast leans mostly on the latest value'
    : `the forecast leans mostly on the value ${peakLag} steps back`;
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseFileCommand('explain', argv, FLAGS);
  if (!parsed) return EXIT_OK;
  const { file, flags } = parsed;
  const range = flags.match !== undefined ? parseRange(flags.match) : undefined;
  const units = flags.units !== undefined ? parseUnits(flags.units) : undefined;
  // --units chooses what a match compares; alone it would change nothing, so it is refused rather than ignored.
  if (units && !range) throw new UsageError('--units applies only with --match START:END');
  // A model folder named on the command line says how to read the file; otherwise the file says which model.
  const panel = flags.model ? undefined : await readPanel({ path: file }, panelOptions(flags));
  const column = panel?.column ?? flags.column ?? '';
  const place = flags.model ? placeOfFolder(flags.model) : await modelFor(file, column, flags.series);
  const dir = place.dir;
  try {
    const model = await loadTrained(file, place, column, flags.backend);
    try {
      // Read as the model was trained (key, wide columns, features), whatever the flags made of the file above.
      const all = await readModelPanel({ path: file }, model.meta, {
        ...(flags['series-column'] !== undefined && { seriesColumn: flags['series-column'] }),
      });
      if (units) checkUnits(units, model.meta.config.units);
      const chosen = chooseSeries(all, model.meta, flags.series);
      const { series } = chosen;
      const report = explain(model, series, {
        windowAt: flags['window-at'],
        ...(range && {
          match: {
            ...range,
            method: flags.method as MatchMethod | undefined,
            threshold: flags.threshold,
            units,
            top: flags.top,
          },
        }),
      });
      const named = series.label !== undefined ? { series: chosen.name } : {};
      if (flags.json) printJson({ column: model.meta.column, ...named, modelDir: dir, ...jsonOf(report) });
      else process.stdout.write(`${textOf(series.label ?? model.meta.column, report)}\n`);
      return EXIT_OK;
    } finally {
      model.dispose();
    }
  } catch (err) {
    if (err instanceof MatchError) throw new DataError(file, err.message, { column });
    throw asCliError(err, file);
  }
}

/** The JSON contract: saliency by lag, units with their label and retention, matches best first. */
export function jsonOf(r: ExplainReport): Record<string, unknown> {
  const s = r.saliency;
  return {
    season: r.season,
    rows: r.rows,
    saliencyMode: s.mode,
    saliencyTarget: s.target,
    peakLag: s.peakLag,
    saliency: byLag(s),
    leansOn: { feature: s.leans.feature ?? null, lag: s.leans.lag },
    ...(s.covariates && {
      covariates: s.covariates.map((c) => ({ feature: c.feature, peakLag: c.peakLag, saliency: byLag(c) })),
    }),
    units: r.units.map((u) => ({
      layer: u.layer,
      unit: u.unit,
      signal: u.signal,
      r: u.r,
      ...(u.phase !== undefined ? { phase: u.phase } : {}),
      retention: u.retention,
      timeConstant: u.timeConstant,
      gateLeft: u.gateLeft,
      gateRight: u.gateRight,
      saturated: u.saturated,
      ...(u.cell ? { cell: u.cell } : {}),
    })),
    matches: r.matches,
    trajectory: { explained: r.trajectory.explained },
  };
}

function byLag(
  s: Pick<Saliency, 'value' | 'occlusion'>,
): { lag: number; value: number; occlusion: number }[] {
  return s.value.map((value, i) => ({ lag: i + 1, value, occlusion: s.occlusion[i] }));
}

function textOf(column: string, r: ExplainReport): string {
  const s = r.saliency;
  const what =
    s.mode === 'window'
      ? `the window ending at row ${s.target - 1}`
      : `mean |gradient| over ${s.windows} validation windows`;
  const lines = [
    `${showText(column)}: ${saliencySentence(s.leans.lag, s.leans.feature)} (${what})`,
    '',
    formatTable(
      ['lag', 'gradient', 'occlusion', ...(s.covariates ?? []).flatMap((c) => [c.feature, 'occlusion'])],
      s.value.map((v, i) => [
        String(i + 1),
        tableNumber(v),
        tableNumber(s.occlusion[i]),
        ...(s.covariates ?? []).flatMap((c) => [tableNumber(c.value[i]), tableNumber(c.occlusion[i])]),
      ]),
    ),
    '',
    formatTable(
      ['layer', 'unit', 'meaning', 'r', 'retention', 'remembers', 'gates <0.1', 'gates >0.9', '|h|>0.95'],
      r.units.map((u) => [
        String(u.layer),
        String(u.unit),
        u.signal + (u.phase !== undefined ? ` @${u.phase}` : ''),
        tableNumber(u.r),
        tableNumber(u.retention),
        `~${tableNumber(Math.round(u.timeConstant))} steps`,
        tableNumber(u.gateLeft),
        tableNumber(u.gateRight),
        tableNumber(u.saturated),
      ]),
    ),
  ];
  if (r.matches.length)
    lines.push(
      '',
      formatTable(
        ['start', 'end', 'score'],
        r.matches.map((m) => [String(m.start), String(m.end), tableNumber(m.score)]),
      ),
    );
  return lines.join('\n');
}
