import { quoteText } from '../../shared/quote';

/** Bad input, described in one line that names the file, where (line and/or column) and what is wrong. */
export class DataError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly column?: string;

  constructor(file: string, what: string, where: { line?: number; column?: string } = {}) {
    super(formatLocation(file, where.line, where.column) + what.replace(/\s*\n\s*/g, ' '));
    this.name = 'DataError';
    this.file = file;
    this.line = where.line;
    this.column = where.column;
  }
}

function formatLocation(file: string, line?: number, column?: string): string {
  const parts: string[] = [];
  if (line !== undefined && line > 0) parts.push(`line ${line}`);
  if (column !== undefined) parts.push(`column ${quoteText(column)}`);
  return parts.length ? `${file}: ${parts.join(', ')}: ` : `${file}: `;
}
