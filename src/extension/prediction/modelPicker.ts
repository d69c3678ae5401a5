/**
 * Which model a command means. Arguments may come from a menu, the Models tree, or a caller by id, so they are only
 * hints: the model is always looked up again in the catalog, which lists only folders inside a model root.
 */
import * as vscode from 'vscode';
import { isRecord } from '../../shared/validate';
import { listModels, modelsFor, type ModelEntry } from '../models/modelCatalog';
import { modelLabel, describeModel } from '../models/modelsTree';
import { basename } from '../trust';

const DATA_FILE = /\.(csv|tsv|json|jsonl)$/i;

export type Resolved =
  | { kind: 'model'; model: ModelEntry }
  /** A data file without a model: the caller offers to train one. */
  | { kind: 'untrained'; data?: vscode.Uri }
  | { kind: 'cancelled' };

export async function resolveModel(arg: unknown, column?: string): Promise<Resolved> {
  const fromTree = modelDirOf(arg);
  if (fromTree) {
    const model = (await listModels()).find((m) => m.dir.toString() === fromTree.toString());
    if (!model)
      throw new Error(
        vscode.l10n.t('That model no longer exists: {0}', vscode.workspace.asRelativePath(fromTree)),
      );
    return { kind: 'model', model };
  }
  const data = arg instanceof vscode.Uri ? arg : activeDataFile();
  if (data) {
    const models = (await modelsFor(data)).filter((m) => column === undefined || m.column === column);
    if (models.length === 0) return { kind: 'untrained', data };
    return pick(models, vscode.l10n.t('Which column of {0}?', basename(data)));
  }
  const all = await listModels();
  if (all.length === 0) return { kind: 'untrained' };
  return pick(all, vscode.l10n.t('Predict with which model?'));
}

async function pick(models: ModelEntry[], placeHolder: string): Promise<Resolved> {
  if (models.length === 1) return { kind: 'model', model: models[0] };
  const chosen = await vscode.window.showQuickPick(
    models.map((m) => ({ label: modelLabel(m), description: describeModel(m), model: m })),
    { placeHolder },
  );
  return chosen ? { kind: 'model', model: chosen.model } : { kind: 'cancelled' };
}

/** A Models tree item (or anything carrying a `dir` Uri) names a model folder. */
function modelDirOf(arg: unknown): vscode.Uri | undefined {
  return isRecord(arg) && arg.dir instanceof vscode.Uri ? arg.dir : undefined;
}

function activeDataFile(): vscode.Uri | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri && DATA_FILE.test(uri.path) ? uri : undefined;
}
