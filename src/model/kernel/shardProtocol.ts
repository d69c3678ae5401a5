/** Messages between KernelNet and a shard worker (shardWorker.ts). Memory and module cross as shared objects. */
import type { WasmMemory, WasmModule } from './load';

export type ShardRequest =
  | {
      type: 'init';
      memory: WasmMemory;
      module: WasmModule;
      cell: number;
      layers: number;
      units: number;
      window: number;
      rows: number;
      features: number;
      /** Where this shard's region starts, and the main instance's weights. */
      base: number;
      params: number;
      /** The starting thread's nice value (Linux), which the shard takes on: training threads yield to the host. */
      priority?: number;
    }
  /** One pass over the windows already written to the shard's inputs; `first` zeroes its gradients before. */
  | { type: 'run'; count: number; denom: number; first: boolean }
  /** A forward pass only over the windows already in the shard's inputs; its predictions stay at `yhat`. */
  | { type: 'forward' };

export type ShardReply =
  | { type: 'ready'; end: number; grads: number; xs: number; ys: number; yhat: number; priority?: number }
  | { type: 'done'; loss: number }
  | { type: 'error'; message: string };
