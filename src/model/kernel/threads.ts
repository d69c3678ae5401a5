/** The second thread of a KernelNet: a worker running one shard (shardWorker.ts) over the net's shared memory. */
import { Worker } from 'node:worker_threads';
import { findShipped } from './load';
import { kernelThreadPriority } from './priority';
import type { ShardReply, ShardRequest } from './shardProtocol';

export const SHARD_WORKER_FILE = 'shardWorker.js';

export class RemoteShard {
  private waiting: { resolve(r: ShardReply): void; reject(e: Error): void } | undefined;

  /** The shard thread's nice value as it reported it (Linux; undefined elsewhere). */
  priority: number | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (r: ShardReply) => this.settle(r));
    worker.on('error', (e) => this.fail(e));
    worker.on('exit', (code) => this.fail(new Error(`the kernel's shard worker exited (code ${code})`)));
    // A training run that forgets to dispose must not keep the process alive; a pending reply does (ask()).
    worker.unref();
  }

  private settle(r: ShardReply): void {
    const w = this.waiting;
    this.waiting = undefined;
    this.worker.unref();
    if (r.type === 'error') w?.reject(new Error(r.message));
    else w?.resolve(r);
  }

  private fail(e: Error): void {
    const w = this.waiting;
    this.waiting = undefined;
    this.worker.unref();
    w?.reject(e);
  }

  private ask(m: ShardRequest): Promise<ShardReply> {
    if (this.waiting) return Promise.reject(new Error('the shard worker is busy'));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.worker.ref();
      this.worker.postMessage(m);
    });
  }

  /** Starts a worker and lays out its shard; undefined where no worker file ships (then one thread runs both). */
  static async start(
    init: Extract<ShardRequest, { type: 'init' }>,
  ): Promise<{ shard: RemoteShard; xs: number; ys: number; grads: number; yhat: number } | undefined> {
    const file = findShipped(SHARD_WORKER_FILE);
    if (!file) return undefined;
    const shard = new RemoteShard(new Worker(file));
    const r = await shard.ask({ ...init, priority: init.priority ?? kernelThreadPriority() });
    if (r.type !== 'ready' || r.end < 0) {
      shard.dispose();
      return undefined;
    }
    shard.priority = r.priority;
    return { shard, xs: r.xs, ys: r.ys, grads: r.grads, yhat: r.yhat };
  }

  /** Loss sum of one pass over the windows already in the shard's inputs. */
  async run(count: number, denom: number, first: boolean): Promise<number> {
    const r = await this.ask({ type: 'run', count, denom, first });
    if (r.type !== 'done') throw new Error('the shard worker answered out of turn');
    return r.loss;
  }

  /** A forward pass over the windows already in the shard's inputs. */
  async forward(): Promise<void> {
    const r = await this.ask({ type: 'forward' });
    if (r.type !== 'done') throw new Error('the shard worker answered out of turn');
  }

  dispose(): void {
    this.worker.removeAllListeners('exit');
    void this.worker.terminate();
  }
}
