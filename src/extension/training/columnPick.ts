import * as vscode from 'vscode';
import type { Inspected, WireSource } from '../../shared/protocol';
import type { WorkerClient } from './workerClient';

export function fmt(v: number | undefined): string {
  return v === undefined ? '?' : Number(v.toPrecision(4)).toString();
}

/**
 * The column to train on: the only usable one, or the user's pick among several (count, missing, range, sparkline).
 * The file is parsed in the worker, never on the extension host's thread. Undefined when the user dismissed the pick;
 * throws with a message naming the file when it has no usable numeric column.
 */
export async function pickColumn(
  client: WorkerClient,
  source: WireSource,
  label: string,
): Promise<string | undefined> {
  return chooseColumn(await client.inspect(source), label);
}

/** The column pick over an inspection already made (the series and covariate steps reuse that inspection). */
export async function chooseColumn(inspected: Inspected, label: string): Promise<string | undefined> {
  const usable = inspected.usable;
  if (usable.length === 0) {
    const why = inspected.firstError;
    throw new Error(
      vscode.l10n.t('{0}: no numeric column with at least 10 values{1}', label, why ? ` (${why})` : ''),
    );
  }
  if (usable.length === 1) return usable[0];
  const items = usable.map((name) => {
    const c = inspected.columns.find((x) => x.name === name);
    return {
      label: name,
      description: vscode.l10n.t('{0} values · {1} missing', c?.count ?? 0, c?.missing ?? 0),
      detail: `${inspected.sparklines[name] ?? ''}  ${fmt(c?.min)} … ${fmt(c?.max)}`.trim(),
    };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('SeqLab: choose the column to train on ({0})', label),
    placeHolder: vscode.l10n.t('Column to forecast'),
    matchOnDescription: true,
  });
  return picked?.label;
}
