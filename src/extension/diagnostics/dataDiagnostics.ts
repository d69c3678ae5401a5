/**
 * Data problems in the Problems panel: files with a model are re-checked on save, any file on "Check Data File".
 * A re-check replaces the file's diagnostics, so fixed problems disappear. The worker parses the file; the host only
 * places its answer on lines, so saving a large file never stalls the editor.
 */
import { quoteText } from '../../shared/quote';
import * as vscode from 'vscode';
import type { Problem } from '../../model/data/types';
import type { Checked } from '../../shared/protocol';
import { modelsFor } from '../models/modelCatalog';
import type { WorkerClient } from '../training/workerClient';
import { basename, isTrusted, sourceFor } from '../trust';
import { problemRange } from './problemRange';
import { errorText } from '../../shared/errorText';

const DATA_FILE = /\.(csv|tsv|json|jsonl)$/i;

export class DataDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('seqlab');
  /** Files the user checked by hand keep being refreshed on save, so their problems clear once fixed. */
  private readonly watched = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(
    private readonly worker: Pick<WorkerClient, 'check'>,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidSaveTextDocument((doc) => void this.onSaved(doc.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('seqlab.diagnostics.enabled') && !enabled()) this.clearAutomatic();
      }),
    );
  }

  /** Checks a file in the worker and publishes its problems; returns the diagnostics set (tests read them). */
  async check(
    uri: vscode.Uri,
    explicit = true,
  ): Promise<{ checked: Checked; diagnostics: vscode.Diagnostic[] }> {
    const checked = await this.worker.check(await sourceFor(uri));
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const diagnostics = checked.problems.map((p) => toDiagnostic(p, checked, doc));
    if (checked.omitted > 0) {
      const more = vscode.l10n.t(
        '{0} more problems are not listed; fix the ones above and save to see them.',
        checked.omitted,
      );
      diagnostics.push(
        problemDiagnostic(new vscode.Range(0, 0, 0, 0), more, vscode.DiagnosticSeverity.Warning),
      );
    }
    this.collection.set(uri, diagnostics);
    if (explicit) this.watched.add(uri.toString());
    return { checked, diagnostics };
  }

  get(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  private async onSaved(uri: vscode.Uri): Promise<void> {
    if (!DATA_FILE.test(uri.path)) return;
    // A file the user checked keeps its list current, so fixed problems go away. Files that merely have a model are
    // checked on their own, so that waits for trust and honours the setting.
    const automatic = !this.watched.has(uri.toString());
    if (automatic && !(enabled() && isTrusted() && (await hasModel(uri)))) return;
    try {
      await this.check(uri, !automatic);
    } catch (e) {
      // A file that cannot be read at all is one problem on its first line, not a silent stale list.
      const message = errorText(e);
      this.collection.set(uri, [
        problemDiagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Error),
      ]);
      this.log.warn(`diagnostics for ${basename(uri)}: ${message}`);
    }
  }

  private clearAutomatic(): void {
    this.collection.clear();
    this.watched.clear();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function enabled(): boolean {
  return vscode.workspace.getConfiguration('seqlab').get<boolean>('diagnostics.enabled', true);
}

async function hasModel(uri: vscode.Uri): Promise<boolean> {
  return (await modelsFor(uri)).length > 0;
}

function toDiagnostic(p: Problem, checked: Checked, doc: vscode.TextDocument | undefined): vscode.Diagnostic {
  // The column is named the way the data layer quotes it (capped), so a message that already names it is left alone.
  const column = p.column === undefined ? undefined : quoteText(p.column);
  const message =
    column && !p.message.includes(column) ? vscode.l10n.t('Column {0}: {1}', column, p.message) : p.message;
  const severity =
    p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  return problemDiagnostic(problemRange(p, checked, doc), message, severity);
}

function problemDiagnostic(
  range: vscode.Range,
  message: string,
  severity: vscode.DiagnosticSeverity,
): vscode.Diagnostic {
  const d = new vscode.Diagnostic(range, message, severity);
  d.source = 'SeqLab';
  return d;
}
