import * as path from 'node:path';
import * as vscode from 'vscode';
import { modelDirFor as storeModelDir } from '../../model/store/paths';
import type { TrainConfig } from '../../model/types';

/** The seqlab.training.* defaults and seqlab.backend, as a partial config (unset values fall to the model's defaults). */
export function configFromSettings(scope?: vscode.Uri): Partial<TrainConfig> {
  const c = vscode.workspace.getConfiguration('seqlab', scope);
  return {
    cell: c.get<TrainConfig['cell']>('training.cell'),
    layers: c.get<number>('training.layers'),
    units: c.get<number>('training.units'),
    window: c.get<number>('training.window'),
    epochs: c.get<number>('training.epochs'),
    batchSize: c.get<number>('training.batchSize'),
    learningRate: c.get<number>('training.learningRate'),
    validationSplit: c.get<number>('training.validationSplit'),
    seed: c.get<number>('training.seed'),
    patience: c.get<number>('training.patience'),
    backend: c.get<TrainConfig['backend']>('backend'),
  };
}

/** A column name as one safe folder name: no separators, no `..`, nothing a file system refuses. */
export function columnFolder(column: string): string {
  const safe = column.replace(/[^\p{L}\p{N} _.-]/gu, '_').replace(/^\.+/, '_').trim();
  return (safe || '_').slice(0, 100);
}

/**
 * `<workspace folder>/.seqlab/<data path relative to the folder>/<column>/` (the CLI's layout too). The store's name
 * comes from seqlab.modelDirectory only in a trusted workspace, and only when it stays inside the workspace folder.
 */
export function modelDirFor(data: vscode.Uri, column: string, fallbackRoot: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(data);
  if (!folder || folder.uri.scheme !== 'file' || data.scheme !== 'file') {
    return storeModelDir(path.join(fallbackRoot.fsPath, 'models'), path.basename(data.path) || 'data', column, '.');
  }
  const root = folder.uri.fsPath;
  let store = '.seqlab';
  if (vscode.workspace.isTrusted) {
    const configured = vscode.workspace.getConfiguration('seqlab', data).get<string>('modelDirectory')?.trim();
    if (configured && !path.isAbsolute(configured) && isInside(root, path.resolve(root, configured))) store = configured;
  }
  return storeModelDir(root, data.fsPath, column, store);
}

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
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
