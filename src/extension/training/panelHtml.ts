import * as vscode from 'vscode';
import { webviewPage } from '../webviewPage';

export { webviewOptions } from '../webviewPage';

/** The training panel's page; its title is fixed text, the run's names arrive by postMessage. */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, lang: string): string {
  return webviewPage(webview, extensionUri, lang, {
    documentTitle: 'SeqLab',
    styles: [
      ['dist', 'webview', 'uPlot.min.css'],
      ['media', 'panel.css'],
    ],
    script: ['dist', 'webview', 'panel.js'],
    mainAttributes: 'aria-live="polite"',
  });
}
