/** The one way numbers become text, in three styles for the three places people read them. */

export interface NumberStyle {
  /** Significant digits shown. */
  significant: number;
  /** Magnitudes from here up (and below 1e-3) are shown with an exponent. */
  expFrom: number;
  /** What a missing or non-finite value shows as. */
  missing: string;
}

/** The CLI's tables: room for six digits, and an empty cell where there is no value. */
export const TABLE: NumberStyle = { significant: 6, expFrom: 1e7, missing: '' };
/** Charts, legends and the panel's tables: four digits. */
export const COMPACT: NumberStyle = { significant: 4, expFrom: 1e6, missing: '—' };
/** A forecast in a notification: five digits, so 412.31 reads as the data does. */
export const MESSAGE: NumberStyle = { significant: 5, expFrom: 1e9, missing: '—' };

export function formatNumber(v: number | undefined, style: NumberStyle = COMPACT): string {
  if (v === undefined || !Number.isFinite(v)) return style.missing;
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= style.expFrom)) return v.toExponential(3);
  return String(Number(v.toPrecision(style.significant)));
}
