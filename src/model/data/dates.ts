/** Date cells → epoch milliseconds (UTC). Returns NaN for anything that is not a date we recognise. */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Epoch seconds between 2001-09-09 and 2096-10-02, and the same range in milliseconds. */
const EPOCH_S_MIN = 1e9;
const EPOCH_S_MAX = 4e9;
const EPOCH_MS_MIN = 1e12;
const EPOCH_MS_MAX = 4e12;

/** Column names that make an integer column a timestamp rather than a measurement. */
const TIME_NAME = /(^|[^a-z])(time|date|timestamp|epoch|ts|datetime)([^a-z]|$)/i;

/** Parses ISO 8601 (`2020-01-31`, `2020-01-31T10:00:00.5Z`, `2020-01-31 10:00+02:00`) or `Jan 31 2020`-style text. */
export function parseDate(cell: string): number {
  return parseDateIn(cell, 0, cell.length);
}

/** parseDate of `s.slice(start, end)`, without making the slice on the common ISO path. */
export function parseDateIn(s: string, start: number, end: number): number {
  while (start < end && s.charCodeAt(start) <= 32) start++;
  while (end > start && s.charCodeAt(end - 1) <= 32) end--;
  const c = s.charCodeAt(start);
  // `5 Jan 2020` also starts with a digit: a space after one or two digits sends it to the month-name reader.
  if (c >= 48 && c <= 57 && s.charCodeAt(start + 1) !== 32 && s.charCodeAt(start + 2) !== 32)
    return parseIso(s, start, end);
  return c >= 48 ? parseMonthName(s.slice(start, end)) : NaN;
}

/** The two-digit number at `at`, or -1. (NaN past the end fails both comparisons.) */
function twoDigits(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil); exact, no Date object. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function utc(y: number, mo: number, d: number, h = 0, mi = 0, sec = 0, ms = 0): number {
  // A four-digit year below 100 is not a series anyone has; it is a typo or a number.
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || sec > 59) return NaN;
  return ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi) * 60000 + sec * 1000 + ms;
}

// Hand-rolled because a million timestamps through Date.parse or a regex dominate the whole parse. Reads only
// inside [o, end): the text around may be the rest of a CSV chunk.
function parseIso(s: string, o: number, end: number): number {
  const n = end - o;
  if (n < 10) return NaN;
  const sep = s.charCodeAt(o + 4);
  if ((sep !== 45 && sep !== 47) || s.charCodeAt(o + 7) !== sep) return NaN; // - or /
  const century = twoDigits(s, o);
  const y = century * 100 + twoDigits(s, o + 2);
  const mo = twoDigits(s, o + 5);
  const d = twoDigits(s, o + 8);
  if (century < 0 || y < century * 100 || mo < 0 || d < 0) return NaN;
  if (n === 10) return utc(y, mo, d);
  const t = s.charCodeAt(o + 10);
  if ((t !== 84 && t !== 32) || n < 16 || s.charCodeAt(o + 13) !== 58) return NaN; // T or space, then HH:MM
  const h = twoDigits(s, o + 11);
  const mi = twoDigits(s, o + 14);
  if (h < 0 || mi < 0) return NaN;
  let i = o + 16;
  let sec = 0;
  let ms = 0;
  if (i < end && s.charCodeAt(i) === 58) {
    if (i + 3 > end) return NaN;
    sec = twoDigits(s, i + 1);
    if (sec < 0) return NaN;
    i += 3;
    if (i < end && s.charCodeAt(i) === 46) {
      let j = i + 1;
      while (j < end && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
      if (j === i + 1) return NaN;
      ms = Math.round(Number('0' + s.slice(i, j)) * 1000);
      i = j;
    }
  }
  const base = utc(y, mo, d, h, mi, sec, ms);
  return i === end ? base : base - zoneOffsetMs(s.slice(i, end));
}

/** Offset of `Z`, `±HH:MM` or `±HHMM` (the whole of `zone`), NaN for anything else. */
function zoneOffsetMs(zone: string): number {
  if (zone === 'Z') return 0;
  const m = /^([+-])(\d\d):?(\d\d)?$/.exec(zone);
  if (!m) return NaN;
  const minutes = Number(m[2]) * 60 + (m[3] ? Number(m[3]) : 0);
  return (m[1] === '-' ? -1 : 1) * minutes * 60000;
}

/** `Jan 5 2020`, `Jan 05, 2020`, `January 5, 2020`, `5 Jan 2020`, optionally followed by `HH:MM[:SS]`. */
function parseMonthName(s: string): number {
  const m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  const m2 = m
    ? null
    : /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  const monthName = m ? m[1] : m2?.[2];
  const parts = m ?? m2;
  if (!parts || !monthName) return NaN;
  const month = monthIndex(monthName);
  if (month < 0) return NaN;
  const day = Number(m ? parts[2] : parts[1]);
  const [h, mi, sec] = [parts[4], parts[5], parts[6]].map((v) => (v ? Number(v) : 0));
  return utc(Number(parts[3]), month + 1, day, h, mi, sec);
}

function monthIndex(name: string): number {
  const lower = name.toLowerCase();
  const i = MONTHS.indexOf(lower.slice(0, 3));
  if (i < 0) return -1;
  const full = new Date(Date.UTC(2000, i, 1))
    .toLocaleString('en', { month: 'long', timeZone: 'UTC' })
    .toLowerCase();
  return lower.length === 3 || full.startsWith(lower) ? i : -1;
}

/** An integer column named like a timestamp whose values all sit in the epoch seconds or milliseconds range. */
export function epochUnit(
  name: string,
  min: number,
  max: number,
  allIntegers: boolean,
): 's' | 'ms' | undefined {
  if (!allIntegers || !TIME_NAME.test(name)) return undefined;
  if (min >= EPOCH_S_MIN && max <= EPOCH_S_MAX) return 's';
  if (min >= EPOCH_MS_MIN && max <= EPOCH_MS_MAX) return 'ms';
  return undefined;
}
