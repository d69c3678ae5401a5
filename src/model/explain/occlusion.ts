/**
 * Occlusion, the check on the gradient: each input value (of the series and of each covariate) in turn replaced by
 * the mean of its up-to-two neighbours on each side inside the window, and the change of the forecast in the
 * series' units.
 */
import { scale, unscale } from '../windows/scaler';
import { seasonAt, withoutSeason } from '../forecast/seasonFree';
import { inputRows, type ExplainInput } from './windows';

/** Windows per predict call. */
const CHUNK = 64;

/** By input (series, then covariates), by lag: the change (mean |change| over several windows). */
export function occlusion(x: ExplainInput, targets: Int32Array): number[][] {
  const { model } = x;
  const L = inputRows(x);
  const T = x.window;
  const F = x.features;
  const per = F * L + 1;
  const out = Array.from({ length: F }, () => new Array<number>(L).fill(0));
  for (let from = 0; from < targets.length; from += CHUNK) {
    const part = targets.subarray(from, Math.min(targets.length, from + CHUNK));
    const buf = new Float32Array(part.length * per * T * F);
    const last = new Float64Array(part.length * per);
    part.forEach((t, b) => {
      const rows = x.inputs.map((v) => v.slice(t - L, t));
      for (let k = 0; k < per; k++) {
        const occluded = rows.map((r) => Float64Array.from(r));
        // Copy k < F·L occludes input ⌊k / L⌋ at lag (k mod L) + 1; the last copy is the window as it is.
        if (k < F * L) {
          const f = Math.floor(k / L);
          const at = L - 1 - (k % L);
          occluded[f][at] = localMean(rows[f], at);
        }
        // The series' values as the network reads them (a removed season taken out); covariates as they are.
        const vals = occluded.map((v, f) => (f === 0 ? withoutSeason(v, x.removal, t - L) : v));
        const base = (b * per + k) * T * F;
        for (let p = 0; p < T; p++)
          for (let f = 0; f < F; f++) {
            const v = vals[f];
            buf[base + p * F + f] = scale(x.scalers[f], x.differenced ? v[p + 1] - v[p] : v[p]);
          }
        last[b * per + k] = vals[0][L - 1];
      }
    });
    const y = model.net.predict(buf, part.length * per);
    const level = (i: number) => {
      const d = unscale(x.scalers[0], y[i]);
      return seasonAt(x.differenced ? last[i] + d : d, x.removal, part[Math.floor(i / per)]);
    };
    for (let b = 0; b < part.length; b++) {
      const base = level(b * per + per - 1);
      for (let k = 0; k < F * L; k++) {
        const d = level(b * per + k) - base;
        out[Math.floor(k / L)][k % L] += targets.length === 1 ? d : Math.abs(d) / targets.length;
      }
    }
  }
  return out;
}

function localMean(rows: Float64Array, k: number): number {
  let s = 0;
  let c = 0;
  for (let j = Math.max(0, k - 2); j <= Math.min(rows.length - 1, k + 2); j++) {
    if (j === k) continue;
    s += rows[j];
    c++;
  }
  return c > 0 ? s / c : rows[k];
}
