import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** 128 bits from the OS CSPRNG, fresh for every render: a guessable nonce would let injected script run. */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

/** Roots a webview may load from: the bundles and the extension's media, never the workspace. */
export function localRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: localRoots(extensionUri) };
}

/**
 * The panel's page. It holds no workspace text at all: file names, headers and numbers arrive later by postMessage
 * and are written with textContent, so nothing from a data file is ever parsed as HTML.
 */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, lang: string): string {
  const nonce = makeNonce();
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
<link rel="stylesheet" href="${asset('dist', 'webview', 'uPlot.min.css')}">
<link rel="stylesheet" href="${asset('media', 'panel.css')}">
<title>SeqLab</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${nonce}" src="${asset('dist', 'webview', 'panel.js')}"></script>
</body>
</html>`;
}
