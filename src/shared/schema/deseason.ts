/** What a trained model did with its season (model/forecast/seasonFree.ts): shown by the CLI and the panel. */
import * as v from 'valibot';
import { anyNumber, count } from './fields';

export const DeseasonReportSchema = v.object({
  season: count,
  method: v.picklist(['mul', 'add']),
  /** The setting that decided: 'auto' measured both, 'on' removes any season found. */
  chosen: v.picklist(['auto', 'on']),
  /** Whether the network reads the series with its season removed. */
  applied: v.boolean(),
  /** Multi-step validation MAE (series units) with the season removed ('on') and kept ('off'); 'auto' only. */
  errors: v.nullable(v.object({ on: anyNumber, off: anyNumber })),
});
export type DeseasonReport = v.InferOutput<typeof DeseasonReportSchema>;
