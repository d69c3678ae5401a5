/**
 * "All series" of Predict Next Value: one table of every series' next value and interval, in an editor tab. The page
 * is written on the host with every workspace text escaped; its only script (nonce-locked) sorts rows, and the
 * headings are buttons, so the keyboard sorts too. The table is its own text alternative: there is no chart.
 */
import * as vscode from 'vscode';
import { makeNonce } from '../webviewPage';
import { formatNumber, TABLE } from '../../shared/formatNumber';
import type { PredictedSeries } from '../../shared/protocol';

export interface TableRow {
  series: string;
  next: number;
  low: number;
  high: number;
  /** Share of held-out values the interval covered when calibrated, if measured. */
  coverage?: number;
}

export interface ForecastTableSpec {
  title: string;
  caption: string;
  level: number;
  rows: TableRow[];
  skipped: { name: string; reason: string }[];
}

export function tableRows(forecasts: PredictedSeries[]): TableRow[] {
  return forecasts.map((f) => ({
    series: f.series,
    next: f.next,
    low: f.interval[0],
    high: f.interval[1],
    ...(f.coverage !== undefined && { coverage: f.coverage }),
  }));
}

/** Owns the forecast tables' tabs: one per model, brought back to the front when predicted again. */
export class ForecastTables implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();
  private last: vscode.WebviewPanel | undefined;

  show(key: string, spec: ForecastTableSpec): vscode.WebviewPanel {
    let panel = this.panels.get(key);
    if (!panel) {
      panel = vscode.window.createWebviewPanel(
        'seqlab.forecastTable',
        spec.title,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
        { enableScripts: true, enableCommandUris: false, localResourceRoots: [] },
      );
      const opened = panel;
      this.panels.set(key, opened);
      opened.onDidDispose(() => {
        this.panels.delete(key);
        if (this.last === opened) this.last = undefined;
      });
    }
    panel.title = spec.title;
    panel.webview.html = tablePage(spec, makeNonce(), vscode.env.language);
    panel.reveal(undefined, false);
    this.last = panel;
    return panel;
  }

  /** The newest table's tab title and page, for tests that read what the user sees. */
  lastShown(): { title: string; html: string } | undefined {
    return this.last && { title: this.last.title, html: this.last.webview.html };
  }

  dispose(): void {
    for (const p of this.panels.values()) p.dispose();
    this.panels.clear();
  }
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );
}

/** A numeric cell: shown rounded, sorted and read back (data-value) at full precision. */
function numberCell(v: number | undefined, missing: string): string {
  if (v === undefined || !Number.isFinite(v)) return `<td data-value="">${escapeHtml(missing)}</td>`;
  return `<td data-value="${String(v)}">${escapeHtml(formatNumber(v, TABLE))}</td>`;
}

export function tablePage(spec: ForecastTableSpec, nonce: string, lang: string): string {
  const t = vscode.l10n.t;
  const pct = Math.round(spec.level * 100);
  const heads = [
    t('Series'),
    t('Next value'),
    t('{0}% low', pct),
    t('{0}% high', pct),
    t('Coverage when calibrated'),
  ];
  const notMeasured = t('not measured');
  const body = spec.rows
    .map((r) => {
      const coverage =
        r.coverage === undefined
          ? `<td data-value="">${escapeHtml(notMeasured)}</td>`
          : `<td data-value="${String(r.coverage)}">${Math.round(r.coverage * 100)}%</td>`;
      return (
        `<tr><th scope="row" data-value="${escapeHtml(r.series)}">${escapeHtml(r.series)}</th>` +
        numberCell(r.next, '—') +
        numberCell(r.low, '—') +
        numberCell(r.high, '—') +
        coverage +
        '</tr>'
      );
    })
    .join('\n');
  const head = heads
    .map((h, i) => `<th scope="col"><button type="button" data-col="${i}">${escapeHtml(h)}</button></th>`)
    .join('');
  const skipped =
    spec.skipped.length === 0
      ? ''
      : `<h2>${escapeHtml(t('No forecast'))}</h2><ul>${spec.skipped
          .map((s) => `<li>${escapeHtml(`${s.name}: ${s.reason}`)}</li>`)
          .join('')}</ul>`;
  return `<!DOCTYPE html>
<html lang="${encodeURIComponent(lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(spec.title)}</title>
<style nonce="${nonce}">
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
table { border-collapse: collapse; }
th, td { padding: 2px 10px; border-bottom: 1px solid var(--vscode-panel-border); text-align: right; }
th[scope=row], thead th:first-child { text-align: left; }
button { color: inherit; background: none; border: 0; font: inherit; font-weight: bold; cursor: pointer; padding: 2px 0; }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
th[aria-sort=ascending] button::after { content: ' ▲'; }
th[aria-sort=descending] button::after { content: ' ▼'; }
.hint { color: var(--vscode-descriptionForeground); }
</style>
</head>
<body>
<main>
<p class="hint">${escapeHtml(t('Select a column heading (Enter or Space) to sort by it; again to reverse.'))}</p>
<table id="forecasts">
<caption>${escapeHtml(spec.caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
${skipped}
</main>
<script nonce="${nonce}">
const table = document.getElementById('forecasts');
for (const button of table.querySelectorAll('thead button')) {
  button.addEventListener('click', () => {
    const col = Number(button.dataset.col);
    const th = button.parentElement;
    const ascending = th.getAttribute('aria-sort') !== 'ascending';
    for (const h of table.querySelectorAll('thead th')) h.removeAttribute('aria-sort');
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    const body = table.tBodies[0];
    const key = (tr) => tr.children[col].dataset.value;
    const rows = [...body.rows].sort((a, b) => {
      const x = key(a), y = key(b);
      const c = col === 0 ? x.localeCompare(y) : (x === '' ? Infinity : Number(x)) - (y === '' ? Infinity : Number(y));
      return (ascending ? 1 : -1) * (Number.isNaN(c) ? 0 : c);
    });
    body.append(...rows);
  });
}
</script>
</body>
</html>`;
}
