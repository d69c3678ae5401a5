/** The validation check's shapes and limits (check.ts), imported by meta.json's type without the check's code. */

/** Validation origins forecast from; enough for stable per-step quantiles, few enough to stay quick. */
export const MAX_ORIGINS = 256;

export const CHECK_METHODS = ['naive', 'seasonalNaive', 'theta'] as const;
export type CheckMethod = (typeof CHECK_METHODS)[number];

/** meta.json's `check`: how the forecast did against plain methods on the validation origins (series units). */
export interface ForecastCheck {
  origins: number;
  horizon: number;
  /** Mean |actual − forecast| over every origin and step. `final` is the forecast SeqLab gives. */
  errors: { network: number; final: number } & Record<CheckMethod, number>;
  /** The network's share of the final forecast, averaged over the steps; `partner` has the rest. 1: the network alone. */
  weight: number;
  /**
   * The network's share at each step ahead (index 0 = 1 step; past the last, the last): a network that is good one
   * step ahead and drifts further out gets a share per step. Absent in older models: `weight` at every step.
   */
  weights?: number[];
  /** The plain method combined with the network; absent in models saved before 'best' (Theta then). */
  partner?: CheckMethod;
  /** The plain method with the lowest error, when it beat the final forecast: the forecast is a loser. */
  better?: CheckMethod;
}
