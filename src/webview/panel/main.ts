/** Training panel entry: one MessageHandler to the host; every incoming message is validated before it is drawn. */
import { MessageHandler } from '../../shared/messageHandler';
import { FromWebview, ToWebview, type FromWebviewMessage, type ToWebviewMessage } from '../../shared/protocol';
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
  log: (line) => channel.sendEvent({ type: FromWebview.Log, level: 'warn', message: line }),
});

function handle(m: ToWebviewMessage): void {
  if (m.type === ToWebview.Init) {
    if (m.key) vscode.setState(m.key);
    view = new PanelView(root, m, {
      stop: (keep) => channel.sendEvent({ type: FromWebview.Stop, keep }),
      retrain: (config) => channel.sendEvent({ type: FromWebview.Retrain, config }),
      reveal: () => channel.sendEvent({ type: FromWebview.RevealModel }),
    });
    return;
  }
  if (!view) return;
  switch (m.type) {
    case ToWebview.Replay:
      return view.replay(m);
    case ToWebview.State:
      return view.setState(m.state, m.message);
    case ToWebview.Epoch:
      return view.epoch(m.report);
    case ToWebview.Batch:
      return view.batch(m.report);
    case ToWebview.Validation:
      return view.validation(m.trace);
    case ToWebview.Hidden:
      return view.hidden(m.states);
    case ToWebview.Summary:
      return view.showSummary(m);
    case ToWebview.Forecast:
      return view.forecast(m);
    case ToWebview.Theme:
      // The CSS variables change a moment after the message; redraw on the next frame.
      return void requestAnimationFrame(() => view?.retheme());
    default:
      return;
  }
}

window.addEventListener('message', (e: MessageEvent<unknown>) => channel.handleMessage(e.data));
window.addEventListener('error', (e) => {
  // The spec's "ResizeObserver loop" notice only says a resize was deferred a frame; it is not a failure.
  const benign = String(e.message).startsWith('ResizeObserver loop');
  channel.sendEvent({ type: FromWebview.Log, level: benign ? 'info' : 'error', message: String(e.message) });
});
// The body's theme class changes with the theme even when no message comes (e.g. while the host is busy).
new MutationObserver(() => view?.retheme()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
document.addEventListener('securitypolicyviolation', (e) =>
  channel.sendEvent({ type: FromWebview.Log, level: 'error', message: `CSP violation: ${e.violatedDirective} ${e.blockedURI}` }),
);
channel.sendEvent({ type: FromWebview.Ready });
