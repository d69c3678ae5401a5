import * as assert from 'node:assert/strict';
import {
  isFromHiddenStatesMessage,
  isFromWebviewMessage,
  isFromWorkerMessage,
  isToHiddenStatesMessage,
  isHiddenStates,
  isPartialTrainConfig,
  isToWebviewMessage,
  isToWorkerMessage,
} from '../../../src/shared/protocolGuards';
import { DEFAULT_CONFIG } from '../../../src/model/config';
import { HIDDEN_STATES_STRING_KEYS } from '../../../src/shared/schema/hiddenStatesMessages';
import { PANEL_STRING_KEYS } from '../../../src/shared/schema/panelMessages';

const metrics = { mae: 1, mse: 1, rmse: 1, mape: Number.NaN, smape: 1, mase: 1 };
const hidden = {
  cell: 'gru',
  steps: 2,
  units: 3,
  start: 0,
  input: [1, 2],
  layers: [{ h: new Float32Array(6) }],
};

describe('protocol validators', () => {
  it('accept every webview → host message the panel sends', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'stop', keep: true },
      { type: 'retrain', config: { units: 8, cell: 'lstm' } },
      { type: 'revealModel' },
      { type: 'log', level: 'warn', message: 'x' },
    ]) {
      assert.ok(isFromWebviewMessage(m), JSON.stringify(m));
    }
  });

  it('give the Hidden States view its own protocol: a drawn heatmap is a message, and the panel cannot send it', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'selectWindow', start: 3 },
      { type: 'rendered', cell: 'lstm', units: 6, steps: 8, layers: 1 },
      { type: 'log', level: 'info', message: 'x' },
    ]) {
      assert.ok(isFromHiddenStatesMessage(m), JSON.stringify(m));
    }
    assert.equal(isFromWebviewMessage({ type: 'selectWindow', start: 3 }), false);
    assert.equal(
      isFromHiddenStatesMessage({ type: 'rendered', cell: 'lstm', units: -1, steps: 8, layers: 1 }),
      false,
    );
  });

  it("check each webview's string bag key by key", () => {
    const hiddenStrings = Object.fromEntries(HIDDEN_STATES_STRING_KEYS.map((k) => [k, k]));
    assert.ok(isToHiddenStatesMessage({ type: 'init', title: '', strings: hiddenStrings }));
    const { empty: _missing, ...withoutOne } = hiddenStrings;
    assert.equal(isToHiddenStatesMessage({ type: 'init', title: '', strings: withoutOne }), false);
    assert.equal(
      isToHiddenStatesMessage({ type: 'init', title: '', strings: { ...hiddenStrings, extra: 'x' } }),
      false,
    );
    const panelStrings = Object.fromEntries(PANEL_STRING_KEYS.map((k) => [k, k]));
    const init = {
      type: 'init',
      title: 't',
      file: 'f',
      column: 'c',
      config: DEFAULT_CONFIG,
      strings: panelStrings,
    };
    assert.ok(isToWebviewMessage(init));
    assert.equal(isToWebviewMessage({ ...init, strings: { ...panelStrings, loss: 3 } }), false);
  });

  it("cap an explain request's match units at the most units a model can have (issue 20: 30,000 took 62 s)", () => {
    const base = { type: 'explain', source: { path: '/w/a.csv' }, modelDir: '/m', modelBase: '/w' };
    const match = (units: number[]) => ({ ...base, match: { start: 40, end: 46, units } });
    assert.ok(isToWorkerMessage(match(Array.from({ length: 512 }, (_, k) => k))));
    assert.equal(isToWorkerMessage(match(Array.from({ length: 30000 }, (_, k) => k % 4))), false);
  });

  it('accept the data-file requests and replies (check, newRow) and reject malformed ones', () => {
    const source = { path: '/w/a.csv' };
    assert.ok(isToWorkerMessage({ type: 'check', source }));
    assert.ok(isToWorkerMessage({ type: 'newRow', source, column: 'v', value: 1.5 }));
    assert.ok(
      isToWorkerMessage({ type: 'predict', source, modelDir: '/m', modelBase: '/w', steps: 1, history: 200 }),
    );
    assert.equal(isToWorkerMessage({ type: 'newRow', source, column: 'v', value: Number.NaN }), false);
    assert.equal(isToWorkerMessage({ type: 'check', source: { path: 3 } }), false);
    const layout = {
      format: 'csv',
      delimiter: ',',
      hasHeader: true,
      lineEnding: '\r\n',
      timeColumn: 'date',
      timeStepMs: 86400000,
    };
    const problems = [{ line: 3, column: 'v', message: 'the cell is missing', severity: 'warning' }];
    assert.ok(isFromWorkerMessage({ type: 'checked', rows: 4, columns: [], layout, problems, omitted: 0 }));
    assert.equal(
      isFromWorkerMessage({
        type: 'checked',
        rows: 4,
        columns: [],
        layout: { ...layout, format: 'xlsx' },
        problems,
        omitted: 0,
      }),
      false,
    );
    assert.equal(
      isFromWorkerMessage({
        type: 'checked',
        rows: 4,
        columns: [],
        layout,
        problems: [{ line: -1, message: 'x', severity: 'error' }],
        omitted: 0,
      }),
      false,
    );
    assert.ok(
      isFromWorkerMessage({ type: 'newRowPlanned', insertions: [{ offset: 10, text: '\n2024-01-03,1.5' }] }),
    );
    assert.equal(
      isFromWorkerMessage({ type: 'newRowPlanned', insertions: [{ offset: -1, text: 'x' }] }),
      false,
    );
    assert.ok(
      isFromWorkerMessage({
        type: 'predicted',
        column: 'v',
        forecast: { next: 1, interval: [0, 2], level: 0.8, forecast: [1], intervals: [[0, 2]] },
        history: [1, 2],
      }),
    );
  });

  it('reject webview messages outside the allowlist', () => {
    for (const m of [
      { type: 'executeCommand', command: 'workbench.action.quit' },
      { type: 'constructor' },
      { type: 'toString' },
      {},
    ]) {
      assert.equal(isFromWebviewMessage(m), false, JSON.stringify(m));
    }
  });

  it('reject a retrain whose config has unknown or mistyped fields', () => {
    assert.equal(isFromWebviewMessage({ type: 'retrain', config: { units: '8' } }), false);
    assert.equal(isFromWebviewMessage({ type: 'retrain', config: { modelDir: '/etc' } }), false);
    assert.equal(isFromWebviewMessage({ type: 'retrain', config: { cell: 'transformer' } }), false);
  });

  it('accept a partial config and the full default config', () => {
    assert.ok(isPartialTrainConfig({ epochs: 3 }));
    assert.ok(isPartialTrainConfig(DEFAULT_CONFIG));
  });

  it('accept the optional config fields (window cap, engine) and reject an unknown or retired engine', () => {
    assert.ok(isPartialTrainConfig({ ...DEFAULT_CONFIG, maxWindowsPerEpoch: 1024, engine: 'kernel' }));
    assert.ok(
      isToWorkerMessage({
        type: 'train',
        runId: 'r',
        source: { path: '/d.csv' },
        config: { engine: 'kernel' },
        modelDir: '/m',
        modelBase: '/',
        dataFile: 'd.csv',
      }),
    );
    assert.equal(isPartialTrainConfig({ engine: 'gpu' }), false);
    assert.equal(isPartialTrainConfig({ engine: 'layers' }), false);
  });

  it('accept a hidden-state payload only when its arrays match steps × units', () => {
    assert.ok(isHiddenStates(hidden));
    assert.equal(isHiddenStates({ ...hidden, units: 4 }), false);
    assert.equal(isHiddenStates({ ...hidden, layers: [{ h: [0, 0, 0, 0, 0, 0] }] }), false);
  });

  it('accept worker progress and reject an epoch report with a string loss', () => {
    const report = { epoch: 1, epochs: 5, loss: 0.5, valLoss: 0.6, seconds: 0.1, best: true };
    assert.ok(isFromWorkerMessage({ type: 'epoch', runId: 'r', report }));
    assert.equal(
      isFromWorkerMessage({ type: 'epoch', runId: 'r', report: { ...report, loss: '0.5' } }),
      false,
    );
  });

  it('accept a done message whose metrics hold NaN (MAPE of an all-zero series)', () => {
    const baselines = { naive: metrics, seasonalNaive: metrics, season: 1 };
    assert.ok(
      isFromWorkerMessage({
        type: 'done',
        runId: 'r',
        saved: true,
        modelDir: '/m',
        seconds: 1,
        metrics,
        baselines,
        stoppedEarly: false,
      }),
    );
  });

  it('reject a validation trace whose arrays differ in length', () => {
    const trace = { index: [1, 2], actual: [1, 2], predicted: [1], naive: [1, 2] };
    assert.equal(isToWebviewMessage({ type: 'validation', trace }), false);
  });

  it('accept a train request by path and by bytes, and reject one without a source', () => {
    const base = { type: 'train', runId: 'r', config: {}, modelDir: '/m', modelBase: '/', dataFile: 'a.csv' };
    assert.ok(isToWorkerMessage({ ...base, source: { path: '/a.csv' } }));
    assert.ok(isToWorkerMessage({ ...base, source: { name: 'a.csv', bytes: new Uint8Array(2) } }));
    assert.equal(isToWorkerMessage(base), false);
  });

  it('accept init with any text in file and column names (they are rendered as text)', () => {
    const strings = Object.fromEntries(PANEL_STRING_KEYS.map((k) => [k, '<b>']));
    const m = {
      type: 'init',
      title: 't',
      file: '<img src=x onerror=alert(1)>.csv',
      column: '<script>',
      config: DEFAULT_CONFIG,
      strings,
    };
    assert.ok(isToWebviewMessage(m));
  });
});
