/** What every `seqlab` command prints: exit codes, one-line errors, JSON, tables and a progress bar. */
import { DataError, escapeControls } from '../model/data';
import { formatNumber, TABLE } from '../shared/formatNumber';
import { UsageError } from './args';
import { errorText } from '../shared/errorText';

export const EXIT_OK = 0;
export const EXIT_DATA = 1;
export const EXIT_USAGE = 2;

export const USAGE =
  'usage: seqlab inspect|train|predict|backtest|explain FILE [options]   (seqlab COMMAND --help lists the options)';

/** Each command's usage line, as DESIGN.md's CLI contract states it. */
export const COMMAND_USAGE: Record<string, string> = {
  inspect: 'usage: seqlab inspect FILE [--json] [--max-size-mb N] [--series-column COL|none]',
  train:
    'usage: seqlab train FILE [--column NAME] [--cell rnn|gru|lstm] [--units N] [--layers N] [--window N] [--epochs N] ' +
    '[--batch N] [--lr X] [--val-split F] [--seed N] [--preset seed] [--out DIR] [--json] ' +
    '[--series NAME] [--series-column COL|none] [--columns a,b] [--features x,z]',
  predict:
    'usage: seqlab predict FILE [--column NAME] [--steps N] [--model DIR] [--json] ' +
    '[--series NAME] [--series-column COL|none] [--columns a,b]',
  backtest:
    'usage: seqlab backtest FILE [--column C] [--series S] [--folds K] [--horizon H] [--out DIR] [--json] [training options]',
  explain:
    'usage: seqlab explain FILE [--column C] [--series NAME] [--model DIR] [--window-at ROW] [--match START:END] [--json]',
};

/**
 * The one line an error becomes, never a stack: DataError and UsageError messages as they are, others prefixed.
 * Control characters from a file or an argument are shown escaped, so they cannot act on the terminal.
 */
export function errorLine(err: unknown): string {
  return escapeControls(rawErrorLine(err));
}

/**
 * By name as well as by class: the model commands are a bundle of their own (dist/modelCommands.js) with their own
 * copies of these classes, so instanceof alone sent their usage errors out with exit code 1. The names are spelled
 * out because a minified bundle renames the classes themselves.
 */
function isError(err: unknown, type: typeof DataError | typeof UsageError, name: string): err is Error {
  return err instanceof type || (err instanceof Error && err.name === name);
}

function rawErrorLine(err: unknown): string {
  if (isError(err, DataError, 'DataError') || isError(err, UsageError, 'UsageError'))
    return errorText(err.message);
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    return `seqlab: ${errorText(err.message)}${code && !err.message.includes(code) ? ` (${code})` : ''}`;
  }
  return `seqlab: ${errorText(String(err))}`;
}

/**
 * Prints the error on stderr and returns the exit code: 2 (with the usage line) for a UsageError, 1 for anything else.
 * `command` prefixes usage errors, e.g. "seqlab train: --epochs must be at least 1 (got 0)".
 */
export function reportError(err: unknown, command?: string): number {
  if (isError(err, UsageError, 'UsageError')) {
    const usage = (command && COMMAND_USAGE[command]) || USAGE;
    process.stderr.write(`${command ? `seqlab ${command}: ` : 'seqlab: '}${errorLine(err)}\n${usage}\n`);
    return EXIT_USAGE;
  }
  process.stderr.write(`${errorLine(err)}\n`);
  return EXIT_DATA;
}

/** stdout gets exactly one JSON object (on one line) under `--json`. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Aligned columns; cells that look numeric are right-aligned. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map(
    (_, i) => rows.length > 0 && rows.every((r) => /^-?[\d.,e+-]*$|^$/.test(r[i] ?? '')),
  );
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** A number in the CLI's table style (src/shared/formatNumber.ts); one argument, so it can be passed to map. */
export function tableNumber(x: number | undefined): string {
  return formatNumber(x, TABLE);
}

/**
 * A one-line progress bar on stderr, redrawn at most 10 times a second and only on a terminal, so piped output and
 * `--json` runs stay clean.
 */
export class ProgressBar {
  private last = 0;
  private drawn = false;
  private readonly enabled: boolean;

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = stream.isTTY === true && total > 0;
  }

  update(done: number, suffix = ''): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && done < this.total) return;
    this.last = now;
    const width = 30;
    const filled = Math.round((Math.min(done, this.total) / this.total) * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    this.stream.write(`\r${this.label} ${bar} ${done}/${this.total}${suffix ? `  ${suffix}` : ''}\x1b[K`);
    this.drawn = true;
  }

  /** Clears the bar so the summary that follows starts on a clean line. */
  finish(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
