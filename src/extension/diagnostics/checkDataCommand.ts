/** "SeqLab: Check Data File": inspects a file the user names and lists its problems in the Problems panel. */
import * as vscode from 'vscode';
import { isRecord } from '../../shared/validate';
import { basename } from '../trust';
import type { DataDiagnostics } from './dataDiagnostics';
import { errorText } from '../../shared/errorText';

export interface CheckResult {
  file: string;
  rows: number;
  /** One entry per diagnostic: 1-based line, severity and message. */
  problems: Array<{ line: number; severity: 'error' | 'warning'; message: string }>;
}

export async function checkData(
  arg: unknown,
  options: unknown,
  diagnostics: DataDiagnostics,
  log: vscode.LogOutputChannel,
): Promise<CheckResult | undefined> {
  const silent = isRecord(options) && options.silent === true;
  const uri = arg instanceof vscode.Uri ? arg : await askForFile();
  if (!uri) return undefined;
  try {
    const { checked, diagnostics: list } = await diagnostics.check(uri);
    const result: CheckResult = {
      file: uri.toString(),
      rows: checked.rows,
      problems: list.map((d) => ({
        line: d.range.start.line + 1,
        severity: d.severity === vscode.DiagnosticSeverity.Error ? 'error' : 'warning',
        message: d.message,
      })),
    };
    if (!silent) void report(uri, result);
    return result;
  } catch (e) {
    const message = errorText(e);
    log.warn(`check data: ${message}`);
    if (silent) throw e instanceof Error ? e : new Error(message);
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
}

async function askForFile(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && /\.(csv|tsv|json|jsonl)$/i.test(active.path)) return active;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Check Data File'),
    filters: { [vscode.l10n.t('Data files')]: ['csv', 'tsv', 'json', 'jsonl'] },
  });
  return picked?.[0];
}

async function report(uri: vscode.Uri, result: CheckResult): Promise<void> {
  const name = basename(uri);
  if (result.problems.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('{0}: no problems found in {1} rows.', name, result.rows),
    );
    return;
  }
  const show = vscode.l10n.t('Show Problems');
  const text =
    result.problems.length === 1
      ? vscode.l10n.t('{0}: 1 problem found.', name)
      : vscode.l10n.t('{0}: {1} problems found.', name, result.problems.length);
  if ((await vscode.window.showWarningMessage(text, show)) === show) {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  }
}
