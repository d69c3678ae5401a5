import * as vscode from 'vscode';
import { inspectData, readSeries, usableColumns, type DataSource, type Inspection } from '../../model/data';
import { sparkline } from '../../shared/sparkline';

/** Sparklines need one parse per column; above this size the pick shows only counts and ranges. */
const SPARK_MAX_BYTES = 4 * 1024 * 1024;

function fmt(v: number | undefined): string {
  return v === undefined ? '?' : Number(v.toPrecision(4)).toString();
}

export interface ColumnChoice {
  inspection: Inspection;
  /** Undefined when the user dismissed the pick. */
  column: string | undefined;
}

/**
 * The column to train on: the only usable one, or the user's pick among several (count, missing, range, sparkline).
 * Throws (a DataError naming the file) when the file has no usable numeric column.
 */
export async function chooseColumn(source: DataSource, size: number, label: string): Promise<ColumnChoice> {
  const inspection = await inspectData(source);
  const usable = usableColumns(inspection);
  if (usable.length === 0) {
    const why = inspection.problems.find((p) => p.severity === 'error')?.message;
    throw new Error(vscode.l10n.t('{0}: no numeric column with at least 10 values{1}', label, why ? ` (${why})` : ''));
  }
  if (usable.length === 1) return { inspection, column: usable[0] };
  const items = await Promise.all(
    usable.map(async (name) => {
      const c = inspection.columns.find((x) => x.name === name);
      let spark = '';
      if (size <= SPARK_MAX_BYTES) {
        try {
          spark = sparkline((await readSeries(source, { column: name })).values);
        } catch {
          spark = '';
        }
      }
      return {
        label: name,
        description: vscode.l10n.t('{0} values · {1} missing', c?.count ?? 0, c?.missing ?? 0),
        detail: `${spark}  ${fmt(c?.min)} … ${fmt(c?.max)}`.trim(),
      };
    }),
  );
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('SeqLab: choose the column to train on ({0})', label),
    placeHolder: vscode.l10n.t('Column to forecast'),
    matchOnDescription: true,
  });
  return { inspection, column: picked?.label };
}
