/**
 * How text from a data file (a cell, a header, a file name) appears inside a message: at most MAX_QUOTED characters,
 * and with control characters escaped. A file is untrusted input: a 50 MB cell must not become a 50 MB message, and
 * an ESC in a header must not drive the user's terminal.
 */

/** Characters of file text a message shows before cutting it with "…". */
export const MAX_QUOTED = 80;

/**
 * C0 controls, DEL and C1 controls (terminal escapes and their 8-bit forms), line and paragraph separators, and the
 * bidirectional overrides that can make shown text read differently from what it is.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeCode(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Control characters as `\x1b`-style escapes; everything else unchanged. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, escapeCode);
}

/** The first MAX_QUOTED characters and "…" when there are more; never splits a surrogate pair. */
export function clip(text: string, max = MAX_QUOTED): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/** File text shown bare (a table cell, a list of names): clipped, controls escaped. */
export function showText(text: string): string {
  return escapeControls(clip(text));
}

const QUOTED_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** File text quoted in a message, JSON-style ("a\"b"): clipped, with quotes, backslashes and controls escaped. */
export function quoteText(text: string): string {
  return `"${escapeControls(clip(text).replace(/["\\\n\r\t]/g, (ch) => QUOTED_ESCAPES[ch]))}"`;
}
