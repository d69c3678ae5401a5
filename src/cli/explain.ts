/** `seqlab explain FILE`: what the model trained on FILE's column learned — saliency, unit meanings, matches. */
import { DataError, readSeries, showText } from '../model/data';
import { modelPlace, placeOfFolder } from '../model';
import { explain, type ExplainReport } from '../model/explain/explain';
import { MATCH_METHODS, MatchError, type MatchMethod } from '../model/explain/match';
import { BACKENDS } from '../shared/schema/config';
import { UsageError } from './args';
import { parseFileCommand } from './fileCommand';
import { loadTrained } from './loadTrained';
import { EXIT_OK, formatTable, printJson, tableNumber } from './output';
import { asCliError } from './train';

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
} as const;

export function parseRange(text: string): { start: number; end: number } {
  const m = /^(\d+):(\d+)$/.exec(text.trim());
  if (!m) throw new UsageError(`--match must be START:END, two row numbers (got ${JSON.stringify(text)})`);
  const start = Number(m[1]);
  const end = Number(m[2]);
  if (end <= start) throw new UsageError(`--match END must be greater than START (got ${text})`);
  return { start, end };
}

export function parseUnits(text: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.some((p) => !/^\d+$/.test(p)))
    throw new UsageError(`--units must be unit numbers separated by commas (got ${JSON.stringify(text)})`);
  return parts.map(Number);
}

/** "the forecast leans mostly on the value 12 steps back": lag ℓ is ℓ steps before the forecast value. */
export function saliencySentence(peakLag: number): string {
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
  const series = await readSeries({ path: file }, flags.column ? { column: flags.column } : {});
  const place = flags.model ? placeOfFolder(flags.model) : modelPlace(process.cwd(), file, series.name);
  const dir = place.dir;
  try {
    const model = await loadTrained(file, place, series.name, flags.backend);
    try {
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
      if (flags.json) printJson({ column: series.name, modelDir: dir, ...jsonOf(report) });
      else process.stdout.write(`${textOf(series.name, report)}\n`);
      return EXIT_OK;
    } finally {
      model.dispose();
    }
  } catch (err) {
    if (err instanceof MatchError) throw new DataError(file, err.message, { column: series.name });
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
    saliency: s.value.map((value, i) => ({ lag: i + 1, value, occlusion: s.occlusion[i] })),
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

function textOf(column: string, r: ExplainReport): string {
  const s = r.saliency;
  const what =
    s.mode === 'window'
      ? `the window ending at row ${s.target - 1}`
      : `mean |gradient| over ${s.windows} validation windows`;
  const lines = [
    `${showText(column)}: ${saliencySentence(s.peakLag)} (${what})`,
    '',
    formatTable(
      ['lag', 'gradient', 'occlusion'],
      s.value.map((v, i) => [String(i + 1), tableNumber(v), tableNumber(s.occlusion[i])]),
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
