/**
 * AutoARIMA from the `arima` package (ctsa compiled to WebAssembly). Measured here: its seasonal search takes 5–80 s
 * per fit at season 24 (300–1,000 values), so a detected season is removed first by the same classical
 * decomposition Theta uses and the non-seasonal AutoARIMA models the adjusted series (R's stlf(method = "arima")
 * does the same with STL). Fits use the latest MAX_FIT values: 2,000 values fit in about 3 s, 8,000 in about 60 s.
 */
import type { FoldForecast } from './scoring';
import { Z80 } from './naiveForecasts';
import { deseasonalise, fitSeason, reseasonalise } from '../forecast/deseason';
import { ndiffs } from './kpss';

type ArimaCtor = typeof import('arima');
let lib: ArimaCtor | undefined;
/** Loaded on first use: compiling its 200 kB of WebAssembly is not free, and most commands never need it. */
const arimaLib = (): ArimaCtor => (lib ??= require('arima') as ArimaCtor);

export const MAX_FIT = 2000;

/**
 * The library prints some diagnostics (e.g. "non-stationary AR part") with printf, which reaches process.stdout;
 * `--json` promises stdout holds one JSON object, so its writes go to stderr while it runs (all calls are synchronous).
 */
function quietly<T>(f: () => T): T {
  const out = process.stdout;
  const write = out.write;
  out.write = process.stderr.write.bind(process.stderr) as typeof write;
  try {
    return f();
  } finally {
    out.write = write;
  }
}

/** AutoARIMA's forecast of values[0, end), `horizon` steps ahead, with its 80% interval. Throws if it fails. */
export function arimaForecast(
  values: ArrayLike<number>,
  end: number,
  horizon: number,
  season: number,
): FoldForecast {
  const from = Math.max(0, end - MAX_FIT);
  const y = Array.prototype.slice.call(values, from, end) as number[];
  const n = y.length;
  const fit = fitSeason(y, season);
  const adjusted = y.map((v, t) => deseasonalise(v, fit, t));
  // d is chosen here (KPSS, kpss.ts); the search then picks p, q and the mean (the drift, once differenced).
  const d = ndiffs(adjusted);
  let w = adjusted;
  for (let k = 0; k < d; k++) w = w.slice(1).map((v, i) => v - w[i]);
  const ARIMA = arimaLib();
  const model = new ARIMA({ auto: true, d: 0, verbose: false });
  let pred: number[];
  let variance: number[];
  try {
    [pred, variance] = quietly(() => {
      model.train(w);
      return model.predict(horizon);
    });
  } finally {
    model.destroy();
  }
  // Integrate back d times, from the last value of each lower difference. The level's variance is taken as the
  // running sum of the differences' variances: exact when their forecast errors are uncorrelated (a random walk with
  // drift), an approximation otherwise.
  for (let k = d - 1; k >= 0; k--) {
    let acc = k === 0 ? adjusted[n - 1] : adjusted[n - 1] - adjusted[n - 2];
    let v = 0;
    pred = pred.map((p) => (acc += p));
    variance = variance.map((x) => (v += x));
  }
  // The library returns garbage rather than throwing when a fit fails; refuse what no forecast of this data can be.
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of adjusted) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  const span = Math.max(hi - lo, Math.abs(hi), 1e-12);
  if (
    pred.some(
      (p, i) => !Number.isFinite(p) || !(variance[i] >= 0) || Math.abs(p - (lo + hi) / 2) > 100 * span,
    )
  )
    throw new Error('AutoARIMA did not produce a usable forecast');
  const put = (v: number, h: number) => reseasonalise(v, fit, n + h);
  return {
    point: pred.map((p, h) => put(p, h)),
    lower: pred.map((p, h) => put(p - Z80 * Math.sqrt(variance[h]), h)),
    upper: pred.map((p, h) => put(p + Z80 * Math.sqrt(variance[h]), h)),
  };
}
