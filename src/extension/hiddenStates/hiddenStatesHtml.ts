/** The Hidden States view's page and the localized strings its script displays (it hard-codes none). */
import * as vscode from 'vscode';
import type { HiddenStatesStrings } from '../../shared/protocol';
import { webviewOptions, webviewPage } from '../webviewPage';

export const hiddenStatesOptions = webviewOptions;

export function hiddenStatesHtml(webview: vscode.Webview, extensionUri: vscode.Uri, lang: string): string {
  return webviewPage(webview, extensionUri, lang, {
    documentTitle: 'Hidden States',
    styles: [['dist', 'webview', 'hiddenStates.css']],
    script: ['dist', 'webview', 'hiddenStates.js'],
  });
}

export function hiddenStatesStrings(): HiddenStatesStrings {
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
    brushed: vscode.l10n.t(
      'Time steps {0}–{1} brushed: Enter finds similar ranges, Escape clears.',
      '{0}',
      '{1}',
    ),
    seriesPick: vscode.l10n.t('Series'),
  };
}
