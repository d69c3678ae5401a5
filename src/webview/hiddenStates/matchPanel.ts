/**
 * Select and match: a row range chosen by dragging across the heatmap (mouse) or typed into the From/To fields
 * (keyboard), the similarity, threshold and unit subset, and the matches as buttons that reveal their row in the
 * data file.
 */
import type { ExplainStrings, Explained, MatchQuery } from '../../shared/protocol';
import { formatValue, type HeatmapGeometry } from '../common/heatmap';
import { el } from './dom';

export interface MatchHost {
  geometry(): HeatmapGeometry;
  readonly shownWindow: { start: number; steps: number } | undefined;
  readonly heatWrap: HTMLElement;
  match(query: MatchQuery): void;
  reveal(row: number): void;
}

export class MatchPanel {
  readonly element = el('div', 'match-panel');
  private readonly from = el('input');
  private readonly to = el('input');
  private readonly method = el('select');
  private readonly threshold = el('input');
  private readonly units = el('input');
  private readonly find = el('button', 'find-matches');
  private readonly list = el('ol', 'match-list');
  private readonly status = el('p', 'hint');
  private built = false;
  private dragFrom: number | undefined;

  constructor(private readonly host: MatchHost) {
    this.element.hidden = true;
    for (const i of [this.from, this.to]) {
      i.type = 'number';
      i.min = '0';
      i.step = '1';
    }
    this.threshold.type = 'number';
    this.threshold.step = '0.05';
    this.threshold.min = '-1';
    this.threshold.max = '1';
    this.threshold.value = '0.3';
    this.find.type = 'button';
    this.find.addEventListener('click', () => this.submit());
    this.status.setAttribute('role', 'status');
    // Brushing: a drag across time steps of the heatmap selects those rows; a click without a drag stays unit selection.
    host.heatWrap.addEventListener('pointerdown', (e) => (this.dragFrom = this.stepAt(e)));
    host.heatWrap.addEventListener('pointerup', (e) => {
      const a = this.dragFrom;
      this.dragFrom = undefined;
      const b = this.stepAt(e);
      if (a !== undefined && b !== undefined && a !== b) this.brush(Math.min(a, b), Math.max(a, b));
    });
  }

  /** Matches the rows under time steps first..last (inclusive) of the window shown, however they were brushed. */
  brush(first: number, last: number): void {
    const w = this.host.shownWindow;
    if (!w) return;
    this.from.value = String(w.start + first);
    this.to.value = String(w.start + last + 1);
    this.submit();
  }

  /** Matches rows [start, end) brushed elsewhere (the series chart). */
  matchRows(start: number, end: number): void {
    this.from.value = String(start);
    this.to.value = String(end);
    this.submit();
  }

  /** The rows last asked for, as the From/To fields hold them. */
  get range(): { start: number; end: number } | undefined {
    const start = Number(this.from.value);
    const end = Number(this.to.value);
    return this.from.value && Number.isInteger(start) && Number.isInteger(end) && end > start
      ? { start, end }
      : undefined;
  }

  private stepAt(e: PointerEvent): number | undefined {
    const w = this.host.shownWindow;
    const canvas = this.host.heatWrap.querySelector('canvas.hm-canvas');
    if (!w || !canvas) return undefined;
    const g = this.host.geometry();
    const x = e.clientX - canvas.getBoundingClientRect().left;
    const t = Math.floor((x - g.left) / g.cellWidth);
    return t >= 0 && t < w.steps ? t : undefined;
  }

  private strings: ExplainStrings | undefined;

  private build(s: ExplainStrings): void {
    this.strings = s;
    if (this.built) return;
    this.built = true;
    for (const m of ['cosine', 'overlap'] as const) {
      const o = el('option', undefined, s[m]);
      o.value = m;
      this.method.append(o);
    }
    this.find.textContent = s.findMatches;
    const field = (text: string, input: HTMLElement) => {
      const l = el('label', undefined, `${text} `);
      l.append(input);
      return l;
    };
    const controls = el('div', 'controls');
    controls.append(
      field(s.from, this.from),
      field(s.to, this.to),
      field(s.method, this.method),
      field(s.threshold, this.threshold),
      field(s.units, this.units),
      this.find,
    );
    this.element.append(
      el('h3', undefined, s.match),
      el('p', 'hint', s.matchHint),
      controls,
      el('h3', undefined, s.matches),
      this.status,
      this.list,
    );
  }

  private submit(): void {
    const start = Number(this.from.value);
    const end = Number(this.to.value);
    if (!Number.isInteger(start) || !Number.isInteger(end) || end <= start || start < 0) return;
    const units = this.units.value
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)
      .map((x) => Number(x) - 1)
      .filter((k) => Number.isInteger(k) && k >= 0);
    const threshold = Number(this.threshold.value);
    this.status.textContent = this.strings?.computing ?? '';
    this.list.replaceChildren();
    this.element.dataset.busy = 'true';
    this.host.match({
      start,
      end,
      method: this.method.value === 'overlap' ? 'overlap' : 'cosine',
      ...(Number.isFinite(threshold) ? { threshold } : {}),
      ...(units.length ? { units } : {}),
    });
  }

  show(s: ExplainStrings, e: Explained | undefined, error: string | undefined): void {
    this.build(s);
    this.element.hidden = false;
    // After a failed query the last report's matches belong to another range: list none.
    const matches = error ? [] : (e?.report.matches ?? []);
    this.status.textContent = error ?? (matches.length ? '' : s.noMatches);
    delete this.element.dataset.busy;
    this.list.replaceChildren(
      ...matches.map((m) => {
        const li = el('li');
        const b = el(
          'button',
          'match',
          s.matchRow
            .replace('{0}', String(m.start))
            .replace('{1}', String(m.end - 1))
            .replace('{2}', formatValue(m.score)),
        );
        b.type = 'button';
        b.dataset.row = String(m.start);
        b.addEventListener('click', () => this.host.reveal(m.start));
        li.append(b);
        return li;
      }),
    );
  }
}
