/**
 * "Insert as New Row": one WorkspaceEdit that appends the forecast in the file's own format. The edit goes through
 * the editor, so one Undo removes it and the file is never written behind the user's back (they save it).
 */
import * as vscode from 'vscode';
import type { ModelEntry } from '../models/modelCatalog';
import type { WorkerClient } from '../training/workerClient';
import { basename } from '../trust';
import type { NewRowPlanned, WireSource } from '../../shared/protocol';

/**
 * Applies the edit and shows the new row; resolves with the document, or throws a one-line error. The worker parses
 * the editor's text (what the user sees, unsaved edits included) and answers with offsets into exactly that text.
 */
export async function insertRow(
  worker: Pick<WorkerClient, 'newRow'>,
  model: ModelEntry,
  value: number,
): Promise<vscode.TextDocument> {
  return applyPlanned(model, (source) => worker.newRow(source, model.column, value));
}

/**
 * A model of many series: one row per series of a long file (key, that series' next time stamp, value), or one row
 * of a wide file with each series' column filled, still as one edit.
 */
export async function insertSeriesRows(
  worker: Pick<WorkerClient, 'newSeriesRows'>,
  model: ModelEntry,
  values: Array<{ series: string; value: number }>,
): Promise<vscode.TextDocument> {
  return applyPlanned(model, (source) =>
    worker.newSeriesRows(source, { column: model.column, seriesColumn: model.seriesColumn, values }),
  );
}

async function applyPlanned(
  model: ModelEntry,
  plan: (source: WireSource) => Promise<NewRowPlanned>,
): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(model.data);
  const version = doc.version;
  const source = { name: basename(model.data), bytes: new TextEncoder().encode(doc.getText()) };
  const { insertions } = await plan(source);
  // An edit typed while the worker was busy would shift every offset: refuse rather than insert in the wrong place.
  if (doc.version !== version)
    throw new Error(
      vscode.l10n.t('{0}: the file changed while the new row was prepared; try again.', basename(model.data)),
    );
  if (insertions.length === 0)
    throw new Error(vscode.l10n.t('{0}: the edit was refused.', basename(model.data)));
  const edit = new vscode.WorkspaceEdit();
  for (const ins of insertions) edit.insert(doc.uri, doc.positionAt(ins.offset), ins.text);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  if (!(await vscode.workspace.applyEdit(edit)))
    throw new Error(vscode.l10n.t('{0}: the edit was refused.', basename(model.data)));
  // Insertions come in file order, so the last one ends after all of them.
  const last = insertions[insertions.length - 1];
  const end = doc.positionAt(last.offset + insertions.reduce((n, ins) => n + ins.text.length, 0));
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(end, end));
  return doc;
}
