/**
 * worker_threads entry for a kernel shard (threads.ts): an instance of the kernel over the main thread's shared
 * memory, with its own activations and gradients and the main instance's weights. The main thread writes the shard's
 * windows straight into this instance's input buffers and only says when to run.
 */
import { parentPort } from 'node:worker_threads';
import { threadPriority, takePriority } from './priority';
import { instantiateKernel, type KernelExports } from './load';
import type { ShardReply, ShardRequest } from './shardProtocol';

let k: KernelExports | undefined;

function handle(m: ShardRequest): ShardReply {
  if (m.type === 'init') {
    if (m.priority !== undefined) takePriority(m.priority);
    k = instantiateKernel(m.memory, m.module);
    const end = k.configure(m.cell, m.layers, m.units, m.window, m.rows, m.features, m.base, m.params);
    return {
      type: 'ready',
      end,
      grads: k.grads.value,
      xs: k.xs.value,
      ys: k.ys.value,
      yhat: k.yhat.value,
      priority: threadPriority(),
    };
  }
  if (!k) throw new Error('shard worker: run before init');
  if (m.type === 'forward') {
    k.forward();
    return { type: 'done', loss: 0 };
  }
  if (m.first) k.zeroGrads();
  k.forward();
  return { type: 'done', loss: k.backward(m.count, m.denom) };
}

parentPort?.on('message', (m: ShardRequest) => {
  try {
    parentPort?.postMessage(handle(m));
  } catch (e) {
    parentPort?.postMessage({ type: 'error', message: (e as Error).message } satisfies ShardReply);
  }
});
