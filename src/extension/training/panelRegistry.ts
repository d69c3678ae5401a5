/** The open training panels, one per model (data file + column); created in activate() and passed to who needs it. */
import * as vscode from 'vscode';
import { webviewOptions } from './panelHtml';
import { PANEL_VIEW_TYPE, TrainingPanel, type PanelActions } from './trainingPanel';
import { keyOf, type RunKey, type TrainingRun } from './trainingRun';

export class PanelRegistry {
  private readonly panels = new Map<string, TrainingPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly actions: PanelActions,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get(key: RunKey): TrainingPanel | undefined {
    return this.panels.get(keyOf(key));
  }

  /** Opens the panel of `run`'s model beside the editor (or reuses it) and shows `run` in it, keeping the focus. */
  open(run: TrainingRun): TrainingPanel {
    let panel = this.get(run.key);
    if (panel) panel.panel.reveal(undefined, true);
    else {
      const webviewPanel = vscode.window.createWebviewPanel(
        PANEL_VIEW_TYPE,
        run.label,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        webviewOptions(this.extensionUri),
      );
      panel = this.add(webviewPanel, run.key);
    }
    if (panel.currentRun !== run) panel.attach(run);
    return panel;
  }

  /** Opens (or reveals) the panel of `run` and gives it the focus. */
  show(run: TrainingRun): void {
    this.open(run).reveal();
  }

  /** Re-creates a panel VS Code restored after a reload. */
  revive(webviewPanel: vscode.WebviewPanel, run: TrainingRun): TrainingPanel {
    this.get(run.key)?.dispose();
    webviewPanel.webview.options = webviewOptions(this.extensionUri);
    const panel = this.add(webviewPanel, run.key);
    panel.attach(run);
    return panel;
  }

  private add(webviewPanel: vscode.WebviewPanel, key: RunKey): TrainingPanel {
    const panel = new TrainingPanel(webviewPanel, this.extensionUri, key, this.actions, this.log, (gone) => {
      // A revived panel may have replaced this one under the same key already.
      if (this.get(key) === gone) this.panels.delete(keyOf(key));
    });
    this.panels.set(keyOf(key), panel);
    return panel;
  }
}
