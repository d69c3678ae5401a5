/**
 * A JSON scanner that keeps source offsets, so "Insert as new row" can add text where it belongs and leave every other
 * byte of the file as it was. Assumes the file already parsed as JSON (the data layer read it); it only finds spans.
 */

import { MAX_DEPTH } from '../jsonScan';

export type JsonNode =
  | { kind: 'array'; start: number; end: number; items: JsonNode[] }
  | { kind: 'object'; start: number; end: number; entries: Array<{ key: string; value: JsonNode }> }
  | { kind: 'value'; start: number; end: number; raw: string };

export function scanJsonSpans(text: string, from = 0): JsonNode {
  const scanner = new Scanner(text, from);
  return scanner.value();
}

class Scanner {
  constructor(
    private readonly text: string,
    private pos: number,
  ) {}

  /** `depth`: containers open around this value. The scanner recurses, so the data layer's depth limit holds here too. */
  value(depth = 0): JsonNode {
    this.skipWhitespace();
    const ch = this.text[this.pos];
    if ((ch === '[' || ch === '{') && depth >= MAX_DEPTH)
      throw new Error(`nesting is deeper than ${MAX_DEPTH} levels at offset ${this.pos}`);
    if (ch === '[') return this.array(depth + 1);
    if (ch === '{') return this.object(depth + 1);
    const start = this.pos;
    if (ch === '"') this.string();
    else while (this.pos < this.text.length && !/[\s,\]}]/.test(this.text[this.pos])) this.pos++;
    if (this.pos === start)
      throw new Error(
        `unexpected ${ch === undefined ? 'end of file' : JSON.stringify(ch)} at offset ${start}`,
      );
    return { kind: 'value', start, end: this.pos, raw: this.text.slice(start, this.pos) };
  }

  private array(depth: number): JsonNode {
    const start = this.pos++;
    const items: JsonNode[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === ']') return { kind: 'array', start, end: ++this.pos, items };
    for (;;) {
      items.push(this.value(depth));
      this.skipWhitespace();
      const ch = this.text[this.pos++];
      if (ch === ']') return { kind: 'array', start, end: this.pos, items };
      if (ch !== ',') throw new Error(`expected , or ] at offset ${this.pos - 1}`);
    }
  }

  private object(depth: number): JsonNode {
    const start = this.pos++;
    const entries: Array<{ key: string; value: JsonNode }> = [];
    this.skipWhitespace();
    if (this.text[this.pos] === '}') return { kind: 'object', start, end: ++this.pos, entries };
    for (;;) {
      this.skipWhitespace();
      const keyStart = this.pos;
      this.string();
      const key = JSON.parse(this.text.slice(keyStart, this.pos)) as string;
      this.skipWhitespace();
      if (this.text[this.pos++] !== ':') throw new Error(`expected : at offset ${this.pos - 1}`);
      entries.push({ key, value: this.value(depth) });
      this.skipWhitespace();
      const ch = this.text[this.pos++];
      if (ch === '}') return { kind: 'object', start, end: this.pos, entries };
      if (ch !== ',') throw new Error(`expected , or } at offset ${this.pos - 1}`);
    }
  }

  private string(): void {
    if (this.text[this.pos] !== '"') throw new Error(`expected a string at offset ${this.pos}`);
    this.pos++;
    while (this.pos < this.text.length && this.text[this.pos] !== '"')
      this.pos += this.text[this.pos] === '\\' ? 2 : 1;
    this.pos++;
  }

  private skipWhitespace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }
}

/** The text to put before a new last item of an array: the same separator the last two items use. */
export function itemSeparator(text: string, items: JsonNode[]): string {
  if (items.length < 2) return ' ';
  const between = text.slice(items[items.length - 2].end, items[items.length - 1].start);
  return between.replace(/^\s*,/, '');
}
