// Training throughput of the model core on one of bench/trainShapes.mjs' shapes: Adam (lr 0.001), MSE, a dense head
// on h_T, a generated series (an hourly cycle, a slow trend and noise, as bench/pytorch/train.py makes). One warm-up
// epoch, then one timed epoch (batches only, not validation). Prints
// {"workload","engine","samplesPerSec","cpuSamplesPerSec","threads","backend"}. Training runs on the WebAssembly kernel,
// SeqLab's only engine.
import { loadModelCore } from './modelCore.mjs';
import { SHAPES } from './trainShapes.mjs';

export async function benchTraining(workload) {
  const { cell, units, window, batch, windows } = SHAPES[workload];
  const core = await loadModelCore();
  let s = 1;
  const noise = () => ((s = (s * 16807) % 2147483647) / 2147483647 - 0.5) * 0.2;
  const n = Math.ceil((windows + window + 1) / 0.95) + 1;
  const values = Float64Array.from(
    { length: n },
    (_, i) => Math.sin((i * 2 * Math.PI) / 24) + (0.01 * i) / 24 + noise(),
  );
  let t0 = 0;
  let t1 = 0;
  let c0;
  let c1;
  let samples = 0;
  const config = {
    cell,
    units,
    layers: 1,
    window,
    batchSize: batch,
    epochs: 2,
    learningRate: 0.001,
    validationSplit: 0.05,
    patience: 0,
    difference: 'none',
    maxWindowsPerEpoch: windows,
  };
  const model = await core.trainModel({ name: 'value', values, problems: [] }, config, {
    onBatch(r) {
      if (r.epoch !== 2) return;
      if (r.batch === 1) {
        t0 = performance.now();
        c0 = process.cpuUsage();
      }
      t1 = performance.now();
      c1 = process.cpuUsage(c0);
      samples += r.batch < r.batches ? batch : windows - batch * (r.batches - 1);
    },
  });
  const used = model.meta.backend;
  model.dispose();
  // The first batch's own time is not inside [t0, t1]: count the samples after it.
  const timed = samples - batch;
  const line = {
    workload,
    engine: core.engineFor(config),
    samplesPerSec: Math.round(timed / ((t1 - t0) / 1000)),
    // CPU seconds of every thread (process-wide), the steadier figure on a shared machine; as bench/pytorch/train.py.
    cpuSamplesPerSec: Math.round(timed / ((c1.user + c1.system) / 1e6)),
    threads: core.kernelThreads({ cell, units, window, layers: 1, features: 1 }, batch),
    backend: used,
  };
  console.log(JSON.stringify(line));
}
