/** Entry of the Hidden States view's webview: validated messages in, window choices and render reports out. */
import './style.css';
import { MessageHandler } from '../../shared/messageHandler';
import type {
  FromHiddenStatesMessage,
  HiddenStatesStrings,
  ToHiddenStatesMessage,
} from '../../shared/protocol';
import { isToHiddenStatesMessage } from '../../shared/protocolGuards';
import { isRecord } from '../../shared/validate';
import { receiveFromHost } from '../../shared/webviewInbox';
import { HiddenStatesApp, type UiState } from './app';
import { ExplainSection } from './explainSection';
import { SeriesPicker } from './seriesPicker';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('app') ?? document.body;
let app: HiddenStatesApp | undefined;
let strings: HiddenStatesStrings | undefined;
let explainSection: ExplainSection | undefined;
let picker: SeriesPicker | undefined;

const channel = new MessageHandler<FromHiddenStatesMessage, ToHiddenStatesMessage>({
  post: (envelope) => vscode.postMessage(envelope),
  validate: isToHiddenStatesMessage,
  onEvent: (m) => onMessage(m),
  log: (line) => vscode.postMessage({ body: { type: 'log', level: 'warn', message: line } }),
});
window.addEventListener('message', (e: MessageEvent<unknown>) => receiveFromHost(channel, e.data));

function savedUi(): UiState {
  const s = vscode.getState();
  const ui = isRecord(s) && isRecord(s.ui) ? s.ui : {};
  return {
    layer: typeof ui.layer === 'number' ? ui.layer : 0,
    showCell: ui.showCell === true,
    unit: typeof ui.unit === 'number' ? ui.unit : 0,
  };
}

function onMessage(m: ToHiddenStatesMessage): void {
  switch (m.type) {
    case 'init':
      strings = m.strings;
      app ??= new HiddenStatesApp(root, strings, savedUi(), {
        selectWindow: (start) => channel.sendEvent({ type: 'selectWindow', start }),
        rendered: (st) =>
          channel.sendEvent({
            type: 'rendered',
            cell: st.cell,
            units: st.units,
            steps: st.steps,
            layers: st.layers.length,
          }),
        saveUi: (ui) => vscode.setState({ ui }),
      });
      app.setTitle(m.title);
      picker ??= new SeriesPicker(app.seriesMount, strings.seriesPick, (series) =>
        channel.sendEvent({ type: 'selectSeries', series }),
      );
      explainSection ??= new ExplainSection(app, {
        match: (query) => channel.sendEvent({ type: 'match', query }),
        reveal: (row) => channel.sendEvent({ type: 'revealRow', row }),
      });
      return;
    case 'state':
      if (!app || !strings) return;
      if (m.state === 'queued') app.setStatus(strings.loading);
      else if (m.state === 'training') app.setStatus(strings.live);
      else if (m.state === 'error') app.setStatus(m.message ?? '');
      else app.setStatus('');
      return;
    case 'hidden':
      if (m.label) app?.setTitle(m.label);
      picker?.show(m.series, m.seriesNames);
      app?.show(m.states, m.seriesLength);
      return;
    case 'explained':
      if (m.explained || m.error) explainSection?.show(m.strings, m.explained, m.error);
      return;
  }
}

channel.sendEvent({ type: 'ready' });
