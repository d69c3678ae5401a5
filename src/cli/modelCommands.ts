/**
 * The commands that train and load models, in their own bundle so `seqlab inspect` never parses it. They run on the
 * WebAssembly kernel; tfjs (dist/tfjs.js) is required only for a model the kernel cannot run.
 */
export { run as train } from './train';
export { run as predict } from './predict';
export { run as backtest } from './backtest';
export { run as explain } from './explain';
