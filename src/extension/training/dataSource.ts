import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WireSource } from '../../shared/protocol';
import { displayPath } from './trainingSettings';

/** Local files go by path (the worker streams them); anything else is read through the workspace file system. */
export async function sourceFor(uri: vscode.Uri): Promise<WireSource> {
  if (uri.scheme === 'file') return { path: uri.fsPath };
  return { name: displayPath(uri), bytes: await vscode.workspace.fs.readFile(uri) };
}

/** The data path recorded in meta.json: relative to its workspace folder when it has one. */
export function dataFileOf(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder ? path.posix.relative(folder.uri.path, uri.path) : uri.fsPath;
}

export function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}
