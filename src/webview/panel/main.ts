/** Training panel entry: one MessageHandler to the host; every incoming message is validated before it is drawn. */
import { receiveFromHost } from '../../shared/webviewInbox';
import { MessageHandler } from '../../shared/messageHandler';
import type { FromWebviewMessage, ToWebviewMessage } from '../../shared/protocol';
import { isToWebviewMessage } from '../../shared/protocolGuards';
import { PanelView } from './panelView';

interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('app') ?? document.body;
let view: PanelView | undefined;

const channel = new MessageHandler<FromWebviewMessage, ToWebviewMessage>({
  post: (envelope) => vscode.postMessage(envelope),
  validate: isToWebviewMessage,
  onEvent: (m) => handle(m),
  log: (line) => channel.sendEvent({ type: 'log', level: 'warn', message: line }),
});

function handle(m: ToWebviewMessage): void {
  if (m.type === 'init') {
    if (m.key) vscode.setState(m.key);
    view = new PanelView(root, m, {
      stop: (keep) => channel.sendEvent({ type: 'stop', keep }),
      retrain: (config) => channel.sendEvent({ type: 'retrain', config }),
      reveal: () => channel.sendEvent({ type: 'revealModel' }),
      runBacktest: () => channel.sendEvent({ type: 'runBacktest' }),
      stopBacktest: () => channel.sendEvent({ type: 'stopBacktest' }),
      selectSeries: (series) => channel.sendEvent({ type: 'selectSeries', series }),
    });
    return;
  }
  if (!view) return;
  switch (m.type) {
    case 'replay':
      return view.replay(m);
    case 'state':
      return view.setState(m.state, m.message);
    case 'epoch':
      return view.epoch(m.report, m.earlier);
    case 'batch':
      return view.batch(m.report);
    case 'validation':
      return view.validation(m.trace, m.series);
    case 'hidden':
      return view.hidden(m.states, m.series);
    case 'seriesList':
      return view.seriesNames(m.names);
    case 'seriesMissing':
      return view.seriesMissing(m.series, m.message);
    case 'summary':
      return view.showSummary(m);
    case 'forecast':
      return view.forecast(m);
    case 'backtest':
      return view.backtest(m);
    case 'theme':
      // The CSS variables change a moment after the message; redraw on the next frame.
      return void requestAnimationFrame(() => view?.retheme());
    default:
      return;
  }
}

window.addEventListener('message', (e: MessageEvent<unknown>) => receiveFromHost(channel, e.data));
window.addEventListener('error', (e) => {
  // The spec's "ResizeObserver loop" notice only says a resize was deferred a frame; it is not a failure.
  const benign = String(e.message).startsWith('ResizeObserver loop');
  channel.sendEvent({ type: 'log', level: benign ? 'info' : 'error', message: String(e.message) });
});
// The body's theme class changes with the theme even when no message comes (e.g. while the host is busy).
new MutationObserver(() => view?.retheme()).observe(document.body, {
  attributes: true,
  attributeFilter: ['class'],
});
document.addEventListener('securitypolicyviolation', (e) =>
  channel.sendEvent({
    type: 'log',
    level: 'error',
    message: `CSP violation: ${e.violatedDirective} ${e.blockedURI}`,
  }),
);
channel.sendEvent({ type: 'ready' });
