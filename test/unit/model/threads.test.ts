/** The threads setting reaches the kernel, and the kernel's second thread runs at its starting thread's priority. */
import * as assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { kernelAvailable } from '../../../src/model/kernel/load';
import { kernelThreads } from '../../../src/model/kernel/threadCount';
import { trainModel } from '../../../src/model';
import { series } from './helpers';

const SMALL = { cell: 'gru' as const, layers: 1, units: 4, window: 8, features: 1 };
const LARGE = { cell: 'gru' as const, layers: 1, units: 64, window: 50, features: 1 };

describe('training threads', () => {
  describe('kernelThreads', () => {
    const env = process.env.SEQLAB_KERNEL_THREADS;
    beforeEach(() => delete process.env.SEQLAB_KERNEL_THREADS);
    after(() => {
      if (env === undefined) delete process.env.SEQLAB_KERNEL_THREADS;
      else process.env.SEQLAB_KERNEL_THREADS = env;
    });

    it('takes a number as given, whatever the work or the cores', () => {
      assert.equal(kernelThreads(SMALL, 4, 2, 1), 2);
      assert.equal(kernelThreads(LARGE, 64, 1, 8), 1);
    });

    it('auto: one thread on one core, two on two when a batch has the work, one when it has not', () => {
      assert.equal(kernelThreads(LARGE, 64, 'auto', 1), 1);
      assert.equal(kernelThreads(LARGE, 64, 'auto', 2), 2);
      assert.equal(kernelThreads(SMALL, 16, 'auto', 2), 1);
    });

    it('auto yields to SEQLAB_KERNEL_THREADS; an explicit setting does not', () => {
      process.env.SEQLAB_KERNEL_THREADS = '2';
      assert.equal(kernelThreads(SMALL, 16, 'auto', 1), 2);
      assert.equal(kernelThreads(SMALL, 16, 1, 1), 1);
    });
  });

  describe('in training', () => {
    const wave = series(Array.from({ length: 600 }, (_, i) => Math.sin(i / 5) + 0.2 * Math.sin(i / 17)));
    const config = {
      units: 4,
      window: 8,
      epochs: 2,
      batchSize: 32,
      patience: 0,
      seed: 5,
      difference: 'none' as const,
    };

    it('runs on the threads the config asks for, with the same weights on 1 and 2', async () => {
      const one = await trainModel(wave, { ...config, threads: 1 });
      const two = await trainModel(wave, { ...config, threads: 2 });
      const [w1, w2] = [one.net.readWeights(), two.net.readWeights()];
      one.dispose();
      two.dispose();
      assert.deepEqual([one.meta.threads, two.meta.threads], [1, 2]);
      assert.deepEqual(w1, w2);
    });
  });

  it('starts the second thread at the nice value of the thread that trains (Linux; elsewhere none is reported)', async () => {
    assert.ok(kernelAvailable(), 'npm run build makes the kernel');
    const linux = process.platform === 'linux';
    const kernelJs = join(__dirname, '../../../src/model/kernel/kernel.js');
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      const os = require('node:os');
      const { KernelNet } = require(workerData.kernelJs);
      if (workerData.linux) os.setPriority(0, 12);
      (async () => {
        const k = new KernelNet(workerData.spec, 8, 2);
        const n = 16, T = workerData.spec.window;
        const src = Float32Array.from({ length: n + T }, (_, i) => Math.sin(i));
        await k.trainBatchAsync(src, Int32Array.from({ length: n }, (_, i) => i), new Float32Array(n), 0.01);
        parentPort.postMessage({ threads: k.lastThreads, shard: await k.shardPriority() });
        k.dispose();
      })().catch((e) => parentPort.postMessage({ error: String(e) }));`;
    const w = new Worker(code, { eval: true, workerData: { kernelJs, spec: SMALL, linux } });
    const reply = await new Promise<Record<string, unknown>>((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
    });
    await w.terminate();
    assert.deepEqual(reply, { threads: 2, shard: linux ? 12 : undefined });
  });
});

describe('background priority (the worker lowers itself once its first result is out)', () => {
  it('kernel threads start lowered, and the thread itself only when it enters the background (Linux; elsewhere no nice value is touched)', async () => {
    const linux = process.platform === 'linux';
    const priorityJs = join(__dirname, '../../../src/model/kernel/priority.js');
    // Nice values cannot be raised again without privileges: the test lowers a thread of its own.
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      const p = require(workerData.priorityJs);
      const before = p.threadPriority();
      p.setBackgroundPriority(before + 10);
      const seen = [p.threadPriority() - before, p.kernelThreadPriority() - before];
      p.enterBackground();
      seen.push(p.threadPriority() - before);
      p.setBackgroundPriority(before);
      p.enterBackground();
      seen.push(p.threadPriority() - before, p.kernelThreadPriority() - before);
      parentPort.postMessage(seen);`;
    const w = new Worker(code, { eval: true, workerData: { priorityJs } });
    const seen = await new Promise((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
    });
    await w.terminate();
    // Off Linux a nice value is the whole process's: nothing is read or set, and every difference is NaN.
    assert.deepEqual(seen, linux ? [0, 10, 10, 10, 10] : [NaN, NaN, NaN, NaN, NaN]);
  });
});
