/**
 * Select and match (LSTMVis for series): rank every other range of the query's length by how similar its hidden-state
 * pattern is.
 * - 'cosine' (default): cosine similarity of the [length, units] state blocks, flattened, after centring each unit
 *   on its mean over the series — without centring a state's constant offset makes every range look alike (≈ 0.99).
 * - 'overlap': LSTMVis's rule. The query selects the units that stay ≥ threshold at every step of it; each candidate
 *   selects its own the same way; the score is the Jaccard overlap |Q ∩ C| / |Q ∪ C|, ties broken by cosine.
 * Ranges overlapping the query are left out, and so is any range overlapping a better match already listed, so the
 * list names distinct places rather than the same place shifted by one row.
 */
import { MATCH_METHODS } from '../../shared/schema/explainMessages';
import type { SeriesStates } from './states';

export { MATCH_METHODS };
export type MatchMethod = (typeof MATCH_METHODS)[number];

export interface MatchOptions {
  method?: MatchMethod;
  /** For 'overlap': a unit is on when h ≥ threshold (default 0.3). */
  threshold?: number;
  /** Units compared (default: all). */
  units?: number[];
  /** Layer whose states are compared (default: the last). */
  layer?: number;
  /** Matches returned at most (default 10). */
  top?: number;
}

export interface Match {
  /** Rows [start, end), 0-based, end exclusive, as the query. */
  start: number;
  end: number;
  score: number;
}

export class MatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MatchError';
  }
}

export function matchRange(states: SeriesStates, start: number, end: number, o: MatchOptions = {}): Match[] {
  const rows = states.rows;
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!(Number.isInteger(start) && Number.isInteger(end) && end > start))
    throw new MatchError(`the range ${start}:${end} is empty; END must be greater than START`);
  if (start < first || end > last + 1)
    throw new MatchError(
      `the range ${start}:${end} is outside the rows with a hidden state (${first}:${last + 1})`,
    );
  const u = states.units;
  const layer = o.layer ?? states.layers.length - 1;
  const h = states.layers[layer]?.h;
  if (!h) throw new MatchError(`the model has no layer ${layer}`);
  // Each unit once: a repeated unit only multiplied the work (30,000 entries took a match from 1.2 s to 62 s).
  const units = o.units
    ? [...new Set(o.units)].sort((a, b) => a - b)
    : Array.from({ length: u }, (_, k) => k);
  if (units.length === 0 || units.some((k) => !Number.isInteger(k) || k < 0 || k >= u))
    throw new MatchError(`units must be between 0 and ${u - 1} (the model has ${u} units)`);
  const len = end - start;
  const q = start - first;
  const threshold = o.threshold ?? 0.3;
  const on = (j: number): Set<number> =>
    new Set(
      units.filter((k) =>
        Array.from({ length: len }, (_, s) => h[(j + s) * u + k]).every((v) => v >= threshold),
      ),
    );
  const query = o.method === 'overlap' ? on(q) : undefined;
  if (query && query.size === 0)
    throw new MatchError(`no unit stays at or above ${threshold} over ${start}:${end}; lower the threshold`);
  const mean = new Float64Array(u);
  for (let j = 0; j < rows.length; j++) for (let k = 0; k < u; k++) mean[k] += h[j * u + k] / rows.length;
  const cosine = (j: number): number => {
    let dot = 0;
    let a = 0;
    let b = 0;
    for (let s = 0; s < len; s++)
      for (const k of units) {
        const x = h[(q + s) * u + k] - mean[k];
        const y = h[(j + s) * u + k] - mean[k];
        dot += x * y;
        a += x * x;
        b += y * y;
      }
    return a > 0 && b > 0 ? dot / Math.sqrt(a * b) : 0;
  };
  const scored: Array<Match & { tie: number }> = [];
  for (let j = 0; j + len <= rows.length; j++) {
    if (j < q + len && j + len > q) continue;
    const tie = cosine(j);
    let score = tie;
    if (query) {
      const c = on(j);
      let both = 0;
      for (const k of c) if (query.has(k)) both++;
      score = both / (query.size + c.size - both);
    }
    scored.push({ start: first + j, end: first + j + len, score, tie });
  }
  scored.sort((x, y) => y.score - x.score || y.tie - x.tie || x.start - y.start);
  const out: Match[] = [];
  for (const m of scored) {
    if (out.length >= (o.top ?? 10)) break;
    if (out.some((p) => m.start < p.end && m.end > p.start)) continue;
    out.push({ start: m.start, end: m.end, score: m.score });
  }
  return out;
}
