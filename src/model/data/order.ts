/** Time order of rows: which rows are out of order, which timestamps repeat, and the usual step. */
import { quoteText } from '../../shared/quote';
import { timeGaps } from './timeGaps';
import type { Problem } from './types';

export interface TimeOrder {
  /** Row indices with a usable time, sorted by time (stable). */
  order: Uint32Array;
  /** Median step between consecutive timestamps, in ms (undefined with fewer than two). */
  stepMs?: number;
  problems: Problem[];
}

const REPORTED_DUPLICATES = 10;
const STEP_SAMPLE = 100_000;

export function timeOrder(times: Float64Array, lines: Uint32Array, column: string): TimeOrder {
  const problems: Problem[] = [];
  const usable = new Uint32Array(times.length);
  let n = 0;
  let outOfOrder = 0;
  let firstOutOfOrder = 0;
  let latest = -Infinity;
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    if (Number.isNaN(t)) continue;
    usable[n++] = i;
    if (t < latest) {
      if (outOfOrder++ === 0) firstOutOfOrder = lines[i];
    } else latest = t;
  }
  const order = usable.subarray(0, n);
  if (outOfOrder > 0) {
    order.sort((a, b) => times[a] - times[b] || a - b);
    const message = `${outOfOrder} row${outOfOrder === 1 ? ' is' : 's are'} out of time order (first here); the series is sorted by ${quoteText(column)}`;
    problems.push({ line: firstOutOfOrder, column, severity: 'warning', message });
  }
  let duplicates = 0;
  for (let k = 1; k < order.length; k++) {
    if (times[order[k]] !== times[order[k - 1]]) continue;
    if (duplicates++ < REPORTED_DUPLICATES) {
      const at = new Date(times[order[k]]).toISOString();
      problems.push({
        line: lines[order[k]],
        column,
        severity: 'warning',
        message: `duplicate timestamp ${at} (also on line ${lines[order[k - 1]]})`,
      });
    }
  }
  if (duplicates > REPORTED_DUPLICATES) {
    problems.push({
      line: 0,
      column,
      severity: 'warning',
      message: `${duplicates - REPORTED_DUPLICATES} more duplicate timestamps`,
    });
  }
  const stepMs = medianStep(times, order);
  problems.push(...timeGaps(times, order, lines, column, stepMs));
  return { order, stepMs, problems };
}

function medianStep(times: Float64Array, order: Uint32Array): number | undefined {
  const n = Math.min(order.length - 1, STEP_SAMPLE);
  if (n < 1) return undefined;
  const steps = new Float64Array(n);
  for (let k = 0; k < n; k++) steps[k] = times[order[k + 1]] - times[order[k]];
  steps.sort();
  return steps[n >> 1];
}
