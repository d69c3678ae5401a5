/**
 * The commands that train and load models, in their own bundle so `seqlab inspect` never parses it. They run on the
 * WebAssembly kernel; tfjs (dist/tfjs.js) is required only for a model the kernel cannot run. Backtest and explain
 * (AutoARIMA's inline WebAssembly, PCA) are a bundle of their own, evalCommands.ts, so a training run never compiles them.
 */
export { run as train } from './train';
export { run as predict } from './predict';
