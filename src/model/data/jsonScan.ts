/** One pass over JSON text before JSON.parse: refuses deep nesting and finds the line where each row starts. */
import { DataError } from './errors';

export const MAX_DEPTH = 64;

export interface JsonLines {
  /** Lines of the top-level array's elements, or of the elements of each array under a top-level object key. */
  top: number[];
  byKey: Map<string, number[]>;
}

/**
 * Assumes nothing about validity: JSON.parse runs afterwards and reports syntax errors itself. `firstLine`: the file
 * line `text` starts on (a JSON Lines record is scanned on its own).
 */
export function scanJson(file: string, text: string, firstLine = 1): JsonLines {
  const top: number[] = [];
  const byKey = new Map<string, number[]>();
  const stack: number[] = []; // 91 '[' or 123 '{'
  let line = firstLine;
  let expectValue = true;
  let key = '';
  let keyStart = -1;
  let current: number[] | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) continue;
    if (expectValue) {
      expectValue = false;
      if (stack.length === 1 && stack[0] === 91) top.push(line);
      else if (stack.length === 2 && stack[0] === 123 && stack[1] === 91) current?.push(line);
    }
    if (c === 34) {
      const start = i;
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) {
        if (text.charCodeAt(i) === 92) i++;
        else if (text.charCodeAt(i) === 10) line++;
      }
      if (stack.length === 1 && stack[0] === 123 && keyStart < 0) {
        keyStart = start;
        key = text.slice(start + 1, i);
      }
    } else if (c === 91 || c === 123) {
      stack.push(c);
      if (stack.length > MAX_DEPTH)
        throw new DataError(file, `nesting is deeper than ${MAX_DEPTH} levels`, { line });
      if (stack.length === 2 && stack[0] === 123 && c === 91) {
        current = [];
        byKey.set(safeKey(key), current);
      }
      expectValue = c === 91;
    } else if (c === 93 || c === 125) {
      stack.pop();
    } else if (c === 44) {
      expectValue = stack[stack.length - 1] === 91;
      if (stack.length === 1) keyStart = -1;
    } else if (c === 58) {
      expectValue = true;
    }
  }
  return { top, byKey };
}

/** Keys are compared after JSON.parse decodes them, so decode escapes the same way (falls back to the raw text). */
function safeKey(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** Turns JSON.parse's "at position N" into a line number. */
export function syntaxError(file: string, text: string, err: unknown): DataError {
  const message = err instanceof Error ? err.message : String(err);
  const pos = /position (\d+)/.exec(message);
  const at = pos ? Number(pos[1]) : text.length;
  let line = 1;
  for (let i = 0; i < at && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  const truncated = /end of JSON input|Unterminated/i.test(message) || at >= text.trimEnd().length;
  const what = truncated
    ? 'the JSON ends too early (truncated file?)'
    : `invalid JSON (${message.replace(/\s*\(line \d+ column \d+\)/, '')})`;
  return new DataError(file, what, { line });
}
