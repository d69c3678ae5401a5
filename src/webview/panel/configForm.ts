/** The config form (vscode-elements): the run's config in, a Partial<TrainConfig> out when Retrain is pressed. */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/index.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { CellType, TrainConfig } from '../../model/types';
import { el } from './dom';

type NumberField = 'layers' | 'units' | 'window' | 'epochs' | 'batchSize' | 'learningRate' | 'validationSplit' | 'seed';
const NUMBER_FIELDS: Array<{ key: NumberField; integer: boolean; min: number; max: number }> = [
  { key: 'layers', integer: true, min: 1, max: 3 },
  { key: 'units', integer: true, min: 1, max: 512 },
  { key: 'window', integer: true, min: 0, max: 1000 },
  { key: 'epochs', integer: true, min: 1, max: 10000 },
  { key: 'batchSize', integer: true, min: 1, max: 4096 },
  { key: 'learningRate', integer: false, min: 1e-6, max: 1 },
  { key: 'validationSplit', integer: false, min: 0.05, max: 0.5 },
  { key: 'seed', integer: true, min: 1, max: 2 ** 31 - 1 },
];

export class ConfigForm {
  readonly element: HTMLFormElement;
  private readonly cell: VscodeSingleSelect;
  private readonly fields = new Map<NumberField, VscodeTextfield>();

  constructor(parent: HTMLElement, strings: Record<string, string>, onRetrain: (config: Partial<TrainConfig>) => void) {
    this.element = el('form', 'config-form');
    this.element.noValidate = true;
    this.cell = document.createElement('vscode-single-select') as VscodeSingleSelect;
    this.cell.id = 'cfg-cell';
    for (const [value, label] of [['rnn', 'SimpleRNN'], ['gru', 'GRU'], ['lstm', 'LSTM']]) {
      const o = document.createElement('vscode-option');
      o.setAttribute('value', value);
      o.textContent = label;
      this.cell.appendChild(o);
    }
    this.row(strings.cell, this.cell);
    for (const f of NUMBER_FIELDS) {
      const input = document.createElement('vscode-textfield') as VscodeTextfield;
      input.id = `cfg-${f.key}`;
      if (f.integer) {
        input.setAttribute('type', 'number');
        input.setAttribute('min', String(f.min));
        input.setAttribute('max', String(f.max));
        input.setAttribute('step', '1');
      } else {
        // A number field's step rules would flag values like 0.003 as invalid; read() checks the range instead.
        input.setAttribute('type', 'text');
        input.setAttribute('inputmode', 'decimal');
      }
      this.fields.set(f.key, input);
      this.row(strings[f.key] ?? f.key, input);
    }
    const retrain = document.createElement('vscode-button');
    retrain.id = 'retrain';
    retrain.textContent = strings.retrain;
    retrain.addEventListener('click', () => onRetrain(this.read()));
    this.element.appendChild(el('div', 'form-actions')).appendChild(retrain);
    this.element.addEventListener('submit', (e) => {
      e.preventDefault();
      onRetrain(this.read());
    });
    parent.appendChild(this.element);
  }

  fill(config: TrainConfig): void {
    this.cell.value = config.cell;
    for (const [key, input] of this.fields) input.value = String(config[key]);
  }

  /** Only valid fields are returned; an invalid one is marked and left to the current value. */
  read(): Partial<TrainConfig> {
    const out: Partial<TrainConfig> = {};
    const cell = this.cell.value;
    if (cell === 'rnn' || cell === 'gru' || cell === 'lstm') out.cell = cell as CellType;
    for (const f of NUMBER_FIELDS) {
      const input = this.fields.get(f.key);
      if (!input) continue;
      const v = Number(input.value);
      const ok = input.value.trim() !== '' && Number.isFinite(v) && v >= f.min && v <= f.max && (!f.integer || Number.isInteger(v));
      input.invalid = !ok;
      if (ok) out[f.key] = v;
    }
    return out;
  }

  private row(label: string, control: HTMLElement): void {
    const row = el('div', 'form-row');
    const l = document.createElement('vscode-label');
    l.textContent = label;
    l.setAttribute('for', control.id);
    row.append(l, control);
    this.element.appendChild(row);
  }
}
