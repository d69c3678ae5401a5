/** Shared by the prediction, models, diagnostics, trust and hidden-state suites: real files, real CLI training. */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PredictResult } from '../../src/extension/prediction/predictCommand';

export type { PredictResult };

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs the fixture workspace open');
  return folder.uri.fsPath;
}

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceDir(), name));
}

/** A private copy of a fixture, so suites that edit or train on it never disturb each other. */
export function copyFixture(from: string, to: string): vscode.Uri {
  fs.copyFileSync(path.join(workspaceDir(), from), path.join(workspaceDir(), to));
  return fixtureUri(to);
}

export async function activate(): Promise<void> {
  const ext = vscode.extensions.getExtension('seqlab.seqlab');
  if (!ext) throw new Error('seqlab.seqlab is not installed');
  await ext.activate();
}

function cli(): string {
  const ext = vscode.extensions.getExtension('seqlab.seqlab');
  if (!ext) throw new Error('seqlab.seqlab is not installed');
  return path.join(ext.extensionPath, 'dist', 'cli.js');
}

/** Runs `node dist/cli.js ARGS --json` in the workspace folder and parses its one JSON object. */
export function runCli(args: string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    // process.execPath is the extension host's Node, which runs the CLI just as `node` would.
    execFile(
      process.execPath,
      [cli(), ...args, '--json'],
      { cwd: workspaceDir(), env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`seqlab ${args.join(' ')} failed: ${stderr.trim() || err.message}`));
        else resolve(JSON.parse(stdout) as Record<string, unknown>);
      },
    );
  });
}

/** Trains a small model quickly (few epochs, few units); returns the model folder. */
export async function trainWithCli(
  file: string,
  cell: 'rnn' | 'gru' | 'lstm' = 'rnn',
  extra: string[] = [],
): Promise<string> {
  const out = await runCli([
    'train',
    file,
    '--cell',
    cell,
    '--units',
    '4',
    '--epochs',
    '3',
    '--seed',
    '7',
    ...extra,
  ]);
  return path.resolve(workspaceDir(), String(out.modelDir));
}

export async function predictSilently(arg: unknown): Promise<PredictResult> {
  return (await vscode.commands.executeCommand('seqlab.predictNext', arg, { silent: true })) as PredictResult;
}

/** Resolves once the Problems panel's diagnostics for `uri` satisfy `done` (or at once if they already do). */
export function diagnosticsWhen(
  uri: vscode.Uri,
  done: (d: readonly vscode.Diagnostic[]) => boolean,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const now = vscode.languages.getDiagnostics(uri);
    if (done(now)) return resolve(now);
    const sub = vscode.languages.onDidChangeDiagnostics(() => {
      const d = vscode.languages.getDiagnostics(uri);
      if (done(d)) {
        sub.dispose();
        resolve(d);
      }
    });
  });
}

export function closeTo(a: number, b: number): boolean {
  // Same model, data and backend: equal up to float32 rounding in the last place.
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
}

/**
 * Writes a 240-row random walk (one `value` column) into the workspace: naive is the best forecast there is, so a
 * levels network that barely trained loses to a plain method on validation.
 */
export function writeRandomWalk(name: string, seed: number): vscode.Uri {
  let level = 0;
  let s = seed;
  const rows = Array.from({ length: 240 }, () => {
    s = (s * 16807) % 2147483647;
    level += s / 2147483647 - 0.5;
    return level.toFixed(4);
  });
  const file = fixtureUri(name);
  fs.writeFileSync(file.fsPath, ['value', ...rows].join('\n') + '\n');
  return file;
}
