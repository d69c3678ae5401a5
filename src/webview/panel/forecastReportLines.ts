/**
 * The summary's lines on how the forecast was made: the candidates compared and the one kept, the weight with Theta
 * and the ensemble, and (a warning, announced to screen readers) the plain method that forecast better.
 */
import type { ForecastReport } from '../../shared/types';
import type { PanelStrings } from '../../shared/protocol';
import { formatNumber } from '../../shared/formatNumber';
import { format } from './dom';
import { partTags } from './epochStatus';

export interface ReportLine {
  text: string;
  warning?: boolean;
}

function methodName(s: PanelStrings, m: ForecastReport['partner']): string {
  return m === 'naive' ? s.naive : m === 'seasonalNaive' ? s.seasonalNaive : s.theta;
}

export function forecastReportLines(s: PanelStrings, r: ForecastReport): ReportLine[] {
  const lines: ReportLine[] = [];
  const candidates = r.candidates ?? [];
  if (candidates.length > 1) {
    const tagOf = (k: (typeof candidates)[number]) => partTags(s, k) || '—';
    const all = candidates.map((k) => `${tagOf(k)} ${formatNumber(k.error)}`).join('; ');
    const kept = candidates.find((k) => k.chosen);
    lines.push({ text: format(s.candidatesCompared, all, kept ? tagOf(kept) : '—') });
  }
  const e = r.errors;
  const w = r.networkWeight;
  lines.push({
    text:
      w === 1
        ? format(
            s.forecastNetwork,
            r.horizon,
            formatNumber(e.final),
            formatNumber(e.naive),
            formatNumber(e.seasonalNaive),
            formatNumber(e.theta),
          )
        : format(
            s.forecastCombined,
            Math.round(w * 100),
            methodName(s, r.partner),
            100 - Math.round(w * 100),
            r.horizon,
            formatNumber(e.final),
            formatNumber(e.network),
            formatNumber(e.naive),
            formatNumber(e.seasonalNaive),
            formatNumber(e.theta),
          ),
  });
  if (r.members > 1) lines.push({ text: format(s.forecastMembers, r.members) });
  if (r.better) {
    lines.push({
      text: format(
        s.forecastLoser,
        methodName(s, r.better),
        formatNumber(e[r.better]),
        formatNumber(e.final),
      ),
      warning: true,
    });
  }
  return lines;
}
