/**
 * What the network learned, as it crosses host ↔ worker (and on to the Hidden States view): the explain request
 * and its report (src/model/explain). The signal and match-method names live here so the core, the worker, the view
 * and the CLI share one list.
 */
import * as v from 'valibot';
import { CONFIG_LIMITS } from './config';
import { WireSourceSchema } from './data';
import { anyInteger, anyNumber, count, finite, int, numbers } from './fields';
import { stringsOf } from './strings';

export const SIGNALS = ['level', 'change', 'season', 'trend', 'prediction'] as const;
export const MATCH_METHODS = ['cosine', 'overlap'] as const;

export const MatchQuerySchema = v.object({
  /** Rows [start, end), 0-based, end exclusive. */
  start: count,
  end: count,
  method: v.optional(v.picklist(MATCH_METHODS)),
  threshold: v.optional(finite),
  /** At most one entry per unit a model can have (config's units.max): a long list only repeats units. */
  units: v.optional(v.pipe(v.array(count), v.maxLength(CONFIG_LIMITS.units.max))),
  layer: v.optional(count),
  top: v.optional(int(1, 1000)),
});

/** Explain a saved model on the data as it is now; `windowAt` is the saliency window's first row (else: validation mean). */
export const ExplainRequestSchema = v.object({
  type: v.literal('explain'),
  source: WireSourceSchema,
  modelDir: v.string(),
  modelBase: v.string(),
  windowAt: v.optional(count),
  match: v.optional(MatchQuerySchema),
  /** One series of a global model (else its first). */
  series: v.optional(v.string()),
});

const signal = v.picklist(SIGNALS);

export const SaliencySchema = v.object({
  mode: v.picklist(['window', 'validation']),
  target: anyInteger,
  windows: count,
  value: numbers,
  occlusion: numbers,
  peakLag: anyInteger,
  covariates: v.optional(
    v.array(v.object({ feature: v.string(), value: numbers, occlusion: numbers, peakLag: anyInteger })),
  ),
  leans: v.object({ feature: v.optional(v.string()), lag: anyInteger }),
});

export const UnitReportSchema = v.object({
  layer: count,
  unit: count,
  signal,
  r: anyNumber,
  phase: v.optional(count),
  all: v.object({
    level: anyNumber,
    change: anyNumber,
    season: anyNumber,
    trend: anyNumber,
    prediction: anyNumber,
  }),
  cell: v.optional(v.object({ signal, r: anyNumber, phase: v.optional(count) })),
  retention: anyNumber,
  timeConstant: anyNumber,
  gateLeft: anyNumber,
  gateRight: anyNumber,
  saturated: anyNumber,
});

export const MatchSchema = v.object({ start: count, end: count, score: anyNumber });

export const ExplainReportSchema = v.object({
  season: anyInteger,
  rows: v.tuple([count, count]),
  saliency: SaliencySchema,
  units: v.array(UnitReportSchema),
  matches: v.array(MatchSchema),
  trajectory: v.object({ rows: numbers, x: numbers, y: numbers, explained: v.tuple([anyNumber, anyNumber]) }),
});

export const ExplainedSchema = v.object({
  type: v.literal('explained'),
  column: v.string(),
  window: anyInteger,
  seriesLength: count,
  report: ExplainReportSchema,
  /** 0-based line of the file that holds row 0, when every row is one line in file order (CSV, TSV, JSON Lines). */
  lineOfRow0: v.optional(count),
  /** The series for the view's chart: values at rows `index` (every row, or a min/max pick per bucket when long). */
  points: v.optional(v.object({ index: numbers, value: numbers })),
  /** The series explained, and every series of the model found in the file (global models). */
  series: v.optional(v.string()),
  seriesNames: v.optional(v.array(v.string())),
});

// ─── Hidden States view ─────────────────────────────────────────────────────────
/** The explain section's strings, kept apart from the view's own list. */
export const EXPLAIN_STRING_KEYS = [
  'saliency',
  'saliencyWindow',
  'saliencyMean',
  'leansLatest',
  'leansLag',
  'lag',
  'gradient',
  'occlusion',
  'saliencyTable',
  'meanings',
  'sortByMeaning',
  'meaning',
  'remembers',
  'retention',
  'gates',
  'level',
  'change',
  'season',
  'trend',
  'prediction',
  'match',
  'matchHint',
  'from',
  'to',
  'method',
  'cosine',
  'overlap',
  'threshold',
  'units',
  'unit',
  'findMatches',
  'matches',
  'noMatches',
  'matchRow',
  'score',
  'trajectory',
  'colorBy',
  'time',
  'phase',
  'trajectoryTable',
  'row',
  'computing',
  'seriesChart',
  'seriesChartHint',
  'leansOnLatest',
  'leansOnLag',
  'query',
] as const;

/** The report for the model shown (or why there is none), with the section's strings. */
export const HiddenExplainedSchema = v.object({
  type: v.literal('explained'),
  strings: stringsOf(EXPLAIN_STRING_KEYS),
  explained: v.optional(ExplainedSchema),
  error: v.optional(v.string()),
});
/** Rank the ranges like rows [start, end) by hidden-state pattern. */
export const HiddenMatchSchema = v.object({ type: v.literal('match'), query: MatchQuerySchema });
/** Show a row of the data file in its editor. */
export const HiddenRevealRowSchema = v.object({ type: v.literal('revealRow'), row: count });
/** Show another series of a global model. */
export const HiddenSelectSeriesSchema = v.object({ type: v.literal('selectSeries'), series: v.string() });
