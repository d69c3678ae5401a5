/**
 * "Insert as New Row": one WorkspaceEdit that appends the forecast in the file's own format. The edit goes through
 * the editor, so one Undo removes it and the file is never written behind the user's back (they save it).
 */
import * as vscode from 'vscode';
import { inspectData } from '../../model/data';
import type { ModelEntry } from '../models/modelCatalog';
import { basename } from '../trust';
import { newRowEdits } from './newRowText';
import { errorText } from '../../shared/errorText';

/** Applies the edit and shows the new row; resolves with the document, or throws a one-line error. */
export async function insertRow(model: ModelEntry, value: number): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(model.data);
  const text = doc.getText();
  const inspection = await inspectData({ name: basename(model.data), bytes: new TextEncoder().encode(text) });
  let insertions;
  try {
    insertions = newRowEdits(text, inspection.layout, {
      column: model.column,
      value,
      columns: inspection.columns.map((c) => c.name),
    });
  } catch (e) {
    throw new Error(`${basename(model.data)}: ${errorText(e)}`);
  }
  const edit = new vscode.WorkspaceEdit();
  for (const ins of insertions) edit.insert(doc.uri, doc.positionAt(ins.offset), ins.text);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('{0}: the edit was refused.', basename(model.data)));
  const last = insertions[insertions.length - 1];
  const end = doc.positionAt(last.offset + last.text.length);
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(end, end));
  return doc;
}
