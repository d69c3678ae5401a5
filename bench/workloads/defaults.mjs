// defaults: the default config on realistic generated series (bench/generators.mjs). One JSON line per series with
// the model's and naive's validation MAE, their ratio (the issue asks for ≤ 1.1 always, < 1 mostly) and the time.
// `node bench/workloads/defaults.mjs 10000` adds the 10,000-row timing runs; a third argument keeps only the series
// whose name contains it (e.g. `… 10000 10000`).
import { loadModelCore } from '../modelCore.mjs';
import { dailyCycle, dailyWeekly, monthlySeasonalTrend, randomWalk } from '../generators.mjs';

const core = await loadModelCore();

const H = 3_600_000;
const D = 24 * H;
const cases = [
  ['monthly seasonal+trend', monthlySeasonalTrend(144, 1), 30 * D],
  ['random walk', randomWalk(1000, 2), D],
  ['hourly daily cycle', dailyCycle(24 * 60, 3), H],
  ['daily weekly+AR', dailyWeekly(730, 4), D],
];
const big = Number(process.argv[2] || 0);
if (big) {
  cases.push(
    [`hourly daily cycle ${big}`, dailyCycle(big, 5), H],
    [`random walk ${big}`, randomWalk(big, 6), D],
  );
}
const only = process.argv[3];
for (const [name, v, step] of cases.filter(([name]) => !only || name.includes(only))) {
  const values = Float64Array.from(v);
  const time = Float64Array.from(values, (_, i) => Date.UTC(2015, 0, 1) + i * step);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const m = await core.trainModel({ name: 'value', values, time, problems: [] }, {}, {});
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  // CPU time of this process: wall time on a shared 2-core machine swings with everyone else's load.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const { meta } = m;
  m.dispose();
  const ratio = meta.metrics.val.mae / meta.baselines.naive.mae;
  console.log(
    JSON.stringify({
      workload: 'defaults',
      series: name,
      rows: values.length,
      window: meta.window,
      differenced: meta.differenced,
      season: meta.season,
      epochs: meta.epochsRun,
      bestEpoch: meta.bestEpoch,
      mae: meta.metrics.val.mae,
      naiveMae: meta.baselines.naive.mae,
      ratio: Number(ratio.toFixed(3)),
      seconds: Number(seconds.toFixed(1)),
      cpuSeconds: Number(cpuSeconds.toFixed(1)),
      backend: meta.backend,
    }),
  );
}
