/** The config form (vscode-elements): the run's config in, a Partial<TrainConfig> out when Retrain is pressed. */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/index.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/index.js';
import {
  CELLS,
  CONFIG_LIMITS,
  DESEASONALIZE,
  type CellType,
  type NumberLimit,
  type TrainConfig,
} from '../../shared/schema/config';
import type { PanelStrings } from '../../shared/protocol';
import { el } from './dom';

type NumberField =
  | 'layers'
  | 'units'
  | 'window'
  | 'epochs'
  | 'batchSize'
  | 'learningRate'
  | 'validationSplit'
  | 'seed'
  | 'timeBudgetSeconds';
/** The form's fields, in order; their ranges are the config schema's. */
const NUMBER_FIELDS: NumberField[] = [
  'layers',
  'units',
  'window',
  'epochs',
  'batchSize',
  'learningRate',
  'validationSplit',
  'seed',
  'timeBudgetSeconds',
];

/** Whether a typed value is one the core accepts (the same rule its schema applies). */
function inRange(key: NumberField, v: number): boolean {
  const l: NumberLimit = CONFIG_LIMITS[key];
  return (
    Number.isFinite(v) &&
    (l.exclusiveMin ? v > l.min : v >= l.min) &&
    v <= l.max &&
    (!l.integer || Number.isInteger(v))
  );
}

export class ConfigForm {
  readonly element: HTMLFormElement;
  private readonly cell: VscodeSingleSelect;
  private readonly deseasonalize: VscodeSingleSelect;
  private readonly fields = new Map<NumberField, VscodeTextfield>();

  constructor(parent: HTMLElement, strings: PanelStrings, onRetrain: (config: Partial<TrainConfig>) => void) {
    this.element = el('form', 'config-form');
    this.element.noValidate = true;
    this.cell = document.createElement('vscode-single-select') as VscodeSingleSelect;
    this.cell.id = 'cfg-cell';
    const labels: Record<CellType, string> = { rnn: 'SimpleRNN', gru: 'GRU', lstm: 'LSTM' };
    for (const value of CELLS) {
      const label = labels[value];
      const o = document.createElement('vscode-option');
      o.setAttribute('value', value);
      o.textContent = label;
      this.cell.appendChild(o);
    }
    this.row(strings.cell, this.cell);
    for (const key of NUMBER_FIELDS) {
      const f = CONFIG_LIMITS[key];
      const input = document.createElement('vscode-textfield') as VscodeTextfield;
      input.id = `cfg-${key}`;
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
      this.fields.set(key, input);
      this.row(strings[key], input);
    }
    const choices = { auto: strings.deseasonAuto, on: strings.deseasonOn, off: strings.deseasonOff };
    this.deseasonalize = select('cfg-deseasonalize', choices);
    this.row(strings.deseasonalize, this.deseasonalize);
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
    // Absent in configs from before the setting: those models never removed a season.
    this.deseasonalize.value = config.deseasonalize ?? 'off';
    // An absent budget is no budget (a config from before budgets existed).
    for (const [key, input] of this.fields) input.value = String(config[key] ?? 0);
  }

  /** Only valid fields are returned; an invalid one is marked and left to the current value. */
  read(): Partial<TrainConfig> {
    const out: Partial<TrainConfig> = {};
    const cell = this.cell.value;
    const known = CELLS.find((c) => c === cell);
    if (known) out.cell = known;
    const d = DESEASONALIZE.find((c) => c === this.deseasonalize.value);
    if (d) out.deseasonalize = d;
    for (const key of NUMBER_FIELDS) {
      const input = this.fields.get(key);
      if (!input) continue;
      const v = Number(input.value);
      const ok = input.value.trim() !== '' && inRange(key, v);
      input.invalid = !ok;
      if (ok) out[key] = v;
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

/** A single-select of fixed choices, value → label. */
function select(id: string, choices: Record<string, string>): VscodeSingleSelect {
  const s = document.createElement('vscode-single-select') as VscodeSingleSelect;
  s.id = id;
  for (const [value, label] of Object.entries(choices)) {
    const o = document.createElement('vscode-option');
    o.setAttribute('value', value);
    o.textContent = label;
    s.appendChild(o);
  }
  return s;
}
