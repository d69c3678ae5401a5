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

/** What the column pick's "Customize…" entry returns: the user wants covariates, so ask for the column again. */
export const CUSTOMIZE = Symbol('customize');

/** The column pick over an inspection already made (the series and covariate steps reuse that inspection). */
export async function chooseColumn(inspected: Inspected, label: string): Promise<string | undefined> {
  const picked = await columnPick(inspected, label, false);
  return picked === CUSTOMIZE ? undefined : picked;
}

/**
 * The right-click's first question: a column (training starts as it is), or a last "Customize…" entry that returns
 * CUSTOMIZE (the caller asks for the column again, then the covariates). A file of one usable column asks nothing.
 */
export async function chooseColumnOrCustomize(
  inspected: Inspected,
  label: string,
): Promise<string | typeof CUSTOMIZE | undefined> {
  return columnPick(inspected, label, true);
}

async function columnPick(
  inspected: Inspected,
  label: string,
  customize: boolean,
): Promise<string | typeof CUSTOMIZE | undefined> {
  const usable = inspected.usable;
  if (usable.length === 0) {
    const why = inspected.firstError;
    throw new Error(
      vscode.l10n.t('{0}: no numeric column with at least 10 values{1}', label, why ? ` (${why})` : ''),
    );
  }
  if (usable.length === 1) return usable[0];
  const items: Array<vscode.QuickPickItem & { column?: string | typeof CUSTOMIZE }> = usable.map((name) => {
    const c = inspected.columns.find((x) => x.name === name);
    return {
      label: name,
      description: vscode.l10n.t('{0} values · {1} missing', c?.count ?? 0, c?.missing ?? 0),
      detail: `${inspected.sparklines[name] ?? ''}  ${fmt(c?.min)} … ${fmt(c?.max)}`.trim(),
      column: name,
    };
  });
  if (customize)
    items.push(
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      {
        label: vscode.l10n.t('Customize…'),
        description: vscode.l10n.t('choose covariates: other columns fed as inputs beside the column'),
        column: CUSTOMIZE,
      },
    );
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('SeqLab: choose the column to train on ({0})', label),
    placeHolder: vscode.l10n.t('Column to forecast'),
    matchOnDescription: true,
  });
  return picked?.column;
}
