/** The panel's account of how a model's forecast was made and checked (forecast/check.ts). */
import type { ForecastReport, ModelMeta } from '../types';

/** What the panel shows of a model's forecast; null for a model saved before the check (or too short for it). */
export function forecastReport(
  meta: Pick<ModelMeta, 'check' | 'candidates' | 'ensemble' | 'differenced' | 'deseasonalized' | 'log'>,
): ForecastReport | null {
  const c = meta.check;
  if (!c) return null;
  const removed = meta.deseasonalized?.applied ?? false;
  return {
    ...(meta.candidates && {
      candidates: meta.candidates.map((k) => ({
        ...k,
        chosen: k.differenced === meta.differenced && k.seasonRemoved === removed && k.log === !!meta.log,
      })),
    }),
    members: meta.ensemble?.members ?? 1,
    networkWeight: c.weight,
    partner: c.partner ?? 'theta',
    horizon: c.horizon,
    origins: c.origins,
    errors: c.errors,
    ...(c.better && { better: c.better }),
  };
}
