// quality: forecast quality on real series. Exports 18 classic series from R's `datasets` (one Rscript call, into
// os.tmpdir()/seqlab-quality-<pid>; the data is never committed) plus three seeded series of our own, runs
// `seqlab backtest FILE --json` on each (5 folds, default horizon) and prints a markdown table: the network's mean MASE
// against Theta's and AutoARIMA's, ratio = network / min(Theta, AutoARIMA), the network's 80% interval coverage and
// the wall time; then the summary against the targets, and one JSON line.
// Env: QUALITY_ONLY=AirPassengers,lynx (series to run), QUALITY_ARGS="--epochs 50" (appended to each backtest, as are
// arguments after the script when it is run directly: `node bench/workloads/quality.mjs --epochs 50`), QUALITY_ROW
// (the `models` key that is "the network", default rnn), QUALITY_JOBS=2 (two backtests at once; the default 1 keeps
// timings honest on a 2-core machine where the CLI already uses both), QUALITY_CLI (default: this repo's dist/cli.js).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monthlySeasonalTrend, rng } from '../generators.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = process.env.QUALITY_CLI ?? join(root, 'dist', 'cli.js');
const extra = [...(process.env.QUALITY_ARGS ?? '').split(/\s+/).filter(Boolean), ...process.argv.slice(2)];
const row = process.env.QUALITY_ROW ?? 'rnn';
const jobs = Math.max(1, Number(process.env.QUALITY_JOBS ?? 1) || 1);
if (!existsSync(cli)) {
  console.error(`quality: ${cli} is missing; run \`npm run build\` first (or set QUALITY_CLI)`);
  process.exit(1);
}

const R_SERIES = [
  'AirPassengers',
  'nottem',
  'UKgas',
  'USAccDeaths',
  'ldeaths',
  'sunspot.month',
  'lynx',
  'JohnsonJohnson',
  'austres',
  'BJsales',
  'WWWusage',
  'LakeHuron',
  'UKDriverDeaths',
  'airmiles',
  'nhtemp',
  'uspop',
  'discoveries',
  'treering',
];
// Ours, seeded (bench/generators.mjs' PRNG): a case each for trend, drift and season, with dates where they help.
const monthly = (n) =>
  Array.from({ length: n }, (_, i) => new Date(Date.UTC(2000, i, 1)).toISOString().slice(0, 10));
const GENERATED = {
  'gen-trend': () => {
    const r = rng(11);
    return [monthly(200), Array.from({ length: 200 }, (_, i) => 50 + 0.4 * i + 3 * r.normal())];
  },
  'gen-drift-walk': () => {
    const r = rng(12);
    let v = 100;
    return [undefined, Array.from({ length: 300 }, () => (v += 0.1 + r.normal()))];
  },
  'gen-trend-season': () => [monthly(240), monthlySeasonalTrend(240, 13)],
};

const only = process.env.QUALITY_ONLY?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const known = [...R_SERIES, ...Object.keys(GENERATED)];
const unknown = only?.filter((s) => !known.includes(s)) ?? [];
if (unknown.length) {
  console.error(`quality: unknown series ${unknown.join(', ')} (known: ${known.join(', ')})`);
  process.exit(2);
}
const wanted = (name) => !only || only.includes(name);

const dir = join(tmpdir(), `seqlab-quality-${process.pid}`);
mkdirSync(join(dir, 'out'), { recursive: true });

// R writes a date where the ts has a calendar (monthly/quarterly → the period's first month, yearly or decennial →
// January 1st); where it has none (BJsales and WWWusage count from 1, treering starts in 6000 BC, which the CSV parser
// reads as text) it writes the values alone, so the CLI finds the season by autocorrelation. Prints name,rows,freq.
const R_EXPORT = `
args <- commandArgs(TRUE)
for (n in args[-1]) {
  x <- get(n, envir = asNamespace("datasets"))
  f <- frequency(x); t <- as.numeric(time(x)); y <- floor(t + 1e-6)
  v <- ifelse(is.na(x), "", as.character(as.numeric(x)))
  dated <- start(x)[1] >= 1000 && (f %in% c(4, 12) || (f <= 1 && all(abs(t - round(t)) < 1e-6)))
  lines <- if (dated) c("date,value", sprintf("%04d-%02d-01,%s", y, round((t - y) * 12) + 1, v)) else c("value", v)
  writeLines(lines, file.path(args[1], paste0(n, ".csv")))
  cat(paste(n, length(x), f, sep = ","), "\\n", sep = "")
}`;
const series = [];
const fromR = R_SERIES.filter(wanted);
if (fromR.length) {
  const r = spawnSync('Rscript', ['--vanilla', '-e', R_EXPORT, dir, ...fromR], { encoding: 'utf8' });
  if (r.error?.code === 'ENOENT') {
    console.error("quality: Rscript not found; it exports R's datasets series (apt-get install r-base-core)");
    process.exit(1);
  }
  if (r.status !== 0) {
    console.error(`quality: Rscript exited ${r.status}: ${r.stderr.trim()}`);
    process.exit(1);
  }
  for (const line of r.stdout.trim().split('\n')) {
    const [name, rows, freq] = line.split(',');
    series.push({ name, source: 'R', rows: Number(rows), freq: Number(freq) });
  }
}
for (const [name, make] of Object.entries(GENERATED).filter(([name]) => wanted(name))) {
  const [dates, values] = make();
  const lines = dates
    ? ['date,value', ...values.map((v, i) => `${dates[i]},${v.toFixed(4)}`)]
    : ['value', ...values.map((v) => v.toFixed(4))];
  writeFileSync(join(dir, `${name}.csv`), lines.join('\n') + '\n');
  series.push({ name, source: 'generated', rows: values.length, freq: dates ? 12 : 1 });
}

/** Runs the CLI to its end without blocking the other job; resolves {status, stdout, stderr, seconds}. */
function runCli(args) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) =>
      resolve({ status, stdout, stderr, seconds: Number(process.hrtime.bigint() - t0) / 1e9 }),
    );
  });
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const num = (x) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const STEPS = [
  [28, 31, 'month'],
  [89, 92, 'quarter'],
  [365, 366, 'year'],
  [3652, 3653, '10 years'],
];

async function measure(s) {
  const file = join(dir, `${s.name}.csv`);
  // What the parser made of the file: a date column and its step (the season the backtest proposes comes from it).
  const ins = await runCli(['inspect', file, '--json']);
  const layout = ins.status === 0 ? JSON.parse(ins.stdout).layout : {};
  const days = layout.timeStepMs / 86_400_000;
  s.step = layout.timeColumn
    ? (STEPS.find(([lo, hi]) => days >= lo && days <= hi)?.[2] ?? `${days} days`)
    : 'none';
  const out = join(dir, 'out', s.name);
  const run = await runCli(['backtest', file, '--json', '--out', out, ...extra]);
  s.seconds = Number(run.seconds.toFixed(2));
  if (run.status !== 0) {
    s.error = run.stderr.trim().split('\n').pop().replace(`${file}: `, '');
    return s;
  }
  const rep = JSON.parse(run.stdout);
  const net = rep.models[row];
  if (!net) {
    console.error(
      `quality: QUALITY_ROW=${row} is not a key of models (${Object.keys(rep.models).join(', ')})`,
    );
    process.exit(2);
  }
  const { theta, arima } = rep.models;
  // AutoARIMA's mean is over the folds it forecast; where it failed, Theta's fold stands in so both cover all folds.
  const arimaFailed = arima.perFold.filter((f) => f.error !== undefined).length;
  const arimaOrTheta = mean(
    arima.perFold.map((f, i) => (f.error === undefined ? f.mase : theta.perFold[i].mase)),
  );
  const best = Math.min(num(theta.mase) ?? Infinity, num(arimaOrTheta) ?? Infinity);
  Object.assign(s, {
    season: rep.season,
    horizon: rep.horizon,
    folds: rep.folds,
    cell: rep.cell,
    mase: num(net.mase),
    thetaMase: num(theta.mase),
    arimaMase: num(arima.mase),
    arimaFailedFolds: arimaFailed,
    ratio: num(net.mase) !== null && Number.isFinite(best) ? Number((net.mase / best).toFixed(4)) : null,
    coverage: num(net.coverage),
    best: rep.best,
    cliSeconds: Number(rep.seconds.toFixed(2)),
  });
  return s;
}

// Sequential by default; QUALITY_JOBS=2 takes the next series whenever a job ends.
const t0 = performance.now();
let next = 0;
let done = 0;
const f2 = (x, d = 2) => (x === null || x === undefined ? '–' : x.toFixed(d));
await Promise.all(
  Array.from({ length: Math.min(jobs, series.length) }, async () => {
    while (next < series.length) {
      const s = series[next++];
      await measure(s);
      console.error(
        `quality: [${++done}/${series.length}] ${s.name}: ` +
          (s.error
            ? `FAILED ${s.error}`
            : `season ${s.season}, ratio ${f2(s.ratio)}, coverage ${f2(s.coverage)}, ${f2(s.seconds, 1)} s`),
      );
    }
  }),
);
const wall = (performance.now() - t0) / 1000;

const head = [
  'series',
  'rows',
  'step',
  'season',
  `${row} MASE`,
  'Theta MASE',
  'ARIMA MASE',
  'ratio',
  'cov80',
  's',
];
const table = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
for (const s of series) {
  const cells = s.error
    ? [s.name, s.rows, s.step, `failed: ${s.error}`, '', '', '', '', '', f2(s.seconds, 1)]
    : [
        s.name,
        s.rows,
        s.step,
        s.season,
        f2(s.mase, 3),
        f2(s.thetaMase, 3),
        f2(s.arimaMase, 3) + (s.arimaFailedFolds ? ` (${s.arimaFailedFolds} failed)` : ''),
        f2(s.ratio),
        f2(s.coverage),
        f2(s.seconds, 1),
      ];
  table.push(`| ${cells.join(' | ')} |`);
}
console.log(table.join('\n') + '\n');

const TARGETS = {
  geomean: 1.0,
  within: 0.8,
  withinRatio: 1.1,
  maxRatio: 1.5,
  coverage: [0.75, 0.85],
  minCoverage: 0.6,
};
function summarise(group) {
  const ok = group.filter((s) => !s.error);
  const rated = ok.filter((s) => s.ratio !== null);
  const covered = ok.filter((s) => s.coverage !== null);
  const argmax = (xs, key) => xs.reduce((a, b) => (b[key] > a[key] ? b : a), xs[0]);
  const argmin = (xs, key) => xs.reduce((a, b) => (b[key] < a[key] ? b : a), xs[0]);
  const max = rated.length ? argmax(rated, 'ratio') : undefined;
  const min = covered.length ? argmin(covered, 'coverage') : undefined;
  const round = (x) => (x === null || !Number.isFinite(x) ? null : Number(x.toFixed(4)));
  return {
    series: group.length,
    failed: group.filter((s) => s.error).map((s) => s.name),
    geomeanRatio: round(rated.length ? Math.exp(mean(rated.map((s) => Math.log(s.ratio)))) : null),
    within: round(
      rated.length ? rated.filter((s) => s.ratio <= TARGETS.withinRatio).length / rated.length : null,
    ),
    maxRatio: max ? { value: max.ratio, series: max.name } : null,
    meanCoverage: round(covered.length ? mean(covered.map((s) => s.coverage)) : null),
    minCoverage: min ? { value: min.coverage, series: min.name } : null,
    seconds: round(group.reduce((a, s) => a + s.seconds, 0)),
  };
}
const mark = (ok) => (ok ? 'met' : 'MISSED');
function summaryLines(label, m) {
  if (!m.series) return [];
  const [lo, hi] = TARGETS.coverage;
  return [
    `**${label}** (${m.series} series${m.failed.length ? `, failed: ${m.failed.join(', ')}` : ''})`,
    `- geomean ratio ${f2(m.geomeanRatio, 3)} (target ≤ ${TARGETS.geomean.toFixed(1)}: ${mark(m.geomeanRatio <= TARGETS.geomean)})`,
    `- within ${TARGETS.withinRatio}× ${f2(m.within * 100, 0)}% (target ≥ ${TARGETS.within * 100}%: ${mark(m.within >= TARGETS.within)})`,
    `- max ratio ${f2(m.maxRatio?.value)} ${m.maxRatio?.series ?? ''} (target ≤ ${TARGETS.maxRatio}: ${mark(m.maxRatio?.value <= TARGETS.maxRatio)})`,
    `- mean coverage ${f2(m.meanCoverage)} (target ${lo}–${hi}: ${mark(m.meanCoverage >= lo && m.meanCoverage <= hi)})`,
    `- min coverage ${f2(m.minCoverage?.value)} ${m.minCoverage?.series ?? ''} (target ≥ ${TARGETS.minCoverage}: ${mark(m.minCoverage?.value >= TARGETS.minCoverage)})`,
    `- backtest wall time ${f2(m.seconds, 1)} s`,
    '',
  ];
}
const summary = { r: summarise(series.filter((s) => s.source === 'R')), all: summarise(series) };
// The second block only when generated series ran: without them it would repeat the first.
const both = summary.all.series > summary.r.series;
console.log(
  [...summaryLines('R series', summary.r), ...(both ? summaryLines('all series', summary.all) : [])].join(
    '\n',
  ) + `total wall time ${wall.toFixed(1)} s${extra.length ? `, backtest args: ${extra.join(' ')}` : ''}\n`,
);

const results = join(dir, 'results.json');
const line = {
  workload: 'quality',
  row,
  ...(extra.length ? { args: extra.join(' ') } : {}),
  jobs,
  seconds: Number(wall.toFixed(2)),
  series,
  summary,
  targets: TARGETS,
  results,
};
writeFileSync(results, JSON.stringify(line, null, 2) + '\n');
console.error(`quality: per-series results in ${results} (backtest reports in ${join(dir, 'out')})`);
console.log(JSON.stringify(line));
// A series the CLI refuses is a finding (listed as failed above); the bench fails only when none could be measured.
process.exit(series.some((s) => !s.error) ? 0 : 1);
