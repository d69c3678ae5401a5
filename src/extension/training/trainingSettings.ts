import * as path from 'node:path';
import * as vscode from 'vscode';
import { modelPlace, type ModelPlace, type ModelTarget } from '../../model/store/paths';
import { modelStoreName, trustedSetting } from '../trust';
import type { TrainConfig } from '../../model/types';
import { parseThreads } from '../../shared/schema/config';

/** The seqlab.training.* defaults and seqlab.backend, as a partial config (unset values fall to the model's defaults). */
export function configFromSettings(scope?: vscode.Uri): Partial<TrainConfig> {
  const c = vscode.workspace.getConfiguration('seqlab', scope);
  const get = <T>(key: string) => trustedSetting<T>(c, key);
  return {
    cell: get<TrainConfig['cell']>('training.cell'),
    layers: get<number>('training.layers'),
    units: get<number>('training.units'),
    window: get<number>('training.window'),
    epochs: get<number>('training.epochs'),
    batchSize: get<number>('training.batchSize'),
    learningRate: get<number>('training.learningRate'),
    validationSplit: get<number>('training.validationSplit'),
    seed: get<number>('training.seed'),
    patience: get<number>('training.patience'),
    timeBudgetSeconds: get<number>('training.timeBudgetSeconds'),
    // A value outside the setting's choices (VS Code flags it in settings.json) falls back to 'auto'.
    threads: parseThreads(get<unknown>('training.threads')),
    backend: get<TrainConfig['backend']>('backend'),
    deseasonalize: get<TrainConfig['deseasonalize']>('training.deseasonalize'),
    difference: get<TrainConfig['difference']>('training.difference'),
    ensemble: get<number>('training.ensemble'),
    combine: get<TrainConfig['combine']>('training.combine'),
    transform: get<TrainConfig['transform']>('training.transform'),
  };
}

/**
 * `<workspace folder>/<store>/<data path relative to the folder>/<column>/` (the CLI's layout too; the store's name
 * from trust.modelStoreName). Files outside a local workspace folder keep their models in the extension's storage.
 */
export function modelPlaceFor(
  data: vscode.Uri,
  target: string | ModelTarget,
  fallbackRoot: vscode.Uri,
): ModelPlace {
  const folder = vscode.workspace.getWorkspaceFolder(data);
  if (!folder || folder.uri.scheme !== 'file' || data.scheme !== 'file') {
    // A local file keeps its whole path (`models/_external/…`): two files named data.csv must not share a model.
    return modelPlace(
      path.join(fallbackRoot.fsPath, 'models'),
      data.scheme === 'file' ? data.fsPath : path.basename(data.path) || 'data',
      target,
      '.',
    );
  }
  return modelPlace(folder.uri.fsPath, data.fsPath, target, modelStoreName(folder));
}

/** The path users see for a data file: relative to its workspace folder when it has one. */
export function displayPath(data: vscode.Uri): string {
  return vscode.workspace.asRelativePath(data, false);
}

/** The data path recorded in meta.json: relative to its workspace folder when it has one. */
export function dataFileOf(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder ? path.posix.relative(folder.uri.path, uri.path) : uri.fsPath;
}
