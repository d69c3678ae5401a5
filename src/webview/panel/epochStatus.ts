/** The panel's status line while training: the epoch, which part of a run of several networks trains, the losses. */
import type { PanelStrings } from '../../shared/protocol';
import type { EpochReport } from '../../shared/types';
import { formatNumber } from '../../shared/formatNumber';
import { format } from './dom';

/** "season removed, differences": what a candidate feeds its network, from its epoch report's tags. */
export function partTags(
  s: PanelStrings,
  r: Pick<EpochReport, 'seasonRemoved' | 'differenced' | 'log'>,
): string {
  return [
    ...(r.log === undefined ? [] : [r.log ? s.tagLog : s.tagNoLog]),
    ...(r.seasonRemoved === undefined ? [] : [r.seasonRemoved ? s.tagSeasonRemoved : s.tagSeasonKept]),
    ...(r.differenced === undefined ? [] : [r.differenced ? s.tagDifferences : s.tagLevels]),
  ].join(', ');
}

/** "comparing 2 of 4: season kept, levels" or "network 5 of 6: ensemble member"; '' for a run of one network. */
export function partLabel(s: PanelStrings, r: EpochReport): string {
  if (!r.part) return '';
  return r.part.member
    ? format(s.partMember, r.part.index, r.part.count)
    : format(s.partCandidate, r.part.index, r.part.count, partTags(s, r));
}

export function epochStatus(s: PanelStrings, r: EpochReport): string {
  // A run of several networks counts every part's epochs; say which part this is.
  const part = partLabel(s, r);
  return [
    format(s.epochOf, r.epoch, r.epochs),
    ...(part ? [part] : []),
    `${s.trainLoss} ${formatNumber(r.loss)}`,
    `${s.valLoss} ${formatNumber(r.valLoss)}`,
  ].join(' · ');
}
