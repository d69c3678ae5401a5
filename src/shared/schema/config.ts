/**
 * The training config, defined once: its limits (which package.json's seqlab.training.* settings, the CLI's flags
 * and the panel's form must match; a unit test holds package.json to them), its schema, and its TypeScript type.
 */
import * as v from 'valibot';
import { int } from './fields';

export const CELLS = ['rnn', 'gru', 'lstm'] as const;
export const SCALERS = ['zscore', 'minmax'] as const;
export const DIFFERENCES = ['auto', 'none', 'first'] as const;
export const BACKENDS = ['auto', 'wasm', 'cpu'] as const;
export const DESEASONALIZE = ['auto', 'on', 'off'] as const;
export const ENGINES = ['kernel'] as const;
export const COMBINE = ['best', 'theta', 'off'] as const;
export const TRANSFORMS = ['auto', 'log', 'none'] as const;
/** Engines of earlier versions that meta.json files may still name; their models load and retrain on the kernel. */
export const RETIRED_ENGINES = ['fused', 'layers'] as const;
/** The kernel splits a batch into two shards (model/kernel/kernel.ts), so more threads would have nothing to run. */
export const MAX_THREADS = 2;
/** seqlab.training.threads' choices, as the setting spells them. */
export const THREAD_CHOICES = ['auto', ...Array.from({ length: MAX_THREADS }, (_, i) => String(i + 1))];

export interface NumberLimit {
  min: number;
  max: number;
  integer: boolean;
  /** min itself is not allowed (the learning rate must be above 0). */
  exclusiveMin?: boolean;
  /** How messages name the field. */
  label: string;
}

/** Numeric fields' ranges. */
export const CONFIG_LIMITS = {
  layers: { min: 1, max: 3, integer: true, label: 'layers' },
  units: { min: 1, max: 512, integer: true, label: 'units' },
  window: { min: 0, max: 1000, integer: true, label: 'window' },
  epochs: { min: 1, max: 10000, integer: true, label: 'epochs' },
  batchSize: { min: 1, max: 4096, integer: true, label: 'batch size' },
  learningRate: { min: 0, max: 1, integer: false, exclusiveMin: true, label: 'learning rate' },
  validationSplit: { min: 0.05, max: 0.5, integer: false, label: 'validation split' },
  // tfjs treats seed 0 as "no seed", so 0 is refused rather than silently made random.
  seed: { min: 1, max: 2 ** 31 - 1, integer: true, label: 'seed' },
  patience: { min: 0, max: 10000, integer: true, label: 'patience' },
  maxWindowsPerEpoch: { min: 0, max: 1e9, integer: true, label: 'max windows per epoch' },
  timeBudgetSeconds: { min: 0, max: 86400, integer: true, label: 'time budget (seconds)' },
  ensemble: { min: 1, max: 16, integer: true, label: 'ensemble members' },
} as const satisfies Record<string, NumberLimit>;

const ranged = (l: NumberLimit) =>
  l.integer
    ? int(l.min, l.max)
    : v.pipe(
        v.number(),
        v.finite(),
        v.check((x) => (l.exclusiveMin ? x > l.min : x >= l.min) && x <= l.max),
      );

const L = CONFIG_LIMITS;
export const TrainConfigSchema = v.strictObject({
  cell: v.picklist(CELLS),
  layers: ranged(L.layers),
  units: ranged(L.units),
  /** Time steps per window; 0 chooses one from the series' length and seasonality. */
  window: ranged(L.window),
  epochs: ranged(L.epochs),
  batchSize: ranged(L.batchSize),
  learningRate: ranged(L.learningRate),
  /** Share of the series, taken from its end, used for validation. */
  validationSplit: ranged(L.validationSplit),
  seed: ranged(L.seed),
  /** Epochs without a better validation loss before stopping; 0 disables early stopping. */
  patience: ranged(L.patience),
  scaler: v.picklist(SCALERS),
  /** Model first differences instead of levels; 'auto' decides from the training range's trend. */
  difference: v.picklist(DIFFERENCES),
  backend: v.picklist(BACKENDS),
  /** A hard cap on windows per epoch (benchmarks); 0 or absent: every training window (train/epochPlan.ts). */
  maxWindowsPerEpoch: v.optional(ranged(L.maxWindowsPerEpoch)),
  /** Seconds training may take; epochs shorten and training stops to fit (train/epochPlan.ts). 0 or absent: no limit. */
  timeBudgetSeconds: v.optional(ranged(L.timeBudgetSeconds)),
  /** Threads training runs on; 'auto': one per core, up to 2, where a batch has enough work (kernel/threadCount.ts). */
  threads: v.optional(v.union([v.literal('auto'), int(1, MAX_THREADS)])),
  /** How batches are trained: the WebAssembly kernel (the only engine left; train/engines.ts). */
  engine: v.optional(v.picklist(ENGINES)),
  /**
   * Remove the season (fitted on the training range) before the network and put it back after; 'auto' trains both
   * and keeps the lower multi-step validation error (train/deseasonChoice.ts). Absent: 'off', as models before it.
   */
  deseasonalize: v.optional(v.picklist(DESEASONALIZE)),
  /** Networks trained with different seeds whose median is the forecast (train/trainModel.ts). Absent: 1. */
  ensemble: v.optional(ranged(L.ensemble)),
  /**
   * 'best': the forecast is the network's and the best plain method's on validation (naive, seasonal naive or
   * Theta), weighted by their multi-step validation errors (forecast/check.ts); 'theta': with Theta always; 'off':
   * the network's alone. Absent: 'off', as models before it.
   */
  combine: v.optional(v.picklist(COMBINE)),
  /**
   * 'log': the network reads the logarithm of a positive series; 'auto': where Guerrero's rule favours it, log and
   * the series itself are both trained and the lower multi-step validation error wins; 'none' (or absent): never.
   */
  transform: v.optional(v.picklist(TRANSFORMS)),
});
export const PartialTrainConfigSchema = v.partial(TrainConfigSchema);

export type TrainConfig = v.InferOutput<typeof TrainConfigSchema>;

/** A threads value as a setting or flag spells it ('auto', '2' or 2); undefined when it is none of the choices. */
export function parseThreads(raw: unknown): TrainConfig['threads'] {
  const text = String(raw);
  if (!THREAD_CHOICES.includes(text)) return undefined;
  return text === 'auto' ? 'auto' : Number(text);
}
export type CellType = TrainConfig['cell'];
export type ScalerKind = TrainConfig['scaler'];

const PICKLISTS: Record<string, readonly string[]> = {
  cell: CELLS,
  scaler: SCALERS,
  difference: DIFFERENCES,
  backend: BACKENDS,
  engine: ENGINES,
  deseasonalize: DESEASONALIZE,
  combine: COMBINE,
  transform: TRANSFORMS,
};

/** The first thing wrong with a config, as one sentence naming the setting and what it allows; undefined when valid. */
export function configProblem(config: unknown): string | undefined {
  const r = v.safeParse(TrainConfigSchema, config);
  if (r.success) return undefined;
  const issue = r.issues[0];
  const key = String(issue.path?.[0]?.key ?? '');
  const got = issue.path?.[0]?.value;
  const limit = (CONFIG_LIMITS as Record<string, NumberLimit>)[key];
  if (limit) {
    const range = limit.exclusiveMin
      ? `in (${limit.min}, ${limit.max}]`
      : `from ${limit.min} to ${limit.max}`;
    return `${limit.label} must be ${limit.integer ? `an integer ${range}` : range}, got ${JSON.stringify(got) ?? String(got)}`;
  }
  if (key === 'threads')
    return `threads must be auto or an integer from 1 to ${MAX_THREADS}, got ${JSON.stringify(got)}`;
  if (PICKLISTS[key]) return `${key} must be one of ${PICKLISTS[key].join('|')}, got ${JSON.stringify(got)}`;
  return key ? `unknown setting "${key}"` : issue.message;
}
