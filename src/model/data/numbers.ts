/** Strict cell → number conversion: no parseFloat, no auto-cast, nothing guessed. */

/** Largest finite float32; values beyond it would become Infinity once they reach a tensor. */
export const FLOAT32_MAX = 3.4028234663852886e38;

const MISSING = new Set(['', 'na', 'n/a', 'null', 'nan', '-', '?']);

/** True for the spellings of "no value here": "", NA, N/A, null, NaN, "-" and "?" (any case, trimmed). */
export function isMissing(cell: string): boolean {
  const t = cell.trim();
  return t.length <= 4 && MISSING.has(t.toLowerCase());
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 0xa0;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Parses `[+-]digits[.digits][(e|E)[+-]digits]` (either side of the point may be empty, not both), trimmed,
 * returning NaN for anything else or for a value that does not fit float32. A hand-written scan because this runs
 * once per cell: a regex per cell costs more than the rest of the parse.
 *
 * Up to 15 digits without exponent are converted during the scan: an integer below 2^53 divided by an exact power
 * of ten is correctly rounded, so the result equals Number(text) bit for bit. Everything else goes to Number.
 */
export function parseStrictNumber(cell: string, decimalComma = false): number {
  return parseNumberIn(cell, 0, cell.length, decimalComma);
}

/** parseStrictNumber of `cell.slice(start, end)`, without making the slice unless Number has to decide. */
export function parseNumberIn(cell: string, start: number, end: number, decimalComma = false): number {
  while (start < end && isSpace(cell.charCodeAt(start))) start++;
  while (end > start && isSpace(cell.charCodeAt(end - 1))) end--;
  if (start === end) return NaN;
  let i = start;
  let c = cell.charCodeAt(i);
  const negative = c === 45;
  if (c === 43 || c === 45) i++;
  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  for (; i < end && (c = cell.charCodeAt(i) - 48) >= 0 && c <= 9; i++, digits++) mantissa = mantissa * 10 + c;
  let sepAt = -1;
  if (i < end && cell.charCodeAt(i) === (decimalComma ? 44 : 46)) {
    sepAt = i++;
    for (; i < end && (c = cell.charCodeAt(i) - 48) >= 0 && c <= 9; i++, digits++, fraction++)
      mantissa = mantissa * 10 + c;
  }
  if (digits === 0) return NaN;
  if (i === end && digits <= 15) {
    const value = fraction ? mantissa / POW10[fraction] : mantissa;
    return negative ? -value : value;
  }
  if (i < end && ((c = cell.charCodeAt(i)) === 101 || c === 69)) {
    i++;
    if (i < end && ((c = cell.charCodeAt(i)) === 43 || c === 45)) i++;
    const expStart = i;
    while (i < end && (c = cell.charCodeAt(i)) >= 48 && c <= 57) i++;
    if (i === expStart) return NaN;
  }
  if (i !== end) return NaN;
  let text = start === 0 && end === cell.length ? cell : cell.slice(start, end);
  if (sepAt >= 0 && decimalComma) text = text.slice(0, sepAt - start) + '.' + text.slice(sepAt - start + 1);
  const value = Number(text);
  return Number.isFinite(value) && Math.abs(value) <= FLOAT32_MAX ? value : NaN;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Which limit a cell written as a number goes past: 'float64' when it overflows to Infinity, 'float32' when it is
 * finite but beyond what the model's tensors hold; undefined for anything else (text, or a number that fits).
 */
export function numberOverflow(cell: string): 'float64' | 'float32' | undefined {
  const text = cell.trim();
  if (!NUMBER_TEXT.test(text)) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) return 'float64';
  return Math.abs(value) > FLOAT32_MAX ? 'float32' : undefined;
}
