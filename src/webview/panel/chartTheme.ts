/** Chart colours from the theme's --vscode-* variables, read fresh at every (re)draw so theme changes apply. */
import { cssVar, parseColor } from '../common/colors';

export interface ChartColors {
  fg: string;
  grid: string;
  train: string;
  val: string;
  batch: string;
  actual: string;
  predicted: string;
  naive: string;
  /** A fifth line colour (the backtest compares five methods). */
  extra: string;
  /** An interval band: the forecast's colour, mostly transparent. */
  band: string;
}

export function chartColors(): ChartColors {
  const fg = cssVar('--vscode-foreground', '#cccccc');
  return {
    fg,
    grid: cssVar('--vscode-editorWidget-border', cssVar('--vscode-panel-border', 'rgba(128,128,128,0.35)')),
    train: cssVar('--vscode-charts-blue', '#3794ff'),
    val: cssVar('--vscode-charts-orange', '#d18616'),
    batch: cssVar('--vscode-descriptionForeground', '#999999'),
    actual: fg,
    predicted: cssVar('--vscode-charts-green', '#89d185'),
    naive: cssVar('--vscode-charts-purple', '#b180d7'),
    extra: cssVar('--vscode-charts-yellow', '#cca700'),
    band: translucent(cssVar('--vscode-charts-green', '#89d185'), 0.22),
  };
}

function translucent(css: string, alpha: number): string {
  const [r, g, b] = parseColor(css, [137, 209, 133]);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** Exponential moving average, the usual way a noisy per-batch loss is shown. */
export function smooth(values: readonly number[], alpha = 0.1): number[] {
  const out: number[] = [];
  let s = Number.NaN;
  for (const v of values) {
    if (!Number.isFinite(v)) {
      out.push(s);
      continue;
    }
    s = Number.isNaN(s) ? v : s + alpha * (v - s);
    out.push(s);
  }
  return out;
}
