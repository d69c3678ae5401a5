// w2: training throughput of the model core. GRU 64 units, window 50, batch 64, Adam, 2000 windows of a generated
// series; one warm-up epoch, then one timed epoch (batches only, not validation).
// Prints {"workload":"w2","engine":…,"samplesPerSec":…,"backend":…} for the fused engine (the default), then for
// tfjs-layers, side by side. `--backend cpu` measures the fallback; `--engine fused|layers` runs just one.
import { loadModelCore } from '../modelCore.mjs';

const core = await loadModelCore();

const backendArg = process.argv.indexOf('--backend');
const backend = backendArg > 0 ? process.argv[backendArg + 1] : 'auto';
const WINDOW = 50;
const WINDOWS = 2000;
// Same shape as bench/pytorch/w2.py: an hourly cycle, a slow trend and noise.
let s = 1;
const noise = () => ((s = (s * 16807) % 2147483647) / 2147483647 - 0.5) * 0.2;
const n = Math.ceil((WINDOWS + WINDOW + 1) / 0.95) + 1;
const values = Float64Array.from({ length: n }, (_, i) => Math.sin((i * 2 * Math.PI) / 24) + (0.01 * i) / 24 + noise());

async function measure(engine) {
  let t0 = 0;
  let t1 = 0;
  let samples = 0;
  const model = await core.trainModel(
    { name: 'value', values, problems: [] },
    { cell: 'gru', units: 64, layers: 1, window: WINDOW, batchSize: 64, epochs: 2, learningRate: 0.001, validationSplit: 0.05, patience: 0, difference: 'none', maxWindowsPerEpoch: WINDOWS, backend, engine },
    {
      onBatch(r) {
        if (r.epoch !== 2) return;
        if (r.batch === 1) t0 = performance.now();
        t1 = performance.now();
        samples += r.batch < r.batches ? 64 : WINDOWS - 64 * (r.batches - 1);
      },
    },
  );
  const used = model.meta.backend;
  model.dispose();
  // The first batch's own time is not inside [t0, t1]: count the samples after it.
  const timed = samples - 64;
  console.log(JSON.stringify({ workload: 'w2', engine, samplesPerSec: Math.round(timed / ((t1 - t0) / 1000)), backend: used }));
}

const engineArg = process.argv.indexOf('--engine');
for (const engine of engineArg > 0 ? [process.argv[engineArg + 1]] : ['fused', 'layers']) await measure(engine);
