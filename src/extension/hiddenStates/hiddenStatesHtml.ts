/** The Hidden States view's page and the localized strings its script displays (it hard-codes none). */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function hiddenStatesOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** No workspace text in the page itself: names and numbers arrive by postMessage and are written with textContent. */
export function hiddenStatesHtml(webview: vscode.Webview, extensionUri: vscode.Uri, lang: string): string {
  // A fresh CSPRNG nonce per render: a guessable one would let injected script run.
  const nonce = randomBytes(16).toString('base64');
  const asset = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...p)).toString();
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${encodeURIComponent(lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('dist', 'webview', 'hiddenStates.css')}">
<title>Hidden States</title>
</head>
<body>
<main id="app"></main>
<script nonce="${nonce}" src="${asset('dist', 'webview', 'hiddenStates.js')}"></script>
</body>
</html>`;
}

export function hiddenStatesStrings(): Record<string, string> {
  return {
    empty: vscode.l10n.t('Select a model in the Models view, or train one, to see its hidden states.'),
    loading: vscode.l10n.t('Computing hidden states…'),
    live: vscode.l10n.t('Live: updating while this model trains'),
    layer: vscode.l10n.t('Layer'),
    layerN: vscode.l10n.t('Layer {0}', '{0}'),
    state: vscode.l10n.t('State'),
    hidden: vscode.l10n.t('Hidden state h_t'),
    cell: vscode.l10n.t('Cell state c_t'),
    window: vscode.l10n.t('Window start'),
    windowOf: vscode.l10n.t('Time steps {0}–{1} of {2}', '{0}', '{1}', '{2}'),
    latest: vscode.l10n.t('Most recent window'),
    unit: vscode.l10n.t('Unit'),
    step: vscode.l10n.t('Time step'),
    table: vscode.l10n.t('Values as a table'),
    heatmap: vscode.l10n.t('Heatmap of the state vector: units by time step'),
    input: vscode.l10n.t('Input values'),
    unitTrace: vscode.l10n.t('Unit {0} over time', '{0}'),
    unitHint: vscode.l10n.t('Click a unit (or press Enter on the heatmap) to plot its activation over time.'),
    final: vscode.l10n.t('Final state h_T: the summary vector of the window'),
    saturation: vscode.l10n.t('Saturation: share of time steps with |h| > 0.95'),
    saturated: vscode.l10n.t('{0} of {1} units are saturated more than half of the time.', '{0}', '{1}'),
    summaryTable: vscode.l10n.t('Final state and saturation as a table'),
    value: vscode.l10n.t('Value'),
    share: vscode.l10n.t('Saturated share'),
  };
}
