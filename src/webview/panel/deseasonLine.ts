/** One line on the season: removed before the network or kept, and what 'auto' measured to decide. */
import type { DeseasonReport } from '../../shared/types';
import type { PanelStrings } from '../../shared/protocol';
import { formatNumber } from '../../shared/formatNumber';
import { format } from './dom';

export function deseasonText(s: PanelStrings, d: DeseasonReport): string {
  const what = format(d.applied ? s.deseasonRemoved : s.deseasonKept, d.season);
  if (!d.errors) return what;
  return `${what} ${format(s.deseasonErrors, formatNumber(d.errors.on), formatNumber(d.errors.off))}`;
}
