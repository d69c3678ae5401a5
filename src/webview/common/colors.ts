/** Theme-aware colours for canvases: reads --vscode-* variables so light, dark and high-contrast themes all work. */

export type Rgb = [number, number, number];

let probe: CanvasRenderingContext2D | null = null;

/** Any CSS colour → [r, g, b]; the canvas normalises named, hex and rgb() forms for us. */
export function parseColor(css: string, fallback: Rgb): Rgb {
  const text = css.trim();
  if (!text) return fallback;
  probe ??= document.createElement('canvas').getContext('2d');
  if (!probe) return fallback;
  probe.fillStyle = '#000000';
  probe.fillStyle = text;
  const norm = String(probe.fillStyle);
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(norm);
  if (hex) return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16)];
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(norm);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return fallback;
}

/** The value of a CSS custom property on the document, e.g. cssVar('--vscode-charts-blue'). */
export function cssVar(name: string, fallback = ''): string {
  const v =
    getComputedStyle(document.documentElement).getPropertyValue(name) ||
    getComputedStyle(document.body).getPropertyValue(name);
  return v.trim() || fallback;
}

/** Negative → blue, zero → editor background, positive → red: a diverging scale that follows the theme. */
export interface DivergingScale {
  negative: Rgb;
  zero: Rgb;
  positive: Rgb;
}

export function themeScale(): DivergingScale {
  return {
    negative: parseColor(cssVar('--vscode-charts-blue', '#3794ff'), [55, 148, 255]),
    zero: parseColor(cssVar('--vscode-editor-background', '#1e1e1e'), [30, 30, 30]),
    positive: parseColor(cssVar('--vscode-charts-red', '#f14c4c'), [241, 76, 76]),
  };
}

/** Colour for value v on a symmetric domain [-max, max]; NaN gets the zero colour. */
export function colorAt(scale: DivergingScale, v: number, max: number): Rgb {
  if (!Number.isFinite(v) || max <= 0) return scale.zero;
  const t = Math.max(-1, Math.min(1, v / max));
  const end = t < 0 ? scale.negative : scale.positive;
  const a = Math.abs(t);
  return [
    Math.round(scale.zero[0] + (end[0] - scale.zero[0]) * a),
    Math.round(scale.zero[1] + (end[1] - scale.zero[1]) * a),
    Math.round(scale.zero[2] + (end[2] - scale.zero[2]) * a),
  ];
}

export function rgbCss([r, g, b]: Rgb): string {
  return `rgb(${r}, ${g}, ${b})`;
}
