/**
 * Workspace Trust and file access in one place, so every handler applies the same rules:
 * - any command can be called by id (a link, a task), so handlers check trust themselves, not only `when` clauses;
 * - in Restricted Mode `.vscode/settings.json` cannot move the model folder: models live in the folder's `.seqlab/`;
 * - files on a non-`file` scheme are read through workspace.fs.
 */
import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { WireSource } from '../shared/protocol';

const DEFAULT_MODEL_DIR = '.seqlab';
let simulatedRestricted = false;

/** True when the workspace is trusted (and no test simulates Restricted Mode). */
export function isTrusted(): boolean {
  return vscode.workspace.isTrusted && !simulatedRestricted;
}

/**
 * Tests cannot untrust a workspace, so they may simulate Restricted Mode. This can only take rights away, never grant
 * them, so a workspace that calls it by id gains nothing.
 */
export function registerTrustSimulation(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('seqlab._simulateRestrictedMode', (on: unknown) => {
      simulatedRestricted = on === true;
      return isTrusted();
    }),
  );
}

/** For actions that need a trusted workspace: says why it refused and offers to manage trust. */
export function requireTrust(action: string): boolean {
  if (isTrusted()) return true;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window
    .showWarningMessage(
      vscode.l10n.t('{0} needs a trusted workspace (Restricted Mode is on).', action),
      manage,
    )
    .then((pick) => {
      if (pick === manage) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  return false;
}

/**
 * The model folder's path relative to a workspace folder (default `.seqlab`), for the store's modelDirFor(root, file,
 * column, storeName). Restricted Mode ignores the setting (it is in restrictedConfigurations, and we do not rely on
 * VS Code alone), and a trusted setting still may not leave the folder.
 */
export function modelStoreName(folder: vscode.WorkspaceFolder): string {
  if (!isTrusted()) return DEFAULT_MODEL_DIR;
  const configured = vscode.workspace
    .getConfiguration('seqlab', folder.uri)
    .get<string>('modelDirectory', DEFAULT_MODEL_DIR);
  return isInsideRelative(configured)
    ? configured
        .split(/[\\/]+/)
        .filter(Boolean)
        .join('/')
    : DEFAULT_MODEL_DIR;
}

/**
 * A setting as the user set it: in Restricted Mode a workspace's own values are ignored, so a cloned repository
 * cannot make training cost more than the user's settings or the defaults (seqlab.training.*, the worker's memory).
 */
export function trustedSetting<T>(config: vscode.WorkspaceConfiguration, key: string): T | undefined {
  if (isTrusted()) return config.get<T>(key);
  const set = config.inspect<T>(key);
  return set?.globalValue ?? set?.defaultValue;
}

/** Where a workspace folder's models live. */
export function modelRoot(folder: vscode.WorkspaceFolder): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, ...modelStoreName(folder).split('/'));
}

/** A relative path that stays inside its base: no absolute path, drive, or `..` segment. */
export function isInsideRelative(rel: string): boolean {
  if (!rel.trim() || /^([a-zA-Z]:|[\\/]|~)/.test(rel)) return false;
  return !rel.split(/[\\/]+/).some((seg) => seg === '..');
}

/**
 * A file: path is asked of the disk directly (the extension host runs where the files are): workspace.fs.stat is a
 * round trip through the workbench, which cost ~40 ms on the way from the command to the first epoch.
 */
async function sizeOf(uri: vscode.Uri): Promise<number> {
  return uri.scheme === 'file' ? (await stat(uri.fsPath)).size : (await vscode.workspace.fs.stat(uri)).size;
}

/** Refuses files above seqlab.maxFileSizeMB before reading them. */
export async function checkSize(uri: vscode.Uri): Promise<void> {
  const mb = vscode.workspace.getConfiguration('seqlab', uri).get<number>('maxFileSizeMB', 1024);
  let size: number;
  try {
    size = await sizeOf(uri);
  } catch (e) {
    const missing =
      (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') ||
      (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? vscode.l10n.t('{0}: the file no longer exists.', basename(uri))
        : vscode.l10n.t('{0}: the file cannot be read.', basename(uri)),
    );
  }
  if (size > mb * 1024 * 1024) {
    throw new Error(
      vscode.l10n.t('{0}: the file is larger than {1} MB (setting seqlab.maxFileSizeMB).', basename(uri), mb),
    );
  }
}

/**
 * What the worker or the data layer reads. A dirty editor's text wins, so "as it is now" means what the user sees;
 * otherwise a path on disk, or bytes through workspace.fs for any other scheme.
 */
export async function sourceFor(uri: vscode.Uri): Promise<WireSource> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) return { name: basename(uri), bytes: new TextEncoder().encode(open.getText()) };
  await checkSize(uri);
  if (uri.scheme === 'file') return { path: uri.fsPath };
  return { name: basename(uri), bytes: await vscode.workspace.fs.readFile(uri) };
}

export function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
