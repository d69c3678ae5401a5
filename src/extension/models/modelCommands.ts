/** The Models tree's actions: Open Panel, Reveal Files and Delete (Predict lives with the prediction commands). */
import * as vscode from 'vscode';
import { isRecord } from '../../shared/validate';
import { resolveModel } from '../prediction/modelPicker';
import { modelRoot, requireTrust } from '../trust';
import type { ModelEntry } from './modelCatalog';
import { modelLabel, type ModelsTreeProvider } from './modelsTree';

/** Tests answer the confirmation themselves; a function cannot arrive through a command link, so links always ask. */
export type Confirm = (message: string, action: string) => Thenable<boolean>;

export async function pickModel(arg: unknown): Promise<ModelEntry | undefined> {
  const resolved = await resolveModel(arg);
  if (resolved.kind === 'model') return resolved.model;
  if (resolved.kind === 'untrained')
    void vscode.window.showInformationMessage(
      vscode.l10n.t('There is no trained model in this workspace yet.'),
    );
  return undefined;
}

export async function openPanel(arg: unknown): Promise<void> {
  const model = await pickModel(arg);
  // The training code's panel is keyed like its runs: the data file's URI string and the column.
  if (model)
    await vscode.commands.executeCommand('seqlab.showPanel', {
      file: model.data.toString(),
      column: model.column,
    });
}

export async function revealFiles(arg: unknown): Promise<void> {
  const model = await pickModel(arg);
  if (!model) return;
  await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.joinPath(model.dir, 'meta.json'));
}

/** Deletes a model folder after confirmation. Needs trust: it removes files, and any caller may invoke it by id. */
export async function deleteModel(
  arg: unknown,
  options: unknown,
  tree: ModelsTreeProvider,
): Promise<boolean> {
  if (!requireTrust(vscode.l10n.t('Deleting a model'))) return false;
  const model = await pickModel(arg);
  if (!model) return false;
  const action = vscode.l10n.t('Delete');
  const message = vscode.l10n.t(
    'Delete the model {0}? Its folder {1} will be removed.',
    modelLabel(model),
    vscode.workspace.asRelativePath(model.dir),
  );
  const confirm =
    isRecord(options) && typeof options.confirm === 'function' ? (options.confirm as Confirm) : modalConfirm;
  if (!(await confirm(message, action))) return false;
  await vscode.workspace.fs.delete(model.dir, { recursive: true, useTrash: false });
  await removeEmptyParents(model);
  await tree.refresh();
  return true;
}

/** `.seqlab/data.csv/` would otherwise linger empty once its last column's model is gone; the root itself stays. */
async function removeEmptyParents(model: ModelEntry): Promise<void> {
  const folder = vscode.workspace.getWorkspaceFolder(model.dir);
  if (!folder) return;
  const root = modelRoot(folder).path.replace(/\/+$/, '');
  let dir = vscode.Uri.joinPath(model.dir, '..');
  while (dir.path.startsWith(root + '/')) {
    const entries = await vscode.workspace.fs.readDirectory(dir).then(
      (e) => e,
      () => undefined,
    );
    if (!entries || entries.length > 0) return;
    await vscode.workspace.fs.delete(dir, { recursive: false, useTrash: false });
    dir = vscode.Uri.joinPath(dir, '..');
  }
}

const modalConfirm: Confirm = async (message, action) =>
  (await vscode.window.showWarningMessage(message, { modal: true }, action)) === action;
