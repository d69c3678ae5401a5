/** The Models tree's actions: Open Panel, Reveal Files and Delete (Predict lives with the prediction commands). */
import * as vscode from 'vscode';
import { isRecord } from '../../shared/validate';
import { resolveModel } from '../prediction/modelPicker';
import { requireTrust } from '../trust';
import type { ModelEntry } from './modelCatalog';
import { modelLabel, type ModelsTreeProvider } from './modelsTree';

/** Tests answer the confirmation themselves; a function cannot arrive through a command link, so links always ask. */
export type Confirm = (message: string, action: string) => Thenable<boolean>;

export async function pickModel(arg: unknown): Promise<ModelEntry | undefined> {
  const resolved = await resolveModel(arg);
  if (resolved.kind === 'model') return resolved.model;
  if (resolved.kind === 'untrained') void vscode.window.showInformationMessage(vscode.l10n.t('There is no trained model in this workspace yet.'));
  return undefined;
}

export async function openPanel(arg: unknown): Promise<void> {
  const model = await pickModel(arg);
  // The training code's panel is keyed like its runs: the data file's URI string and the column.
  if (model) await vscode.commands.executeCommand('seqlab.showPanel', { file: model.data.toString(), column: model.column });
}

export async function revealFiles(arg: unknown): Promise<void> {
  const model = await pickModel(arg);
  if (!model) return;
  await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.joinPath(model.dir, 'meta.json'));
}

/** Deletes a model folder after confirmation. Needs trust: it removes files, and any caller may invoke it by id. */
export async function deleteModel(arg: unknown, options: unknown, tree: ModelsTreeProvider): Promise<boolean> {
  if (!requireTrust(vscode.l10n.t('Deleting a model'))) return false;
  const model = await pickModel(arg);
  if (!model) return false;
  const action = vscode.l10n.t('Delete');
  const message = vscode.l10n.t('Delete the model {0}? Its folder {1} will be removed.', modelLabel(model), vscode.workspace.asRelativePath(model.dir));
  const confirm = isRecord(options) && typeof options.confirm === 'function' ? (options.confirm as Confirm) : modalConfirm;
  if (!(await confirm(message, action))) return false;
  await vscode.workspace.fs.delete(model.dir, { recursive: true, useTrash: false });
  await tree.refresh();
  return true;
}

const modalConfirm: Confirm = async (message, action) =>
  (await vscode.window.showWarningMessage(message, { modal: true }, action)) === action;
