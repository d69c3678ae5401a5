/**
 * What the panel shows of how a model's forecast was made and checked (model/forecast/check.ts): the candidates
 * 'auto' compared, the ensemble, the weight with Theta, and the plain method that beat it, if one did.
 */
import * as v from 'valibot';
import { anyNumber, count } from './fields';

export const CheckMethodSchema = v.picklist(['naive', 'seasonalNaive', 'theta']);

export const ForecastReportSchema = v.object({
  /** Multi-step validation errors (series units) of every candidate trained, in training order; 'auto' only. */
  candidates: v.optional(
    v.array(
      v.object({
        log: v.boolean(),
        seasonRemoved: v.boolean(),
        differenced: v.boolean(),
        error: anyNumber,
        chosen: v.boolean(),
      }),
    ),
  ),
  members: count,
  /** The network's share of the forecast; Theta has the rest. */
  networkWeight: anyNumber,
  /** The plain method that has the rest of the forecast. */
  partner: CheckMethodSchema,
  horizon: count,
  origins: count,
  errors: v.object({
    network: anyNumber,
    final: anyNumber,
    naive: anyNumber,
    seasonalNaive: anyNumber,
    theta: anyNumber,
  }),
  better: v.optional(CheckMethodSchema),
});
export type ForecastReport = v.InferOutput<typeof ForecastReportSchema>;
