/** The time budget as one line of text: elapsed of budget, windows per epoch of all, and whether it ended training. */
import type { EpochReport } from '../../shared/types';
import type { PanelStrings } from '../../shared/protocol';
import { format } from './dom';

const count = (n: number) => n.toLocaleString();
const seconds = (s: number) => s.toFixed(s < 10 ? 1 : 0);

/**
 * `epochs`: the run's epoch reports so far; `elapsed`: the latest clock reading (a batch's, between epochs). An epoch
 * the budget cut short is partial, so the epoch length shown is the latest whole epoch's.
 */
export function budgetText(
  s: PanelStrings,
  budgetSeconds: number,
  epochs: readonly EpochReport[],
  elapsed: number,
): string {
  const parts = [
    budgetSeconds > 0
      ? format(s.budgetOf, seconds(Math.min(elapsed, budgetSeconds)), budgetSeconds)
      : s.noBudget,
  ];
  const last = epochs[epochs.length - 1];
  const whole = [...epochs].reverse().find((e) => !e.budgetCut) ?? last;
  if (whole?.windows !== undefined && whole.trainWindows !== undefined)
    parts.push(format(s.windowsPerEpoch, count(whole.windows), count(whole.trainWindows)));
  if (last?.budgetCut) parts.push(s.budgetReached);
  return parts.join(' · ');
}
