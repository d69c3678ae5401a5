/** JSON and JSON Lines → Table: an array of numbers, an array of (nested) objects, or an object of arrays. */
import { DataError } from './errors';
import { scanJson, syntaxError, MAX_DEPTH } from './jsonScan';
import { TableBuilder, type Table } from './table';
import type { Layout } from './types';

export interface JsonResult {
  table: Table;
  layout: Layout;
}

const SHAPES = 'expected an array of numbers, an array of objects, or an object of arrays';

export function readJson(file: string, text: string): JsonResult {
  const lines = scanJson(file, text);
  let doc: unknown;
  try {
    doc = restoreOverflows(text, JSON.parse(text));
  } catch (err) {
    throw syntaxError(file, text, err);
  }
  const builder = new TableBuilder(file);
  let shape: Layout['jsonShape'];
  if (Array.isArray(doc)) {
    shape = addArray(builder, doc, (i) => lines.top[i] ?? 1);
  } else if (isObject(doc) && Object.values(doc).every(Array.isArray)) {
    shape = 'columns';
    addColumns(builder, doc as Record<string, unknown[]>, lines.byKey);
  } else {
    throw new DataError(file, SHAPES);
  }
  return finish(builder, {
    format: 'json',
    jsonShape: shape,
    lineEnding: text.includes('\r\n') ? '\r\n' : '\n',
  });
}

export function readJsonLines(file: string, text: string): JsonResult {
  const builder = new TableBuilder(file);
  let line = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const raw = text.slice(start, end).trim();
    start = end + 1;
    if (!raw) continue;
    // JSON.parse copes with any depth, but what walks the value afterwards (flattening, quoting) recurses.
    scanJson(file, raw, line);
    let value: unknown;
    try {
      value = restoreOverflows(raw, JSON.parse(raw));
    } catch (err) {
      throw new DataError(file, `invalid JSON (${err instanceof Error ? err.message : String(err)})`, {
        line,
      });
    }
    addRow(builder, value, line);
  }
  return finish(builder, {
    format: 'jsonl',
    jsonShape: 'lines',
    lineEnding: text.includes('\r\n') ? '\r\n' : '\n',
  });
}

/** A well-formed JSON file without numbers is still described; making a series from it is what fails. */
function finish(builder: TableBuilder, layout: Layout): JsonResult {
  return { table: builder.finish(), layout };
}

function addArray(
  builder: TableBuilder,
  items: unknown[],
  lineOf: (i: number) => number,
): Layout['jsonShape'] {
  const records = items.some(isObject);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (records !== isObject(item) && item !== null) {
      const what = records ? 'an object like the other elements' : 'a number like the other elements';
      throw new DataError(builder.file, `element ${i} is not ${what}`, { line: lineOf(i) });
    }
    addRow(builder, item, lineOf(i));
  }
  return records ? 'records' : 'numbers';
}

function addRow(builder: TableBuilder, value: unknown, line: number): void {
  const row = new Map<string, unknown>();
  if (isObject(value)) flatten(value, '', row, 0);
  else row.set('value', value);
  builder.addObject(row, line);
}

function addColumns(
  builder: TableBuilder,
  doc: Record<string, unknown[]>,
  lines: Map<string, number[]>,
): void {
  const keys = Object.keys(doc);
  const length = Math.max(0, ...keys.map((k) => doc[k].length));
  for (const k of keys) {
    if (doc[k].length !== length) {
      builder.problems.push({
        line: lines.get(k)?.[0] ?? 1,
        column: k,
        severity: 'warning',
        message: `has ${doc[k].length} values, others have ${length}; the rest count as missing`,
      });
    }
  }
  builder.setHeader(keys);
  const longest = keys.find((k) => doc[k].length === length) ?? '';
  for (let i = 0; i < length; i++) {
    const row = new Map<string, unknown>();
    for (const k of keys) row.set(k, doc[k][i]);
    builder.addObject(row, lines.get(longest)?.[i] ?? 1);
  }
}

/** Nested objects become dot paths (`record.high`); arrays inside a record stay one (non-numeric) cell. */
function flatten(
  obj: Record<string, unknown>,
  prefix: string,
  out: Map<string, unknown>,
  depth: number,
): void {
  if (depth > MAX_DEPTH) return;
  for (const [k, v] of Object.entries(obj)) {
    const name = prefix + k;
    if (isObject(v)) flatten(v, `${name}.`, out, depth + 1);
    else out.set(name, v);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A number literal that JSON.parse turns into ±Infinity: 309 or more integer digits, or an exponent of 3+ digits. */
const MAYBE_OVERFLOW = /\d{309}|\d[eE]\+?\d{3}/;
/** JSON strings (skipped) and number literals, in text order. */
const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/**
 * JSON.parse reads 1e400 as Infinity, and the literal is lost. Each infinite number in `value` gets its source text
 * back, so the cell is reported as "1e400 overflows a 64-bit float" instead of as a non-number. Values are visited in
 * document order, which is the order JSON.parse keeps (except that integer-like keys of an object come first).
 */
function restoreOverflows(text: string, value: unknown): unknown {
  if (!MAYBE_OVERFLOW.test(text)) return value;
  const literals: string[] = [];
  for (const [token] of text.matchAll(TOKENS))
    if (token[0] !== '"' && !Number.isFinite(Number(token))) literals.push(token);
  let next = 0;
  const visit = (v: unknown): unknown => {
    if (typeof v === 'number') return Number.isFinite(v) ? v : (literals[next++] ?? String(v));
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) v[i] = visit(v[i]);
    else if (isObject(v)) for (const k of Object.keys(v)) v[k] = visit(v[k]);
    return v;
  };
  return visit(value);
}
