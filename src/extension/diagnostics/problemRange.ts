/** Where a data problem is underlined: the named column's cell when it can be found, else the whole line. */
import * as vscode from 'vscode';
import type { Inspection, Problem } from '../../model/data/types';

/** What places a problem on its line: the file's layout and its columns in order. */
type Placing = Pick<Inspection, 'layout' | 'columns'>;

/** Long enough for any line; the editor clamps a range to the line's real end. */
const LINE_END = 10_000;

export function problemRange(
  p: Problem,
  inspection: Placing,
  doc: vscode.TextDocument | undefined,
): vscode.Range {
  const line = Math.max(0, p.line - 1);
  if (!doc || line >= doc.lineCount) return new vscode.Range(line, 0, line, p.line > 0 ? LINE_END : 0);
  const text = doc.lineAt(line).text;
  const cell = p.column === undefined ? undefined : cellSpan(text, p.column, inspection);
  if (cell) return new vscode.Range(line, cell[0], line, cell[1]);
  const indent = text.length - text.trimStart().length;
  return new vscode.Range(line, indent, line, Math.max(indent, text.trimEnd().length));
}

/** The [start, end) of a CSV/TSV cell by header position, or of a JSON "key": value pair on this line. */
function cellSpan(text: string, column: string, inspection: Placing): [number, number] | undefined {
  const { layout } = inspection;
  if ((layout.format === 'csv' || layout.format === 'tsv') && layout.delimiter) {
    const index = inspection.columns.findIndex((c) => c.name === column);
    if (index < 0) return undefined;
    let start = 0;
    for (let i = 0; i < index; i++) {
      const next = text.indexOf(layout.delimiter, start);
      if (next < 0) return undefined;
      start = next + layout.delimiter.length;
    }
    const end = text.indexOf(layout.delimiter, start);
    return [start, end < 0 ? text.length : end];
  }
  const key = text.indexOf(JSON.stringify(column));
  if (key < 0) return undefined;
  const stop = /[,}\]]/.exec(text.slice(key + column.length + 2));
  return [key, stop ? key + column.length + 2 + stop.index : text.length];
}
