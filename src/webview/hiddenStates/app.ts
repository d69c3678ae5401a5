/**
 * The Hidden States view's DOM: controls, the input strip, the h_t heatmap, the chosen unit over time, the final state
 * h_T and each unit's saturation. Every label comes from the host's strings; all text is set with textContent.
 */
import type { HiddenStates } from '../../shared/types';
import type { HiddenStatesStrings } from '../../shared/protocol';
import { cssVar } from '../common/colors';
import { Heatmap, formatValue } from '../common/heatmap';
import { drawStepLine, drawUnitBars } from './charts';
import { finalState, layerValues, saturation } from './stateMath';
import { summaryTable } from './summaryTable';
import { el } from './dom';

export interface AppCallbacks {
  selectWindow(start: number): void;
  rendered(states: HiddenStates): void;
  saveUi(ui: UiState): void;
}

/** What survives a reload of the webview (vscode.setState). */
export interface UiState {
  layer: number;
  showCell: boolean;
  unit: number;
}

export class HiddenStatesApp {
  private states: HiddenStates | undefined;
  private seriesLength: number | undefined;
  private readonly title = el('h2', 'title');
  private readonly status = el('p', 'status');
  private readonly layerSelect = el('select');
  private readonly stateToggle = el('fieldset', 'state-toggle');
  private readonly hRadio = el('input');
  private readonly cRadio = el('input');
  private readonly slider = el('input');
  private readonly sliderText = el('span', 'slider-text');
  private readonly latest = el('button', 'latest');
  private readonly inputCanvas = el('canvas', 'input-strip');
  private readonly heatmap: Heatmap;
  private readonly unitTitle = el('h3');
  private readonly unitCanvas = el('canvas', 'unit-trace');
  private readonly finalCanvas = el('canvas', 'final-bars');
  private readonly satCanvas = el('canvas', 'saturation-bars');
  private readonly satText = el('p', 'saturation-text');
  private readonly summary = el('details', 'summary-table');
  private readonly body = el('div', 'content');
  /** Where the explain section draws saliency bars (right under the inputs) and the rest (after the charts). */
  readonly saliencyMount = el('div', 'saliency');
  readonly explainMount = el('div', 'explain');
  /** Where a global model's series picker sits, under the title. */
  readonly seriesMount = el('div', 'series-picker');
  /** Holds the heatmap canvas; the explain section brushes time ranges on it. */
  readonly heatWrap = el('div', 'heatmap-wrap');
  /** Called after the charts are drawn (resize, theme change, new data), so other canvases follow. */
  onDraw: (() => void) | undefined;
  /** A time range brushed on the heatmap with the keyboard: first and last step of the window shown. */
  onBrush: ((first: number, last: number) => void) | undefined;
  /** Per layer, the order its units' rows are drawn in ("sort by meaning"); undefined keeps unit order. */
  private rowOrders: number[][] | undefined;
  private debounce: ReturnType<typeof setTimeout> | undefined;

  constructor(
    root: HTMLElement,
    private readonly s: HiddenStatesStrings,
    private ui: UiState,
    private readonly callbacks: AppCallbacks,
  ) {
    this.status.setAttribute('role', 'status');
    const controls = el('div', 'controls');
    const layerLabel = el('label', undefined, s.layer);
    layerLabel.append(this.layerSelect);
    this.layerSelect.addEventListener('change', () => this.setUi({ layer: Number(this.layerSelect.value) }));

    const legend = el('legend', undefined, s.state);
    for (const [radio, label, c] of [
      [this.hRadio, s.hidden, false],
      [this.cRadio, s.cell, true],
    ] as const) {
      radio.type = 'radio';
      radio.name = 'state';
      radio.addEventListener('change', () => radio.checked && this.setUi({ showCell: c }));
      const wrap = el('label', undefined);
      wrap.append(radio, document.createTextNode(` ${label}`));
      this.stateToggle.append(wrap);
    }
    this.stateToggle.prepend(legend);

    const sliderLabel = el('label', 'slider', s.window);
    this.slider.type = 'range';
    this.slider.min = '0';
    this.slider.step = '1';
    this.slider.addEventListener('input', () => this.windowChanged());
    sliderLabel.append(this.slider, this.sliderText);
    this.latest.type = 'button';
    this.latest.textContent = s.latest;
    this.latest.addEventListener('click', () => {
      this.slider.value = this.slider.max;
      this.windowChanged();
    });
    controls.append(layerLabel, this.stateToggle, sliderLabel, this.latest);

    const inputTitle = el('h3', undefined, s.input);
    this.inputCanvas.setAttribute('role', 'img');
    this.inputCanvas.setAttribute('aria-label', s.input);
    const heatWrap = this.heatWrap;
    this.heatmap = new Heatmap(heatWrap, {
      strings: { row: s.unit, col: s.step, table: s.table, brushed: s.brushed },
      ariaLabel: s.heatmap,
      onSelectRow: (u) => this.setUi({ unit: u }),
      onBrush: (first, last) => this.onBrush?.(first, last),
    });
    const hint = el('p', 'hint', s.unitHint);
    this.unitCanvas.setAttribute('role', 'img');
    const finalTitle = el('h3', undefined, s.final);
    this.finalCanvas.setAttribute('role', 'img');
    this.finalCanvas.setAttribute('aria-label', s.final);
    const satTitle = el('h3', undefined, s.saturation);
    this.satCanvas.setAttribute('role', 'img');
    this.satCanvas.setAttribute('aria-label', s.saturation);
    this.body.append(
      controls,
      inputTitle,
      this.inputCanvas,
      this.saliencyMount,
      heatWrap,
      hint,
      this.unitTitle,
      this.unitCanvas,
      finalTitle,
      this.finalCanvas,
      satTitle,
      this.satCanvas,
      this.satText,
      this.summary,
      this.explainMount,
    );
    this.body.hidden = true;
    root.replaceChildren(this.title, this.seriesMount, this.status, this.body);
    this.setStatus(s.empty);
    new ResizeObserver(() => this.drawCharts()).observe(this.body);
    // VS Code swaps body classes on a theme change: redraw so the charts pick up the new colours.
    new MutationObserver(() => this.drawCharts()).observe(document.body, {
      attributes: true,
      attributeFilter: ['class'],
    });
  }

  /** The heatmap's time axis, and the window drawn (its first row and steps). */
  geometry(): ReturnType<Heatmap['geometry']> {
    return this.heatmap.geometry();
  }

  setRowOrders(orders: number[][] | undefined): void {
    this.rowOrders = orders;
    this.heatmap.setRowOrder(orders?.[this.ui.layer]);
  }

  get shownWindow(): { start: number; steps: number } | undefined {
    return this.states && { start: this.states.start, steps: this.states.steps };
  }

  setTitle(text: string): void {
    this.title.textContent = text;
  }

  setStatus(text: string): void {
    this.status.textContent = text;
    this.status.hidden = !text;
  }

  show(states: HiddenStates, seriesLength?: number): void {
    this.states = states;
    this.seriesLength = seriesLength ?? this.seriesLength;
    this.body.hidden = false;
    // Which window is drawn, for tests and anyone inspecting the DOM.
    this.body.dataset.start = String(states.start);
    this.layerSelect.replaceChildren(
      ...states.layers.map((_, i) => {
        const o = el('option', undefined, this.s.layerN.replace('{0}', String(i + 1)));
        o.value = String(i);
        return o;
      }),
    );
    this.ui.layer = Math.min(this.ui.layer, states.layers.length - 1);
    this.ui.unit = Math.min(this.ui.unit, states.units - 1);
    this.layerSelect.value = String(this.ui.layer);
    this.layerSelect.disabled = states.layers.length < 2;
    this.stateToggle.hidden = states.cell !== 'lstm';
    if (states.cell !== 'lstm') this.ui.showCell = false;
    this.hRadio.checked = !this.ui.showCell;
    this.cRadio.checked = this.ui.showCell;
    const maxStart = Math.max(0, (this.seriesLength ?? states.start + states.steps) - states.steps);
    this.slider.max = String(maxStart);
    this.slider.value = String(Math.min(states.start, maxStart));
    this.slider.disabled = this.seriesLength === undefined || maxStart === 0;
    this.updateSliderText(states.start);
    this.render();
  }

  private setUi(patch: Partial<UiState>): void {
    this.ui = { ...this.ui, ...patch };
    this.callbacks.saveUi(this.ui);
    this.render();
  }

  private windowChanged(): void {
    const start = Number(this.slider.value);
    this.updateSliderText(start);
    // Dragging fires many inputs; probe once the thumb rests.
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.callbacks.selectWindow(start), 250);
  }

  private updateSliderText(start: number): void {
    const steps = this.states?.steps ?? 0;
    const total = this.seriesLength ?? start + steps;
    this.sliderText.textContent = this.s.windowOf
      .replace('{0}', String(start + 1))
      .replace('{1}', String(start + steps))
      .replace('{2}', String(total));
    this.slider.setAttribute('aria-valuetext', this.sliderText.textContent);
  }

  private render(): void {
    const st = this.states;
    if (!st) return;
    const values = layerValues(st, this.ui.layer, this.ui.showCell);
    // tanh-bounded h_t shares one fixed scale so colours compare across windows; c_t is unbounded.
    this.heatmap.setData({
      values,
      steps: st.steps,
      units: st.units,
      maxAbs: this.ui.showCell ? undefined : 1,
    });
    this.heatmap.setRowOrder(this.rowOrders?.[this.ui.layer]);
    this.heatmap.selectRow(this.ui.unit);
    this.drawCharts();
    const fin = finalState(values, st.steps, st.units);
    const sat = saturation(values, st.steps, st.units);
    const many = sat.filter((v) => v > 0.5).length;
    this.satText.textContent = this.s.saturated.replace('{0}', String(many)).replace('{1}', String(st.units));
    summaryTable(this.summary, this.s, fin, sat, formatValue);
    this.callbacks.rendered(st);
  }

  private drawCharts(): void {
    const st = this.states;
    if (!st || this.body.hidden) return;
    const g = this.heatmap.geometry();
    const values = layerValues(st, this.ui.layer, this.ui.showCell);
    drawStepLine(this.inputCanvas, st.input, g, 48, cssVar('--vscode-charts-green', '#89d185'));
    const unit = Math.max(0, this.ui.unit);
    const trace = Array.from({ length: st.steps }, (_, t) => values[t * st.units + unit]);
    this.unitTitle.textContent = this.s.unitTrace.replace('{0}', String(unit + 1));
    this.unitCanvas.setAttribute(
      'aria-label',
      `${this.unitTitle.textContent}: ${trace.map(formatValue).join(', ')}`,
    );
    drawStepLine(this.unitCanvas, trace, g, 60, cssVar('--vscode-charts-orange', '#d18616'));
    const fin = finalState(values, st.steps, st.units);
    const bound = this.ui.showCell ? Math.max(1e-6, ...Array.from(fin, Math.abs)) : 1;
    drawUnitBars(this.finalCanvas, fin, g.width, 60, -bound, bound, this.ui.unit);
    drawUnitBars(this.satCanvas, saturation(values, st.steps, st.units), g.width, 40, 0, 1, this.ui.unit);
    this.onDraw?.();
  }
}
