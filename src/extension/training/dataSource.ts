import * as path from 'node:path';
import * as vscode from 'vscode';

/** The data path recorded in meta.json: relative to its workspace folder when it has one. */
export function dataFileOf(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder ? path.posix.relative(folder.uri.path, uri.path) : uri.fsPath;
}

export function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}
