/** The panel's status line while training: the epoch, which candidate of season removal 'auto' trains, the losses. */
import type { PanelStrings } from '../../shared/protocol';
import type { EpochReport } from '../../shared/types';
import { formatNumber } from '../../shared/formatNumber';
import { format } from './dom';

export function epochStatus(s: PanelStrings, r: EpochReport): string {
  // 'auto' trains two candidates in turn, so the run counts twice the epochs asked for; say which part this is.
  const candidate =
    r.seasonRemoved === undefined ? [] : [r.seasonRemoved ? s.candidateRemoved : s.candidateKept];
  return [
    format(s.epochOf, r.epoch, r.epochs),
    ...candidate,
    `${s.trainLoss} ${formatNumber(r.loss)}`,
    `${s.valLoss} ${formatNumber(r.valLoss)}`,
  ].join(' · ');
}
