/** The one HTML shell every SeqLab webview uses: strict CSP, a fresh nonce, and resources only from dist and media. */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** 128 bits from the OS CSPRNG, fresh for every render: a guessable nonce would let injected script run. */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

/** Roots a webview may load from: the bundles and the extension's media, never the workspace. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [
      vscode.Uri.joinPath(extensionUri, 'dist'),
      vscode.Uri.joinPath(extensionUri, 'media'),
    ],
  };
}

export interface PageSpec {
  /** The document's <title>: VS Code never shows it (tab and view names come from the host), tests find frames by it. */
  documentTitle: string;
  /** Stylesheets and the script, as paths under the extension folder. */
  styles: string[][];
  script: string[];
  /** Extra attributes on the <main> the script fills, e.g. `aria-live="polite"`. */
  mainAttributes?: string;
}

/**
 * A page that holds no workspace text at all: file names, headers and numbers arrive later by postMessage and are
 * written with textContent, so nothing from a data file is ever parsed as HTML.
 */
export function webviewPage(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  lang: string,
  spec: PageSpec,
): string {
  const nonce = makeNonce();
  const asset = (p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...p)).toString();
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  const links = spec.styles.map((s) => `<link rel="stylesheet" href="${asset(s)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="${encodeURIComponent(lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${links}
<title>${spec.documentTitle}</title>
</head>
<body>
<main id="app"${spec.mainAttributes ? ` ${spec.mainAttributes}` : ''}></main>
<script nonce="${nonce}" src="${asset(spec.script)}"></script>
</body>
</html>`;
}
