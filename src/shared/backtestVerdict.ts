/**
 * The one rule that turns a backtest's MASE per method into a plain verdict about the network, shared by the panel
 * (its templates come from the host) and Predict Next Value (vscode.l10n), so both always say the same thing.
 * Percentages are of the other method's MASE: "beats X by 38%" means the network's MASE is 38% lower than X's,
 * "loses to Y by 6%" that it is 6% higher than Y's.
 */
import { fillTemplate } from './template';

/** Which sentence to say, with the numbers it needs; `rank` is 1 for the best of `of` methods. */
export type Verdict =
  /** The network has the lowest MASE; `runnerUp` is the next best and `by` how much it beats it. */
  | { kind: 'best'; runnerUp: string; by: number; rank: 1; of: number }
  /** Between: it beats `beaten` (the strongest method it beats) and loses to `winner` (the best). */
  | {
      kind: 'mixed';
      beaten: string;
      beatBy: number;
      winner: string;
      loseBy: number;
      rank: number;
      of: number;
    }
  /** The network has the highest MASE of all; `winner` is the best method. */
  | { kind: 'worst'; winner: string; loseBy: number; rank: number; of: number }
  /** The network or every other method has no finite MASE. */
  | { kind: 'none' };

/** `mase` by method key; `self` names the network's key. Methods without a finite MASE are left out. */
export function backtestVerdict(mase: Readonly<Record<string, number>>, self = 'rnn'): Verdict {
  const own = mase[self];
  const others = Object.entries(mase)
    .filter(([k, v]) => k !== self && Number.isFinite(v) && v > 0)
    .sort((a, b) => a[1] - b[1]);
  if (!Number.isFinite(own) || others.length === 0) return { kind: 'none' };
  const of = others.length + 1;
  const rank = 1 + others.filter(([, v]) => v < own).length;
  const pct = (a: number, b: number) => (100 * Math.abs(a - b)) / b;
  const [bestKey, bestMase] = others[0];
  if (own <= bestMase) return { kind: 'best', runnerUp: bestKey, by: pct(own, bestMase), rank: 1, of };
  const beaten = others.find(([, v]) => v > own);
  if (!beaten) return { kind: 'worst', winner: bestKey, loseBy: pct(own, bestMase), rank, of };
  return {
    kind: 'mixed',
    beaten: beaten[0],
    beatBy: pct(own, beaten[1]),
    winner: bestKey,
    loseBy: pct(own, bestMase),
    rank,
    of,
  };
}

/** The templates a verdict is said with ({0}… placeholders, as vscode.l10n uses). */
export interface VerdictTemplates {
  /** {0} network, {1} runner-up, {2} percent. */
  best: string;
  /** {0} network, {1} beaten, {2} percent, {3} winner, {4} percent. */
  mixed: string;
  /** {0} network, {1} winner, {2} percent. */
  worst: string;
  none: string;
}

/** Fills the verdict's template; `name` gives each method key its display name. */
export function sayVerdict(
  v: Verdict,
  network: string,
  name: (key: string) => string,
  t: VerdictTemplates,
): string {
  const p = (x: number) => String(Math.round(x));
  switch (v.kind) {
    case 'best':
      return fillTemplate(t.best, network, name(v.runnerUp), p(v.by));
    case 'mixed':
      return fillTemplate(t.mixed, network, name(v.beaten), p(v.beatBy), name(v.winner), p(v.loseBy));
    case 'worst':
      return fillTemplate(t.worst, network, name(v.winner), p(v.loseBy));
    default:
      return t.none;
  }
}
