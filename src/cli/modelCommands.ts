/** The commands that need TensorFlow.js, in their own bundle so `seqlab inspect` never loads or parses it. */
export { run as train } from './train';
export { run as predict } from './predict';
export { run as backtest } from './backtest';
