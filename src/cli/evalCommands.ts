/** Backtest and explain: apart from modelCommands.ts because AutoARIMA and PCA would add to every train's start-up. */
export { run as backtest } from './backtest';
export { run as explain } from './explain';
