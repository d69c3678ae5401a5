/**
 * The training panel: one WebviewPanel per model (data file + column). It is a view of a TrainingRun the host owns;
 * whenever the webview (re)loads it says Ready and gets Init + the whole history, which is why the panel never needs
 * retainContextWhenHidden.
 */
import * as vscode from 'vscode';
import type { TrainConfig } from '../../model/types';
import { MessageHandler } from '../../shared/messageHandler';
import type { FromWebviewMessage, ToWebviewMessage } from '../../shared/protocol';
import { isFromWebviewMessage } from '../../shared/protocolGuards';
import { panelHtml } from './panelHtml';
import { panelStrings } from './panelStrings';
import type { RunKey, TrainingRun } from './trainingRun';
import { KEPT_WEBVIEW_ERRORS, MAX_LINE, RecentLines } from './recentLines';

export const PANEL_VIEW_TYPE = 'seqlab.trainingPanel';

/** What the panel asks of the rest of the extension; it never acts on message text itself. */
export interface PanelActions {
  stop(key: RunKey, keep: boolean): void;
  retrain(key: RunKey, config: Partial<TrainConfig>): void;
  reveal(key: RunKey): void;
  closed(key: RunKey): void;
  backtest(key: RunKey): void;
  stopBacktest(key: RunKey): void;
  /** `series` is webview text: the action checks it is one of the run's. */
  selectSeries(key: RunKey, series: string): void;
}

export class TrainingPanel {
  private run: TrainingRun | undefined;
  private runSubscription: { dispose(): void } | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly channel: MessageHandler<ToWebviewMessage, FromWebviewMessage>;
  /** Messages the webview accepted, by type: the run report (runReports.ts) shows that progress really reached it. */
  readonly delivered = new Map<string, number>();
  /** Errors the webview reported (script errors, CSP violations), the last 100: a clean render has none. */
  readonly webviewErrors = new RecentLines(KEPT_WEBVIEW_ERRORS);
  private readonly posting = new Set<Thenable<boolean>>();
  /** When the webview first said Ready (its page and script loaded). */
  readyAt: number | undefined;

  /** Use PanelRegistry, which keeps one panel per model; `onDisposed` lets it forget this one. */
  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    readonly key: RunKey,
    private readonly actions: PanelActions,
    private readonly log: vscode.LogOutputChannel,
    private readonly onDisposed: (panel: TrainingPanel) => void,
  ) {
    this.channel = new MessageHandler<ToWebviewMessage, FromWebviewMessage>({
      post: (envelope) => {
        const type = envelope.body?.type ?? 'reply';
        const sent = panel.webview.postMessage(envelope);
        this.posting.add(sent);
        void Promise.resolve(sent)
          .then(
            (ok) => {
              if (ok) this.delivered.set(type, (this.delivered.get(type) ?? 0) + 1);
            },
            () => undefined,
          )
          .finally(() => this.posting.delete(sent));
      },
      validate: isFromWebviewMessage,
      onEvent: (m) => this.onMessage(m),
      log: (line) => log.warn(`panel: ${line}`),
    });
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'seqlab.svg');
    panel.webview.html = panelHtml(panel.webview, extensionUri, vscode.env.language);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => this.channel.handleMessage(m)),
      panel.onDidDispose(() => this.disposed()),
      vscode.window.onDidChangeActiveColorTheme((t) =>
        this.channel.sendEvent({ type: 'theme', kind: themeKind(t.kind) }),
      ),
    );
  }

  get currentRun(): TrainingRun | undefined {
    return this.run;
  }

  /** Shows `run` from now on; the webview gets its full history right away. */
  attach(run: TrainingRun): void {
    this.runSubscription?.dispose();
    this.run = run;
    this.runSubscription = run.onMessage((m) => this.channel.sendEvent(m));
    this.panel.title = titleFor(run.label, run.key.column);
    this.sendAll();
  }

  /** Waits until every message posted so far has been accepted or refused by the webview. */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.posting]);
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  dispose(): void {
    this.panel.dispose();
  }

  private onMessage(m: FromWebviewMessage): void {
    switch (m.type) {
      case 'ready':
        this.readyAt ??= Date.now();
        return this.sendAll();
      case 'stop':
        return this.actions.stop(this.key, m.keep);
      case 'retrain':
        return this.actions.retrain(this.key, m.config);
      case 'revealModel':
        return this.actions.reveal(this.key);
      case 'runBacktest':
        return this.actions.backtest(this.key);
      case 'stopBacktest':
        return this.actions.stopBacktest(this.key);
      case 'selectSeries':
        return this.actions.selectSeries(this.key, m.series);
      case 'log':
        if (m.level === 'error') this.webviewErrors.push(m.message);
        return this.log[m.level](`panel: ${m.message.slice(0, MAX_LINE)}`);
    }
  }

  private sendAll(): void {
    const run = this.run;
    if (!run) return;
    this.channel.sendEvent({
      type: 'init',
      title: titleFor(run.label, run.key.column),
      file: run.label,
      column: run.key.column,
      config: run.config,
      strings: panelStrings(),
      key: { file: run.key.file, column: run.key.column },
      ...(run.key.features?.length && { features: run.key.features }),
    });
    this.channel.sendEvent({ type: 'theme', kind: themeKind(vscode.window.activeColorTheme.kind) });
    this.channel.sendEvent(run.replay());
    if (run.forecast) this.channel.sendEvent(run.forecast);
    if (run.backtest) this.channel.sendEvent(run.backtest);
  }

  private disposed(): void {
    this.onDisposed(this);
    this.runSubscription?.dispose();
    for (const d of this.disposables) d.dispose();
    this.actions.closed(this.key);
  }
}

export function titleFor(label: string, column: string): string {
  const base = label.split('/').pop() ?? label;
  return `SeqLab: ${base} · ${column}`;
}

function themeKind(kind: vscode.ColorThemeKind): 'light' | 'dark' | 'high-contrast' | 'high-contrast-light' {
  switch (kind) {
    case vscode.ColorThemeKind.Light:
      return 'light';
    case vscode.ColorThemeKind.HighContrast:
      return 'high-contrast';
    case vscode.ColorThemeKind.HighContrastLight:
      return 'high-contrast-light';
    default:
      return 'dark';
  }
}
