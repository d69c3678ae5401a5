/**
 * Rolling origin with an expanding window: the last folds·horizon values are `folds` consecutive blocks of `horizon`;
 * fold k forecasts block k from everything before it.
 */

/** A backtest that cannot be laid out on this series (too short for its folds and horizon). */
export class BacktestSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BacktestSetupError';
  }
}

/** The fewest values the first fold may train on: the network needs a validation split and ARIMA 20 values. */
export const MIN_FIRST_TRAIN = 20;

/** Series index of each fold's first forecast value, ascending. */
export function foldOrigins(n: number, folds: number, horizon: number): number[] {
  if (!Number.isInteger(folds) || folds < 1)
    throw new BacktestSetupError(`folds must be a positive integer, got ${folds}`);
  if (!Number.isInteger(horizon) || horizon < 1)
    throw new BacktestSetupError(`horizon must be a positive integer, got ${horizon}`);
  const first = n - folds * horizon;
  const need = Math.max(MIN_FIRST_TRAIN, 2 * horizon);
  if (first < need)
    throw new BacktestSetupError(
      `${folds} folds of ${horizon} need at least ${need + folds * horizon} values (${need} to train the first fold on), ` +
        `the series has ${n}; use fewer folds or a shorter horizon`,
    );
  return Array.from({ length: folds }, (_, k) => first + k * horizon);
}
