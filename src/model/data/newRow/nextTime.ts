/**
 * The time stamp of a new row, written the way the file writes its own: the same format, one step after the last.
 * Monthly and yearly data step by calendar months, not by a median in milliseconds (months differ in length).
 */

interface Parsed {
  ms: number;
  format: (ms: number) => string;
  /** Day-of-month based formats step by whole months when the last two rows do. */
  calendar: boolean;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const ymd = (d: Date, sep: string): string =>
  `${d.getUTCFullYear()}${sep}${pad(d.getUTCMonth() + 1)}${sep}${pad(d.getUTCDate())}`;

function parse(cell: string): Parsed | undefined {
  const s = cell.trim();
  let m = /^(\d{4})([-/])(\d{2})\2(\d{2})$/.exec(s);
  if (m) {
    const sep = m[2];
    return { ms: Date.UTC(+m[1], +m[3] - 1, +m[4]), format: (ms) => ymd(new Date(ms), sep), calendar: true };
  }
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) {
    return {
      ms: Date.UTC(+m[1], +m[2] - 1, 1),
      format: (ms) => ymd(new Date(ms), '-').slice(0, 7),
      calendar: true,
    };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})([T ])(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z)?$/.exec(s);
  if (m) {
    const [, y, mo, d, sep, h, mi, sec, frac, z] = m;
    const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, sec ? +sec : 0, frac ? Math.round(Number(frac) * 1000) : 0);
    const format = (t: number): string => {
      const x = new Date(t);
      let out = `${ymd(x, '-')}${sep}${pad(x.getUTCHours())}:${pad(x.getUTCMinutes())}`;
      if (sec !== undefined) out += `:${pad(x.getUTCSeconds())}`;
      if (frac !== undefined) out += `.${pad(x.getUTCMilliseconds(), 3)}`.slice(0, frac.length);
      return out + (z ?? '');
    };
    return { ms, format, calendar: false };
  }
  if (/^-?\d+(\.\d+)?$/.test(s)) {
    const decimals = s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
    return { ms: Number(s), format: (v) => v.toFixed(decimals), calendar: false };
  }
  return undefined;
}

/**
 * The next time stamp after `last`, stepping like `prev → last` (or by stepMs when there is no previous row).
 * Returns undefined when the cell's format is not one we can continue faithfully.
 */
export function nextTime(last: string, prev: string | undefined, stepMs?: number): string | undefined {
  const a = parse(last);
  if (!a) return undefined;
  const b = prev === undefined ? undefined : parse(prev);
  if (a.calendar && b?.calendar) {
    const da = new Date(a.ms);
    const db = new Date(b.ms);
    const months = (da.getUTCFullYear() - db.getUTCFullYear()) * 12 + da.getUTCMonth() - db.getUTCMonth();
    if (months >= 1 && da.getUTCDate() === db.getUTCDate()) {
      return a.format(Date.UTC(da.getUTCFullYear(), da.getUTCMonth() + months, da.getUTCDate()));
    }
  }
  const step = b ? a.ms - b.ms : stepMs;
  if (step === undefined || !Number.isFinite(step) || step <= 0) return undefined;
  return a.format(a.ms + step);
}

/**
 * The next time stamp after the series' latest parsed row (`lastMs`, `prevMs`: epoch ms of its two latest rows in time
 * order), written in the format of `sample`, one of the file's own cells. Undefined when `sample` has no format we
 * can continue.
 */
export function nextStamp(
  sample: string,
  lastMs: number,
  prevMs: number | undefined,
  stepMs?: number,
): string | undefined {
  const f = parse(sample);
  if (!f) return undefined;
  return nextTime(f.format(lastMs), prevMs === undefined ? undefined : f.format(prevMs), stepMs);
}
