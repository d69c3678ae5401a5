/**
 * A global run's series selector (vscode-elements, like the config form, so it is keyboard-operable and themed): the
 * predictions chart and the heatmap show the series it names. Views of another series that were already on their way
 * when the user chose are ignored.
 */
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/index.js';
import type { PanelStrings } from '../../shared/protocol';
import { el, format } from './dom';

export class SeriesSelector {
  readonly root = el('div', 'series-selector');
  private readonly select: VscodeSingleSelect;
  private readonly note = el('p', 'series-note');
  private names: string[] = [];
  /** The series the user chose; undefined until then (the run shows its first). */
  private chosen: string | undefined;

  constructor(
    private readonly s: PanelStrings,
    private readonly onSelect: (series: string) => void,
  ) {
    this.root.hidden = true;
    const label = document.createElement('vscode-label');
    label.textContent = s.seriesShown;
    label.setAttribute('for', 'series-select');
    this.select = document.createElement('vscode-single-select') as VscodeSingleSelect;
    this.select.id = 'series-select';
    this.select.setAttribute('aria-label', s.seriesShown);
    this.select.addEventListener('change', () => this.choose(this.select.value));
    this.note.setAttribute('role', 'status');
    this.root.append(label, this.select, this.note);
  }

  /** The run's series; fewer than two hide the selector. */
  setNames(names: readonly string[] | undefined): void {
    if (!names || sameList(names, this.names)) return;
    const shown = this.select.value;
    this.names = [...names];
    this.select.replaceChildren(
      ...this.names.map((n) => {
        const o = document.createElement('vscode-option');
        o.setAttribute('value', n);
        o.textContent = n;
        return o;
      }),
    );
    this.root.hidden = this.names.length < 2;
    if (shown) this.select.value = shown;
  }

  /** Selects `series` as if the user picked it in the list (a row of the per-series table). */
  choose(series: string): void {
    if (!this.names.includes(series)) return;
    this.note.textContent = '';
    if (this.select.value !== series) this.select.value = series;
    if (series === this.chosen) return;
    this.chosen = series;
    this.root.dataset.selected = series;
    this.onSelect(series);
  }

  /** Whether a view of `series` is to be drawn, and the list then names it (before any choice, the run's pick). */
  accepts(series: string | undefined): boolean {
    if (series === undefined) return true;
    if (this.chosen !== undefined && series !== this.chosen) return false;
    if (this.select.value !== series && this.names.includes(series)) this.select.value = series;
    this.root.dataset.shown = series;
    return true;
  }

  /** The chosen series has no view (the run kept no model, or the file lost the series). */
  missing(series: string, message = ''): void {
    if (series === this.chosen) this.note.textContent = format(this.s.seriesViewMissing, series, message);
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
