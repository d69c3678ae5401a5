/**
 * How train and predict report the validation check (model/forecast/check.ts): the JSON every --json output carries,
 * and the lines that say plainly when a plain method forecast better than the model on the same origins.
 */
import type { ModelMeta } from '../model';
import { tableNumber } from './output';

/** The CLI's and the flags' name of each plain method. */
export const METHOD_FLAG = { naive: 'naive', seasonalNaive: 'seasonal-naive', theta: 'theta' } as const;
export const METHOD_NAME = { naive: 'naive', seasonalNaive: 'seasonal naive', theta: 'Theta' } as const;

/** The check as JSON: null for a model saved before it (or with too few validation rows to check). */
export function checkJson(meta: ModelMeta) {
  const c = meta.check;
  return {
    check: c
      ? {
          origins: c.origins,
          horizon: c.horizon,
          errors: c.errors,
          networkWeight: c.weight,
          partner: c.weight < 1 ? METHOD_FLAG[c.partner ?? 'theta'] : null,
          better: c.better ?? null,
        }
      : null,
    ensemble: meta.ensemble?.members ?? 1,
    candidates: meta.candidates ?? null,
  };
}

/** One line on the check, and a warning line when a plain method beat the forecast. */
export function checkLines(meta: ModelMeta): string {
  const c = meta.check;
  if (!c) return '';
  const partner = METHOD_NAME[c.partner ?? 'theta'];
  const how =
    c.weight === 1
      ? 'the network alone'
      : `the network ${Math.round(c.weight * 100)}% with ${partner} ${100 - Math.round(c.weight * 100)}%`;
  const members = (meta.ensemble?.members ?? 1) > 1 ? `, median of ${meta.ensemble?.members} networks` : '';
  const e = c.errors;
  let out =
    `forecast: ${how}${members}; ${c.horizon}-step validation MAE from ${c.origins} origins ` +
    `${tableNumber(e.final)} (network ${tableNumber(e.network)}, naive ${tableNumber(e.naive)}, ` +
    `seasonal naive ${tableNumber(e.seasonalNaive)}, Theta ${tableNumber(e.theta)})\n`;
  if (c.better) out += loserLine(meta) + '\n';
  return out;
}

/** "warning: …": what beat the model and how to forecast with it instead. */
export function loserLine(meta: ModelMeta): string {
  const c = meta.check!;
  const better = c.better!;
  return (
    `warning: ${METHOD_NAME[better]} forecast better than this model on validation ` +
    `(MAE ${tableNumber(c.errors[better])} against ${tableNumber(c.errors.final)}); ` +
    `predict --method ${METHOD_FLAG[better]} forecasts with it`
  );
}
